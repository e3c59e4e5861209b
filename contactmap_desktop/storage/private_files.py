"""Files and folders that only the user can read (0600 files in 0700 folders on POSIX)."""

from __future__ import annotations

import os
from pathlib import Path

_POSIX = os.name == "posix"


def make_private_file(path: Path) -> None:
    """Workspaces and backups hold client notes: readable by the user only."""
    if _POSIX:
        path.chmod(0o600)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700 folders; tighten it if it is ours.

    Only folders the app creates or owns (data, backups) come here: a folder the user chose,
    such as Documents, is never changed.
    """
    missing = [p for p in [path, *path.parents] if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        for folder in [path, *missing]:
            folder.chmod(0o700)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX); a no-op where folders cannot be opened."""
    if not _POSIX:
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
