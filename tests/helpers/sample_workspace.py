"""A copy of a workspace holding the sample account, built once per test run.

Creating the sample commits a hundred small units of work, each one synced to disk: about a
second per test that asks for it. Tests that only need the sample as data take a copy of one
built at the first request; the tests of creating the sample itself still create it.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from contactmap_desktop.services.workspace_service import open_workspace


@cache
def sample_template() -> Path:
    """The workspace file all copies are taken of, built at the first call."""
    folder = Path(tempfile.mkdtemp(prefix="contactmap-sample-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "sample.cmap"
    # Closing checkpoints the write-ahead log, so the file alone holds the whole sample.
    open_workspace(path, with_sample=True, backups_root=folder / "backups").close()
    return path


def sample_copy(path: Path) -> Path:
    """Write a fresh copy of the sample workspace at ``path`` (private, as the app makes it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample_template(), path)
    path.chmod(0o600)
    return path
