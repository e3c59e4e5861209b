#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected no tests: that is a failure, never a pass.
if [ "$status" -eq 5 ]; then
  echo "No tests were collected: failing." >&2
  exit 1
fi
exit "$status"
