#!/usr/bin/env bash
# Builds the packaged app (build/build.sh) and checks it as a user would run it, with no
# Python of ours on the path: the window paints its first frame, the command line works on
# the default workspace, non-Latin names survive, and the .tar.gz and .deb hold what they
# should. Any failure exits non-zero, failing CI.
#
#   bash scripts/ci-bundle-smoke.sh             build, package, check
#   bash scripts/ci-bundle-smoke.sh --no-build  check what is already in dist/
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
if [ "${1:-}" != "--no-build" ]; then
  PYTHON=$python bash build/build.sh
fi

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
app=$PWD/dist/contactmap/contactmap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private user: the default workspace, settings and logs go into $work.
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
export QT_QPA_PLATFORM=offscreen
# Nothing from the build environment may leak into the frozen app.
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV

fail() { echo "bundle smoke: FAIL: $*" >&2; exit 1; }
pass() { echo "bundle smoke: ok: $*"; }
run() { timeout 120 "$app" "$@"; }

[ "$(run --version)" = "contactmap $version" ] || fail "--version is not $version"
pass "--version says $version"

run --smoke > "$work/smoke.txt" || fail "--smoke exited $?"
grep -qx "smoke: first frame painted" "$work/smoke.txt" || fail "--smoke painted no first frame"
grep -q "^smoke: window painted: workspace.cmap" "$work/smoke.txt" ||
  fail "--smoke did not paint the window: $(cat "$work/smoke.txt")"
pass "--smoke painted the splash, then the window on the default workspace, and exited 0"

run accounts > "$work/accounts.txt" || fail "accounts exited $?"
grep -qx "Northwind Logistics" "$work/accounts.txt" || fail "the sample account is missing"
run check > "$work/check.txt" || fail "check exited $?"
grep -q ": ok (schema version" "$work/check.txt" || fail "check said: $(cat "$work/check.txt")"
pass "check: $(cat "$work/check.txt")"

printf 'not a workspace\n' > "$work/junk.cmap"
set +e
run check --workspace "$work/junk.cmap" > /dev/null 2> "$work/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "check on a damaged file exited $status, not 1"
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "check on a damaged file: $(cat "$work/err.txt")"
pass "check on a damaged file: exit 1, one line"

# Non-Latin names through the frozen app's CSV import and export (codecs, fonts data).
printf 'Name,Title,Department\n王芳,采购总监,采购部\nСветлана Иванова,CFO,Finance\nمحمد علي,CIO,IT\nप्रिया शर्मा,COO,Ops\n김민준,CTO,IT\n' \
  > "$work/people.csv"
run import-csv "$work/people.csv" --account "Northwind Logistics" > /dev/null ||
  fail "import-csv exited $?"
run export-csv --account "Northwind Logistics" --out "$work/out.csv" > /dev/null ||
  fail "export-csv exited $?"
grep -q "王芳" "$work/out.csv" && grep -q "Светлана Иванова" "$work/out.csv" ||
  fail "non-Latin names did not survive import and export"
pass "CJK and Cyrillic names survive import-csv and export-csv"

# PDFs from the bundle: ReportLab, its data and the bundled fonts, with non-Latin names.
pdf_has_names() {  # FILE: the PDF's text holds both imported names
  pdftotext "$1" "$1.txt" && grep -q "王芳" "$1.txt" && grep -q "Светлана" "$1.txt"
}
run export-pdf map --account "Northwind Logistics" --out "$work/map.pdf" > /dev/null ||
  fail "export-pdf map exited $?"
pdf_has_names "$work/map.pdf" || fail "the map PDF's text lacks the CJK or Cyrillic name"
pass "export-pdf map: the PDF text holds the CJK and Cyrillic names"
# Shaped scripts need HarfBuzz and python-bidi in the bundle, and their faces: the names
# read back letter for letter (Arabic in reading order, Devanagari with its conjuncts).
for word in "محمد" "علي" "प्रिया" "शर्मा" "김민준"; do
  grep -q "$word" "$work/map.pdf.txt" || fail "the map PDF's text lacks $word"
