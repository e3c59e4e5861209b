#!/usr/bin/env bash
# Installs everything ContactMap Desktop needs on Debian/Ubuntu: system packages, a virtual
# environment in .venv, and the app with its development tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh

# A Python the app supports (pyproject.toml's requires-python): $PYTHON if set, else the
# system's python3, else one installed beside it (Ubuntu 22.04's python3 is 3.10:
# install-system-packages.sh adds its python3.11 there).
supported() { "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 15))' 2> /dev/null; }
python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3 python3.14 python3.13 python3.12 python3.11; do
    if command -v "$candidate" > /dev/null && supported "$candidate"; then
      python=$candidate
      break
    fi
  done
fi
if [ -z "$python" ]; then
  echo "setup: ContactMap needs Python 3.11 to 3.14 and found none; install one" \
    "(e.g. apt install python3.11-venv) or name it: PYTHON=/path/to/python3 $0" >&2
  exit 1
fi
# A .venv left by an unsupported Python (an earlier run, another machine) is made again.
if [ -x .venv/bin/python ] && ! supported .venv/bin/python; then
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
