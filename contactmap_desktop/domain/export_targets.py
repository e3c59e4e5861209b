"""Files an export (a PDF, CSV, account file, copy) must never replace: a database (a
workspace or one of its backups) and the files SQLite and the app keep beside a workspace."""

from __future__ import annotations

import os
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# Beside ``name.cmap``: SQLite's write-ahead log, its index and rollback journal, our lock.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def is_database(path: Path) -> bool:
    """True when ``path`` is an ordinary file that starts as an SQLite database does."""
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError:
        return False
    try:
        return os.path.isfile(path) and os.read(descriptor, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
    finally:
        os.close(descriptor)


def side_file_refusal(target: Path) -> str | None:
    """Why ``target``, a file kept beside a workspace, must not be written; else None."""
    target = Path(target)
    for suffix in SIDE_SUFFIXES:
        if not target.name.endswith(suffix) or target.name == suffix:
            continue
        base = target.with_name(target.name[:-len(suffix)])
        if is_database(base):
            return (f"{target.name} belongs to the workspace {base.name} (SQLite and the app "
                    "keep it beside the workspace); choose another name")
    return None


def export_refusal(target: Path) -> str | None:
    """Why writing ``target`` would destroy a workspace, in words; None when it would not."""
    target = Path(target)
    side = side_file_refusal(target)
    if side is not None:
        return side
    if is_database(target):
        return (f"{target.name} is a workspace (or another database), which an export never "
                "replaces; choose another name")
    return None
