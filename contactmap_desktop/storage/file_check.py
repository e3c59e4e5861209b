"""Read-only checks that a file is a workspace this version can open, before anything writes."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Tables every schema version has had since the first: a file lacking one is not usable.
_CORE_TABLES = ("accounts", "stakeholders", "team_members", "account_team", "relationships",
                "grade_changes")


def check_workspace_file(path: Path, *, thorough: bool = False) -> int:
    """Return the file's schema version, or raise WorkspaceError saying what is wrong.

    Opens the file read-only; the file's bytes are never changed here. ``thorough`` runs
    SQLite's full integrity_check and foreign_key_check instead of the quick check used on
    every open (``contactmap check`` is thorough).
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
        raise WorkspaceError(
            f"{path} is not a ContactMap workspace (it is not an SQLite database)."
        )
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
    problem = _integrity_problem(path, thorough)
    if problem:
        raise WorkspaceError(f"{path} is damaged: {problem}.")
    return int(user_version)


def _integrity_problem(path: Path, thorough: bool) -> str | None:
    """SQLite's checks through a read-only connection; None when the file is sound."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return f"SQLite cannot open it ({error})"
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = connection.execute(f"PRAGMA {check}").fetchall()
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'"
        )}
        broken_links = connection.execute("PRAGMA foreign_key_check").fetchmany(3) \
            if thorough and rows == [("ok",)] else []
    except sqlite3.DatabaseError as error:
        return f"SQLite reports “{error}”"
    except UnicodeDecodeError:
        # SQLite's message quoted the damaged bytes themselves, which are not UTF-8.
        return "SQLite reports damage it cannot put into words"
    finally:
        connection.close()
    # One row may hold many problems, one per line: the first three are enough to say it.
    messages = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if messages != ["ok"]:
        return "SQLite's integrity check reports “" + "; ".join(messages[:3]) + "”"
    missing = [name for name in _CORE_TABLES if name not in tables]
    if missing:
        return "the table “" + missing[0] + "” is missing"
    if broken_links:
        table, _, parent, _ = broken_links[0]
        return f"rows of “{table}” point to missing rows of “{parent}”"
    return None
