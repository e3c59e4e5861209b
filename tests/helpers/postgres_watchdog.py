"""Stops a private PostgreSQL server and removes its folder when the process that started it
ends without doing so (killed, crashed): started beside the server by postgres_server.py.

    python postgres_watchdog.py PARENT_PID FOLDER STOP_COMMAND...

Only the standard library: it must start fast and outlive the parent's imports."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> None:
    parent, folder, *stop = sys.argv[1:]
    try:
        # A pidfd becomes readable when that very process ends, whoever its parent is.
        waiting = select.poll()
        waiting.register(os.pidfd_open(int(parent)), select.POLLIN)
        waiting.poll()
    except ProcessLookupError:
        pass  # it ended already
    # The parent's own stop removes the folder (then ends this watchdog): nothing left to do.
    if Path(folder).exists():
        subprocess.run(stop, capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
