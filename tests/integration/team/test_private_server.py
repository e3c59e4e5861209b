"""The test run's private PostgreSQL server does not outlive a killed test process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.processes import ROOT

_STARTER = """
import time
from tests.helpers.postgres_server import start_server
print(start_server().folder, flush=True)
time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_server_whose_starter_is_killed_stops_and_its_folder_goes() -> None:
    starter = subprocess.Popen([sys.executable, "-c", _STARTER], cwd=ROOT, text=True,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)),
                               stdout=subprocess.PIPE)
    assert starter.stdout is not None
    folder = Path(starter.stdout.readline().strip())
    starter.stdout.close()
    # The postmaster's pid is the first line of its lock file.
    postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    try:
        assert _alive(postmaster)
        starter.send_signal(signal.SIGKILL)
        starter.wait()
        deadline = time.monotonic() + 10
        while (folder.exists() or _alive(postmaster)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(postmaster), "the server outlived the process that started it"
        assert not folder.exists(), "the server's folder outlived the process that started it"
    finally:
        if _alive(postmaster):  # never leave a server behind, even when this test fails
            os.kill(postmaster, signal.SIGQUIT)
        shutil.rmtree(folder, ignore_errors=True)
