"""Starting helper processes that run this checkout's code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_child(*args: str) -> subprocess.Popen[str]:
    """``python -m tests.helpers.workspace_child ARGS`` with pipes, from the checkout root."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.workspace_child", *args],
        cwd=ROOT, env=environment, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def wait_ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        _, errors = child.communicate()
        raise AssertionError(f"child did not start: {line!r} {errors}")


def kill_hard(child: subprocess.Popen[str]) -> str:
    """SIGKILL, as a crash or the task manager would; returns what the child still printed.

    The rest is read through ``child.stdout`` itself, not ``communicate()``: communicate
    reads the raw pipe and would drop lines that earlier ``readline()`` calls had already
    buffered, hiding an edit the child began.
    """
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert child.stdout is not None
    remaining = child.stdout.read()
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
            stream.close()
    return remaining


# Root passes every file permission check; these capabilities are what lets it.
_OVERRIDES = "-dac_override,-dac_read_search,-fowner"


def run_as_a_user(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -c CODE ARGS`` in a child that meets file permissions as any user does.

    Under root the child drops the capabilities that override them (setpriv, util-linux) and
    stays root otherwise, so it still reaches the test's own private folders."""
    command = [sys.executable, "-c", code, *args]
    if os.geteuid() == 0:
        command = ["setpriv", f"--inh-caps={_OVERRIDES}", f"--bounding-set={_OVERRIDES}", "--",
                   *command]
    return subprocess.run(command, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=120, check=False)
