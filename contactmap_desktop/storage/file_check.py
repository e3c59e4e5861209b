"""Read-only checks that a file is a workspace this version can open, before anything writes."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def check_workspace_file(path: Path) -> int:
    """Return the file's schema version, or raise WorkspaceError saying what is wrong.

    Opens the file read-only; the file's bytes are never changed here.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except IsADirectoryError:
        raise WorkspaceError(f"{path} is a folder, not a workspace file.") from None
    except PermissionError:
        raise WorkspaceError(f"{path} cannot be read: permission denied.") from None
    except OSError as error:
        raise WorkspaceError(f"{path} cannot be read: {error.strerror}.") from None

    if not header:
        raise WorkspaceError(f"{path} is empty: it is not a ContactMap workspace.")
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceError(f"{path} is not a ContactMap workspace (it is not an SQLite database).")
    if len(header) < _HEADER_SIZE:
        raise WorkspaceError(f"{path} is damaged: the file is truncated.")

    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    if application_id != APPLICATION_ID:
        raise WorkspaceError(
            f"{path} is an SQLite database from another program, not a ContactMap workspace."
        )
    if user_version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{path} was written by a newer version of ContactMap Desktop (schema {user_version}; "
            f"this version reads up to {SCHEMA_VERSION}). Update the app to open it."
        )
    problem = _integrity_problem(path)
    if problem:
        raise WorkspaceError(f"{path} is damaged: {problem}.")
    return int(user_version)


def _integrity_problem(path: Path) -> str | None:
    """SQLite's quick_check through a read-only connection; None when the file is sound."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return f"SQLite cannot open it ({error})"
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
        connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as error:
        return f"SQLite reports “{error}”"
    finally:
        connection.close()
    messages = [str(row[0]) for row in rows]
    if messages != ["ok"]:
        return "SQLite's integrity check reports “" + "; ".join(messages[:3]) + "”"
    return None