done
pass "export-pdf map: Arabic, Devanagari and Korean names read back in reading order"

set +e
run export-pdf letter --account "Northwind Logistics" --out "$work/letter.pdf" \
  > /dev/null 2> "$work/letter-err.txt"
status=$?
set -e
if [ "$status" -eq 1 ] && grep -q "not available in this version" "$work/letter-err.txt"; then
  echo "bundle smoke: export-pdf letter is not on main yet: letter check not run" >&2
else
  [ "$status" -eq 0 ] || fail "export-pdf letter exited $status: $(cat "$work/letter-err.txt")"
  pdftotext "$work/letter.pdf" "$work/letter.txt"
  # The sample letter quotes 李伟 of the sample account, set in the bundled CJK face.
  grep -q "李伟" "$work/letter.txt" || fail "the letter PDF's text lacks the sample's CJK name"
  pass "export-pdf letter: the PDF text holds the CJK name the sample letter quotes"
fi

# PDFium draws the letter's pages for the composer's preview and for printing.
[ -s dist/contactmap/_internal/pypdfium2_raw/libpdfium.so ] ||
  fail "PDFium (the letter preview and printing) is not in the bundle"
pass "PDFium bundled for the letter preview and printing"

fonts=dist/contactmap/_internal/resources/fonts
for font in DejaVuSans.ttf DejaVuSans-Bold.ttf DroidSansFallbackFull.ttf; do
  [ -s "$fonts/$font" ] || fail "$font is not in the bundle"
done
pass "fonts bundled: $(cd "$fonts" && ls | paste -sd' ')"
# Without ReportLab's C accelerators big PDFs take three times as long; nothing else says so.
compgen -G "dist/contactmap/_internal/_rl_accel*" > /dev/null ||
  fail "ReportLab's accelerators (_rl_accel) are not in the bundle"
pass "ReportLab's accelerators bundled"

# --- packages -------------------------------------------------------------------------------
if [ "$(uname -s)" = "Linux" ]; then
  tarball=dist/contactmap-$version-linux-$(uname -m).tar.gz
  tar -tzf "$tarball" > "$work/tar.txt"  # (grep -q on a pipe would SIGPIPE tar)
  grep -qx "contactmap-$version/contactmap" "$work/tar.txt" || fail "$tarball lacks the app"
  pass "$tarball"

  deb=dist/contactmap_${version}_$(dpkg --print-architecture).deb
  [ "$(dpkg-deb -f "$deb" Package Version)" = "$(printf 'Package: contactmap\nVersion: %s' "$version")" ] ||
    fail "$deb has the wrong name or version"
  dpkg-deb -c "$deb" > "$work/deb.txt"
  for path in ./usr/bin/contactmap ./opt/contactmap/contactmap \
      ./usr/share/applications/contactmap.desktop \
      ./usr/share/icons/hicolor/48x48/apps/contactmap.png \
      ./usr/share/icons/hicolor/scalable/apps/contactmap.svg; do
    grep -q " $path\( ->.*\)\?$" "$work/deb.txt" || fail "$deb lacks $path"
  done
  dpkg-deb -x "$deb" "$work/root"
  [ "$(readlink "$work/root/usr/bin/contactmap")" = ../../opt/contactmap/contactmap ] ||
    fail "/usr/bin/contactmap does not point into /opt/contactmap"
  [ "$("$work/root/usr/bin/contactmap" --version)" = "contactmap $version" ] ||
    fail "the unpacked .deb does not run"
  grep -qx "Exec=contactmap" "$work/root/usr/share/applications/contactmap.desktop" ||
    fail "the menu entry does not run contactmap"
  if [ "$(id -u)" -eq 0 ]; then
    # Checks every Depends is installable here without installing anything.
    dpkg --dry-run -i "$deb" > /dev/null || fail "dpkg cannot install $deb"
  fi
  pass "$deb: /opt/contactmap, the contactmap command, menu entry and icons"
fi
echo "bundle smoke: all checks passed"
