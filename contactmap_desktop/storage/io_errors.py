"""Turning the operating system's and SQLite's write failures into words a user can act on."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the disk does not accept a file this large",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.EIO: "the disk reported an input/output error",
}

# SQLite's messages for its result codes (sqlite3_errstr), mapped to the same words.
_SQLITE_REASONS = {
    "database or disk is full": "the disk is full",
    "disk i/o error": "the disk reported an input/output error",
    "attempt to write a readonly database": "the workspace is open read-only",
    "database is locked": "another program is writing to the workspace",
    "unable to open database file": "the file cannot be opened",
}


def describe_os_error(error: OSError) -> str:
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return (error.strerror or str(error)).rstrip(".").lower() or "the disk refused the write"


def describe_sqlite_error(error: BaseException) -> str | None:
    """Plain words for a storage failure, or None if ``error`` is not one (then it is a bug)."""
    if isinstance(error, OSError):
        return describe_os_error(error)
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        for known, reason in _SQLITE_REASONS.items():
            if known in message:
                return reason
        if "i/o" in message or "disk" in message:
            return "the disk reported an error"
    return None


# Below this much free space SQLite may fail to create the -wal and -shm beside a workspace.
_NEARLY_FULL_BYTES = 1024 * 1024


def describe_open_failure(path: Path, error: sqlite3.Error) -> str | None:
    """Why SQLite could not even read a sound workspace, in words the user can act on, when
    the cause is its folder or disk rather than the file; None when it is not (damage)."""
    if describe_sqlite_error(error) is None:
        return None
    folder = Path(path).resolve().parent
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY) \
            or not os.access(folder, os.W_OK)
        free = shutil.disk_usage(folder).free
    except OSError:
        return describe_sqlite_error(error)
    if read_only:
        return (f"its folder {folder} is read-only, and SQLite must create small files beside a "
                "workspace (-wal, -shm) even to read it; copy it to a folder you can write to")
    if free < _NEARLY_FULL_BYTES:
        return (f"the disk holding {folder} is full, and SQLite must create small files beside "
                "a workspace (-wal, -shm) even to read it; free some space")
    return describe_sqlite_error(error)
