"""Read-only checks that a file is a workspace this version can open, before anything writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from contactmap_desktop.domain.errors import DamagedWorkspaceError, StorageError, WorkspaceError
from contactmap_desktop.domain.export_targets import SQLITE_MAGIC
from contactmap_desktop.storage.file_header import HEADER_SIZE, read_header, versions
from contactmap_desktop.storage.io_errors import describe_open_failure
from contactmap_desktop.storage.migrations import RETIRED_OBJECTS
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from contactmap_desktop.storage.team_local import change_tracking_triggers

_SQLITE_OWN = ("sqlite_autoindex_", "sqlite_sequence", "sqlite_stat")
# Tables every schema version has had since the first: a file lacking one is not usable.
_CORE_TABLES = ("accounts", "stakeholders", "team_members", "account_team", "relationships",
                "grade_changes")


def check_workspace_file(path: Path, *, thorough: bool = False) -> int:
    """Return the file's schema version, or raise WorkspaceError saying what is wrong.

    Opens the file read-only; the file's bytes are never changed here. ``thorough`` runs
    SQLite's full integrity_check and foreign_key_check instead of the quick check used on
    every open (``contactmap check`` is thorough).
    """
    header = read_header(path)

    if not header:
        raise WorkspaceError(f"{path} is empty: it is not a ContactMap workspace.")
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceError(
            f"{path} is not a ContactMap workspace (it is not an SQLite database)."
        )
    if len(header) < HEADER_SIZE:
        raise WorkspaceError(f"{path} is damaged: the file is truncated.")

    user_version, application_id = versions(header)
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
        raise DamagedWorkspaceError(f"{path} is damaged: {problem}.")
    return user_version


def _foreign_objects(connection: sqlite3.Connection) -> list[str]:
    """Schema objects this app never creates: a trigger or view in a file from elsewhere
    would run, or be read, with the app's every later write. The app's own triggers (team
    change tracking) are accepted only word for word as the app writes them."""
    known = _known_objects()
    triggers = change_tracking_triggers()
    return [f"{kind} “{name}”" for kind, name, sql in connection.execute(
        "SELECT type, name, sql FROM sqlite_schema ORDER BY rowid")
        if not (name.startswith(_SQLITE_OWN) or name in known and kind in ("table", "index")
                or kind == "trigger" and triggers.get(name) == sql)]


def _known_objects() -> frozenset[str]:
    """Every table and index of this version's schema, and those older versions had."""
    names = set(Base.metadata.tables) | RETIRED_OBJECTS
    for table in Base.metadata.tables.values():
        names.update(str(index.name) for index in table.indexes)
        names.update(str(constraint.name) for constraint in table.constraints)
    return frozenset(names)


def _integrity_problem(path: Path, thorough: bool) -> str | None:
    """SQLite's checks through a read-only connection; None when the file is sound, the
    problem when the checks ran and found damage (such a file can still be looked at).
    A file SQLite cannot even check, or that is not as the app writes it, raises."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return f"SQLite cannot open it ({error})"
    # A damaged file's messages and names may hold any bytes: never fail on decoding them.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = connection.execute(f"PRAGMA {check}").fetchall()
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'"
        )}
        broken_links = connection.execute("PRAGMA foreign_key_check").fetchmany(3) \
            if thorough and rows == [("ok",)] else []
        foreign = _foreign_objects(connection) if rows == [("ok",)] else []
    except sqlite3.DatabaseError as error:
        environment = describe_open_failure(path, error)
        if environment is not None:  # a sound file in the wrong place: not "damaged"
            raise StorageError(f"{path} cannot be opened: {environment}.") from None
        # Damaged past checking (truncated, malformed): refused, never viewed.
        raise WorkspaceError(f"{path} is damaged: SQLite reports “{error}”.") from None
    except UnicodeDecodeError:
        # SQLite's message quoted the damaged bytes themselves, which are not UTF-8.
        raise WorkspaceError(
            f"{path} is damaged: SQLite reports damage it cannot put into words.") from None
    finally:
        connection.close()
    # One row may hold many problems, one per line: the first three are enough to say it.
    messages = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if messages != ["ok"]:
        return "SQLite's integrity check reports “" + "; ".join(messages[:3]) + "”"
    if foreign:  # sound, but not as the app writes it: refused, never viewed
        raise WorkspaceError(
            f"{path} cannot be opened: it holds {', '.join(foreign[:3])}, which ContactMap "
            "never creates (it may have been changed by another program).")
    missing = [name for name in _CORE_TABLES if name not in tables]
    if missing:
        # Damage no viewing could get round: refused, never viewed.
        raise WorkspaceError(f"{path} is damaged: the table “{missing[0]}” is missing.")
    if broken_links:
        table, _, parent, _ = broken_links[0]
        return f"rows of “{table}” point to missing rows of “{parent}”"
    return None
