#!/usr/bin/env bash
# Imports mutated account files, as the normal suite does with 1,000, but as many as asked
# (default 10,000): each must be refused in one line or merged without touching the other
# account, and the workspace must still read as the window and the commands read it.
#   bash scripts/fuzz-account-files.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export CONTACTMAP_FUZZ_CASES="${1:-10000}"
exec .venv/bin/python -m pytest -p no:cacheprovider -q -s \
  tests/integration/services/test_account_file_fuzz.py
