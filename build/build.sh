#!/usr/bin/env bash
# Builds the one-folder bundle dist/contactmap/ from build/contactmap.spec, then (on Linux)
# the .tar.gz and the .deb next to it. PyInstaller's work files go to .pyinstaller/ and the
# output to dist/, both git-ignored; nothing is written into build/.
#
#   bash build/build.sh              build, then package (Linux)
#   bash build/build.sh --no-package build only
# Uses $PYTHON if set, else .venv/bin/python (scripts/setup.sh creates it).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
package=1
[ "${1:-}" = "--no-package" ] && package=0

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --workpath .pyinstaller --distpath dist build/contactmap.spec
finished=$(date +%s)

size=$(du -sm dist/contactmap | cut -f1)
echo "bundle: dist/contactmap (${size} MB), built in $((finished - started)) s"

if [ "$package" -eq 1 ] && [ "$(uname -s)" = "Linux" ]; then
  bash build/package_linux.sh
fi
