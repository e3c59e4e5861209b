"""An administrator's work on the team server: create or upgrade its schema, add logins."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from contactmap_desktop.domain.errors import TeamServerError
from contactmap_desktop.storage.team_server_schema import (
    ROLE_GROUPS,
    SCHEMA,
    TEAM_MIGRATIONS,
    TEAM_SCHEMA_VERSION,
)

if TYPE_CHECKING:  # psycopg loads when a server is first used, not with the window
    import psycopg

# Any number: administrators running init at once take turns.
_INIT_LOCK = 0x434D4150


def server_schema_version(connection: psycopg.Connection[Any]) -> int:
    """The team schema's version in this database; 0 when there is none."""
    exists = connection.execute(
        "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.schema_version",)).fetchone()
    if not exists or not exists[0]:
        return 0
    row = connection.execute(f"SELECT max(version) FROM {SCHEMA}.schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def newer_schema_message(version: int, place: str) -> str:
    return (f"The team server at {place} has team schema version {version}, newer than this "
            f"ContactMap knows ({TEAM_SCHEMA_VERSION}): update ContactMap to use it.")


def init_team_schema(connection: psycopg.Connection[Any], place: str) -> tuple[int, int]:
    """Create or upgrade the schema in the caller's transaction; (version before, after).

    Run again on an up-to-date server, it changes nothing."""
    connection.execute("SELECT pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
    before = server_schema_version(connection)
    if before > TEAM_SCHEMA_VERSION:
        raise TeamServerError(newer_schema_message(before, place))
    for version in range(before + 1, TEAM_SCHEMA_VERSION + 1):
        for statement in TEAM_MIGRATIONS[version]:
            connection.execute(statement.encode())
        connection.execute(f"DELETE FROM {SCHEMA}.schema_version")
        connection.execute(f"INSERT INTO {SCHEMA}.schema_version VALUES (%s)", (version,))
    return before, TEAM_SCHEMA_VERSION


def add_member(connection: psycopg.Connection[Any], login: str, role: str,
               password: str | None) -> bool:
    """Create (or update) the login and put it in exactly one team group; True if new."""
    if role not in ROLE_GROUPS:
        raise TeamServerError(f"“{role}” is not a team role: leader, rep or viewer.")
    if server_schema_version(connection) == 0:
        raise TeamServerError("This database has no team schema yet: run "
                              "`contactmap team init URL` first.")
    exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                (login,)).fetchone() is not None
    from psycopg import sql

    name = sql.Identifier(login)
    if not exists:
        connection.execute(sql.SQL("CREATE ROLE {} LOGIN").format(name))
    if password is not None:
        # The server hashes it (SCRAM); the statement is not logged by us.
        connection.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            name, sql.Literal(password)))
    for other_role, group in ROLE_GROUPS.items():
        statement = "GRANT {} TO {}" if other_role == role else "REVOKE {} FROM {}"
        connection.execute(sql.SQL(statement).format(sql.Identifier(group), name))
    return not exists


def team_members(connection: psycopg.Connection[Any]) -> list[tuple[str, str]]:
    """(login, role) of everyone in a team group, by login."""
    groups = {group: role for role, group in ROLE_GROUPS.items()}
    rows = connection.execute(
        "SELECT m.rolname, g.rolname FROM pg_auth_members a"
        " JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid"
        " WHERE g.rolname = ANY(%s) ORDER BY m.rolname", (list(groups),)).fetchall()
    return [(str(login), groups[str(group)]) for login, group in rows]
