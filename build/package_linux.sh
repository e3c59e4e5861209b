#!/usr/bin/env bash
# Packs the bundle dist/contactmap/ (build it first: build/build.sh) for Linux:
#   dist/contactmap-VERSION-linux-ARCH.tar.gz   the folder, renamed contactmap-VERSION/
#   dist/contactmap_VERSION_DEBARCH.deb         installs to /opt/contactmap, adds the
#                                               `contactmap` command, a menu entry and icons
# The .deb's Depends are the Debian packages owning the system libraries the bundle links
# to (found with ldd, the way dpkg-shlibdeps does), so it installs on a bare Debian/Ubuntu.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
bundle=dist/contactmap
[ -x "$bundle/contactmap" ] || { echo "package_linux: $bundle not built" >&2; exit 1; }
version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
machine=$(uname -m)
debarch=$(dpkg --print-architecture)

# --- .tar.gz -------------------------------------------------------------------------------
tarball=dist/contactmap-$version-linux-$machine.tar.gz
tar -C dist --transform "s,^contactmap,contactmap-$version," -czf "$tarball" contactmap
echo "tar.gz: $tarball ($(du -m "$tarball" | cut -f1) MB)"

# --- .deb ----------------------------------------------------------------------------------
root=.pyinstaller/deb/contactmap_${version}_$debarch
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/contactmap"
cp -a "$bundle" "$root/opt/contactmap"
ln -s ../../opt/contactmap/contactmap "$root/usr/bin/contactmap"
install -m 0644 build/linux/contactmap.desktop "$root/usr/share/applications/contactmap.desktop"
for png in resources/icons/contactmap-*.png; do
  size=${png##*-}; size=${size%.png}
  mkdir -p "$root/usr/share/icons/hicolor/${size}x$size/apps"
  install -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x$size/apps/contactmap.png"
done
install -m 0644 resources/icons/contactmap.svg "$root/usr/share/icons/hicolor/scalable/apps/contactmap.svg"
for license in "$bundle"/_internal/resources/fonts/LICENSE-*; do
  [ -e "$license" ] && install -m 0644 "$license" "$root/usr/share/doc/contactmap/"
done

# System libraries the bundle links to but does not carry → the packages that own them.
internal=$(find "$bundle" -type d | paste -sd:)
depends=$(
  find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' file; do
      [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
      LD_LIBRARY_PATH=$internal ldd "$file" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}'
    done | sort -u | { grep -v "^$PWD/" || true; } |
    while read -r lib; do
      dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
        dpkg -S "/usr$lib" 2>/dev/null || echo "package_linux: no package owns $lib" >&2
    done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g'
)
[ -n "$depends" ] || { echo "package_linux: found no library dependencies" >&2; exit 1; }

cat > "$root/DEBIAN/control" <<CONTROL
Package: contactmap
Version: $version
Section: office
Priority: optional
Architecture: $debarch
Maintainer: ContactMap Desktop <contactmap@example.org>
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: $depends, fonts-dejavu-core
Recommends: fonts-droid-fallback
Description: map and plan the relationships between a sales team and a client
 ContactMap Desktop is an offline application in which a sales executive maps every
 relationship between their team and the people inside a client enterprise, grades
 them, plans how to improve the key ones and prints sponsor letters.
 .
 The application is a self-contained bundle in /opt/contactmap; no Python is needed.
CONTROL

deb=dist/contactmap_${version}_$debarch.deb
# gzip rather than xz: seconds instead of a minute on CI's two cores, for ~10% more bytes.
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "deb: $deb ($(du -m "$deb" | cut -f1) MB)"
echo "Depends: $depends, fonts-dejavu-core"
