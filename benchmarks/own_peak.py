"""Run a command and report its own peak memory, not the peak of the process that started it,
and when it printed each ``smoke:`` line.

    python -I -S benchmarks/own_peak.py COMMAND [ARG …]

Linux counts a process's peak resident memory (``ru_maxrss``) from before its ``exec``: a
child forked (or vforked) by a large process starts with its parent's size as its peak. The
benchmarks import SQLAlchemy and build accounts, so their children would all seem at least that
large. This launcher is a bare interpreter (about 8 MB, far below any window) that starts the
command, reads its output and prints: first the command's exit code, wall seconds and peak
resident memory in kilobytes, then one line per ``smoke:`` line of the command, with the
seconds from the start to the moment that line arrived (``--smoke`` prints one when the first
frame is painted and one when the window is).
"""

import os
import sys
import time


def main() -> int:
    command = sys.argv[1:]
    report = os.dup(1)
    reading, writing = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        os.dup2(writing, 1)
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    os.close(writing)
    marks = []
    with os.fdopen(reading, "rb") as output:
        for line in output:
            if line.startswith(b"smoke: "):
                marks.append(f"{time.perf_counter() - started} {line[7:].decode().strip()}")
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    lines = [f"{os.waitstatus_to_exitcode(status)} {seconds} {usage.ru_maxrss}", *marks]
    os.write(report, ("\n".join(lines) + "\n").encode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
