#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages ContactMap Desktop needs: the libraries Qt loads (offscreen
# and on a real X display), the fonts the PDFs embed, poppler for the PDF tests and PostgreSQL
# for the team server tests.
set -euo pipefail

packages=(
  python3-venv
  # Qt offscreen and xcb platform plugins
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 libxcb-randr0 libxcb-xfixes0
  libxcb-sync1 libxcb-xinerama0
  # fonts embedded in the PDFs: Latin/Greek/Cyrillic and CJK
  fonts-dejavu-core fonts-droid-fallback
  # Hangul; Arabic, Hebrew, Devanagari, Thai (TrueType Noto); colour-less emoji (Symbola)
  fonts-nanum fonts-noto-core fonts-symbola
  # the oblique DejaVu faces: the PDFs' italics, bundled by build/contactmap.spec when present
  fonts-dejavu-extra
  # strip and objdump for the PyInstaller build (build/build.sh)
  binutils
  # pdftotext / pdftoppm for checking PDFs
  poppler-utils
  # the private team server the tests start (initdb, pg_ctl, pg_dump): PostgreSQL 15
  postgresql
)

# Ubuntu 22.04's python3 is 3.10, older than the app supports: its python3.11 (universe).
if command -v python3 > /dev/null &&
    ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2> /dev/null; then
  packages+=(python3.11 python3.11-venv)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" || {
  echo "install-system-packages: could not install ${missing[*]}" \
    "(on Ubuntu, python3.11 is in universe: sudo add-apt-repository universe)" >&2
  exit 1
}
