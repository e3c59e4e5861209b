"""The team server's side of sync: the accounts a login sees, sharing, and sending and
fetching changes. Row-level security decides what each query returns or accepts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from contactmap_desktop.domain.errors import TeamAccessError, TeamServerError
from contactmap_desktop.storage.team_server_schema import ROLE_GROUPS, SCHEMA, TEAM_SCHEMA_VERSION
from contactmap_desktop.storage.team_setup import (
    newer_schema_message,
    server_schema_version,
    team_members,
)

if TYPE_CHECKING:  # psycopg loads when a server is first used, not with the window
    import psycopg

Connection: TypeAlias = "psycopg.Connection[Any]"


@dataclass(frozen=True)
class Change:
    """One record's change as the server keeps it."""

    change_id: str
    account_id: str
    section: str
    record_key: str
    fields: dict[str, Any]
    bases: dict[str, str]
    stamp: str
    login: str = ""
    seq: int = 0


@dataclass(frozen=True)
class Outgoing:
    """A change made here, as it goes up: its fields and bases are the outbox's JSON text
    (decoding and encoding them again for the COPY cost a first sync 0.4 s of sending)."""

    change_id: str
    account_id: str
    section: str
    record_key: str
    fields: str
    bases: str
    stamp: str


def check_schema(connection: Connection, place: str) -> None:
    from psycopg.errors import InsufficientPrivilege

    try:
        version = server_schema_version(connection)
    except InsufficientPrivilege:
        # Only the team's group roles may use its schema: this login was taken off the team.
        raise TeamAccessError(f"{connection.info.user} is not (or no longer) a member of the "
                              f"team at {place}: an administrator runs `contactmap team "
                              "add-member` to give access.") from None
    if version == 0:
        raise TeamServerError(f"The database at {place} is not a team server yet: an "
                              "administrator runs `contactmap team init URL` first.")
    if version > TEAM_SCHEMA_VERSION:
        raise TeamServerError(newer_schema_message(version, place))


def role_of(connection: Connection, login: str) -> str:
    """The login's team role; a login in no team group has none and may not sync."""
    roles = dict(team_members(connection))
    if login not in roles:
        raise TeamServerError(f"{login} is not a member of this team: an administrator "
                              "runs `contactmap team add-member` first.")
    return roles[login]


def visible_accounts(connection: Connection) -> dict[str, str]:
    """Account id → name, of the accounts this login may read."""
    rows = connection.execute(f"SELECT id, name FROM {SCHEMA}.accounts").fetchall()
    return {str(i): str(n) for i, n in rows}


def share_account(connection: Connection, account_id: str, name: str,
                  logins: Sequence[str]) -> None:
    """Put the account on the server (if new) and share it with each login."""
    members = dict(team_members(connection))
    unknown = [login for login in logins if login not in members]
    if unknown:
        raise TeamServerError(f"{unknown[0]} is not a member of this team (members: "
                              f"{', '.join(sorted(members)) or 'none yet'}).")
    connection.execute(f"INSERT INTO {SCHEMA}.accounts (id, name) VALUES (%s, %s)"
                       " ON CONFLICT (id) DO NOTHING", (account_id, name))
    for login in logins:
        connection.execute(f"INSERT INTO {SCHEMA}.shares (account_id, login) VALUES (%s, %s)"
                           " ON CONFLICT DO NOTHING", (account_id, login))


def push(connection: Connection, changes: Sequence[Outgoing]) -> None:
    """Send changes in the caller's transaction; a change sent before is not doubled."""
    if not changes:
        return
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS upload (position integer,"
                       " change_id uuid, account_id text, section text, record_key text,"
                       " fields jsonb, bases jsonb, stamp text) ON COMMIT DROP")
    connection.execute("TRUNCATE upload")
    with connection.cursor().copy(
            "COPY upload (position, change_id, account_id, section, record_key, fields,"
            " bases, stamp) FROM STDIN") as copy:
        for position, change in enumerate(changes):
            copy.write_row((position, change.change_id, change.account_id, change.section,
                            change.record_key, change.fields, change.bases, change.stamp))
    connection.execute(
        f"INSERT INTO {SCHEMA}.changes (change_id, account_id, section, record_key, fields,"
        " bases, stamp) SELECT change_id, account_id, section, record_key, fields, bases,"
        " stamp FROM upload ORDER BY position ON CONFLICT (change_id) DO NOTHING")


def push_by_account(connection: Connection, changes: Sequence[Outgoing]
                    ) -> dict[str, str]:
    """Send each account's changes in a savepoint of the caller's transaction; the accounts
    whose changes the server refused (no longer shared…), with why."""
    by_account: dict[str, list[Outgoing]] = {}
    for change in changes:
        by_account.setdefault(change.account_id, []).append(change)
    from psycopg.errors import InsufficientPrivilege

    refused: dict[str, str] = {}
    for account_id, account_changes in by_account.items():
        try:
            with connection.transaction():
                push(connection, account_changes)
        except InsufficientPrivilege as error:
            line = str(error).strip().splitlines()[0]
            refused[account_id] = ("the account is no longer shared with you"
                                   if "row-level security" in line else line)
    return refused


def one_snapshot(connection: Connection) -> None:
    """The rest of the caller's transaction reads one state of the server: the accounts,
    the changes and the newest change numbers agree (no change slips between them)."""
    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def pull(connection: Connection, fetched: dict[str, int], laptop: str
         ) -> tuple[list[Change], dict[str, int]]:
    """Every change of these accounts after the number fetched for each, in order, except
    those this laptop sent; and the newest number of each account, to fetch from next.
    Both from one snapshot (``one_snapshot``), or a change committed between them is lost."""
    if not fetched:
        return [], {}
    accounts = list(fetched)
    after = [fetched[a] for a in accounts]
    rows = connection.execute(
        f"SELECT c.seq, c.change_id::text, c.account_id, c.section, c.record_key, c.fields,"
        f" c.bases, c.stamp, c.login FROM {SCHEMA}.changes c"
        " JOIN unnest(%s::text[], %s::bigint[]) AS f(account_id, after)"
        " ON f.account_id = c.account_id WHERE c.seq > f.after AND c.stamp NOT LIKE %s"
        " ORDER BY c.seq", (accounts, after, f"%.{laptop}")).fetchall()
    newest = connection.execute(
        f"SELECT c.account_id, max(c.seq) FROM {SCHEMA}.changes c"
        " JOIN unnest(%s::text[], %s::bigint[]) AS f(account_id, after)"
        " ON f.account_id = c.account_id WHERE c.seq > f.after GROUP BY c.account_id",
        (accounts, after)).fetchall()
    return ([Change(str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], r[6], str(r[7]),
                    str(r[8]), int(r[0])) for r in rows],
            {str(account): int(seq) for account, seq in newest})


def waiting_count(connection: Connection, fetched: dict[str, int], laptop: str) -> int:
    """Changes from other laptops not fetched yet."""
    if not fetched:
        return 0
    accounts = list(fetched)
    row = connection.execute(
        f"SELECT count(*) FROM {SCHEMA}.changes c"
        " JOIN unnest(%s::text[], %s::bigint[]) AS f(account_id, after)"
        " ON f.account_id = c.account_id WHERE c.seq > f.after AND c.stamp NOT LIKE %s",
        (accounts, [fetched[a] for a in accounts], f"%.{laptop}")).fetchone()
    return int(row[0]) if row else 0


def is_writer(role: str) -> bool:
    return role in ("leader", "rep") and role in ROLE_GROUPS
