#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# Temporary files (each test's workspaces, the private PostgreSQL server) in memory where
# there is a RAM disk with room, as the Debian root's /tmp is: SQLite syncs every commit to
# disk, and on a shared disk those waits were most of the run's time. A TMPDIR given wins.
if [ -z "${TMPDIR:-}" ] && [ "$(stat -f -c %T /dev/shm 2> /dev/null)" = tmpfs ] &&
   [ "$(df -Pk /dev/shm | awk 'NR == 2 {print $4}')" -gt 2000000 ]; then
  export TMPDIR=/dev/shm
fi
set +e
# One worker per core (pytest-xdist): the suite is mostly CPU-bound. Each worker has its own
# session fixtures (the sample workspace, the private PostgreSQL server). A file's tests run
# in one worker, in order: a module's fixtures are built once, and a test may read what the
# one before it left (the account-file fuzz's last test). A worker that crashes (a segfault
# in Qt) ends the run as a failure naming its test: xdist 3.8 replacing it under loadfile can
# wait forever. Files are handed out in the order tests/conftest.py puts them (slow ones first),
# not xdist's (most tests first, which left the few long ones to the end). Arguments given here
# come later and win: `-n 0` runs everything in one process.
.venv/bin/python -m pytest -n logical --dist loadfile --no-loadscope-reorder \
  --max-worker-restart=0 "$@"
status=$?
set -e
# pytest exits 5 when it collected no tests: that is a failure, never a pass.
if [ "$status" -eq 5 ]; then
  echo "No tests were collected: failing." >&2
  exit 1
fi
exit "$status"
