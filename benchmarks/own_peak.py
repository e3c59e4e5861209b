"""Run a command and report its own peak memory, not the peak of the process that started it.

    python -I -S benchmarks/own_peak.py COMMAND [ARG …]

Linux counts a process's peak resident memory (``ru_maxrss``) from before its ``exec``: a
child forked (or vforked) by a large process starts with its parent's size as its peak. The
benchmarks import SQLAlchemy and build accounts, so their children would all seem at least that
large. This launcher is a bare interpreter (about 8 MB, far below any window) that starts the
command with the command's output thrown away and prints one line: the command's exit code,
wall seconds and peak resident memory in kilobytes.
"""

import os
import sys
import time


def main() -> int:
    command = sys.argv[1:]
    report = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(null, 1)
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    os.write(report, f"{os.waitstatus_to_exitcode(status)} {seconds} {usage.ru_maxrss}\n"
             .encode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
