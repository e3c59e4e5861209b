#!/usr/bin/env bash
# Installs everything ContactMap Desktop needs on Debian/Ubuntu: system packages, a virtual
# environment in .venv, and the app with its development tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
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
