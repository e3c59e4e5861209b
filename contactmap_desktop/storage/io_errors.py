"""Turning the operating system's and SQLite's write failures into words a user can act on."""

from __future__ import annotations

import errno
import sqlite3

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
