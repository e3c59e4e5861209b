"""A laptop and its team: connect the workspace, share accounts, sync, and say what waits."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import NotFoundError, TeamAccessError, ValidationError
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.clock import Clock, ServerTime, utc_now
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.schema import (
    AccountRow,
    StakeholderRow,
    TeamAccountRow,
    TeamConflictRow,
    TeamDirtyRow,
    TeamLinkRow,
    TeamMemberRow,
    TeamOutboxRow,
    TeamShadowRow,
)
from contactmap_desktop.storage.team_clock import stored_clock_offset
from contactmap_desktop.storage.team_local import TeamStore, install_change_tracking
from contactmap_desktop.storage.unit_of_work import UnitOfWork

# What talks to the team server (the sync engine, the server's schema and connections,
# the password store) loads with the first use of a server: a window on a workspace that is
# not in a team only asks whether it is.
if TYPE_CHECKING:
    from contactmap_desktop.services.team_sync import TeamSync
    from contactmap_desktop.storage.team_server import ServerAddress


@dataclass
class TeamStatus:
    """What waits to go up and to come down, and what needs the user's eye."""

    server: str
    login: str
    role: str
    accounts: list[str]
    to_send: int
    refused: int
    to_fetch: int | None  # None: the server was not asked (offline)
    conflicts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        result = [f"Team server: {self.server} as {self.login} ({self.role or 'unknown role'})",
                  "Shared accounts: " + (", ".join(self.accounts) or "none yet"),
                  f"Waiting to go up: {counted(self.to_send, 'change')}"]
        if self.to_fetch is not None:
            result.append(f"Waiting to come down: {counted(self.to_fetch, 'change')}")
        if self.refused:
            result.append("Refused by the server (kept here only): "
                          + counted(self.refused, "change"))
        result += [f"Conflict: {line}" for line in self.conflicts]
        return result


class TeamService:
    """The team features over one workspace; the command line and the window share it."""

    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        """``clock``: the workspace's (its services date edits by the server's time once a
        sync measured the offset); a plain clock gets the stored offset too."""
        self._workspace = workspace
        self.clock = clock if isinstance(clock, ServerTime) else \
            ServerTime(clock, lambda: stored_clock_offset(workspace))

    @cached_property
    def engine(self) -> TeamSync:
        """The sync engine, built with the first sync or status."""
        from contactmap_desktop.services.team_sync import TeamSync
        from contactmap_desktop.storage.team_passwords import stored_password

        return TeamSync(self._workspace, stored_password, self.clock)

    def connect(self, url: str, password: str | None = None) -> tuple[str, str]:
        """Attach the workspace to the server as the URL's login; (role, where the password
        was kept). The password is tried before anything is stored."""
        from contactmap_desktop.storage.team_changes import check_schema, role_of
        from contactmap_desktop.storage.team_passwords import store_password, stored_password
        from contactmap_desktop.storage.team_server import (
            clock_offset,
            parse_address,
            server_connection,
        )

        address, url_password = parse_address(url)
        password = password or url_password
        with server_connection(address, password or stored_password(address)) as connection:
            check_schema(connection, address.place)
            role = role_of(connection, address.login)
            offset = clock_offset(connection, self.clock.base)
        kept = store_password(address, password) if password else "none given"
        with UnitOfWork(self._workspace) as repos:
            session = repos.session
            store = TeamStore(session)
            link = store.link()
            if link is not None and link.url != address.url:
                waiting = store.waiting_count()[0] + store.dirty_count()
                if waiting:
                    raise ValidationError(
                        f"This workspace has {waiting} changes waiting for {link.url}: sync "
                        "them before connecting it to another server.")
                for table in (TeamShadowRow, TeamAccountRow, TeamOutboxRow, TeamConflictRow,
                              TeamDirtyRow):
                    session.execute(delete(table))
                session.delete(link)
                session.flush()
                link = None
            if link is None:
                link = TeamLinkRow(id=1, url=address.url, login=address.login,
                                   laptop_id=uuid.uuid4().hex, clock="", role=role)
                session.add(link)
            link.login, link.role = address.login, role
            session.flush()
            # From now on this laptop's edits are dated by the server's clock.
            store.set_clock_offset(offset)
            install_change_tracking(session)
        self.clock.offset = offset
        return role, kept

    def share(self, account_name: str, logins: list[str]) -> SyncReport:
        """Share the account with these logins (and so put it on the server), then sync."""
        from contactmap_desktop.storage.team_changes import (
            check_schema,
            is_writer,
            role_of,
            share_account,
        )
        from contactmap_desktop.storage.team_passwords import stored_password
        from contactmap_desktop.storage.team_server import server_connection

        address, _ = self.engine.link()
        with UnitOfWork(self._workspace) as repos:
            account = repos.accounts.find_by_name(account_name)
            if account is None:
                raise NotFoundError(f"No account named “{account_name}”.")
        with server_connection(address, stored_password(address)) as connection:
            check_schema(connection, address.place)
            role = role_of(connection, address.login)
            if not is_writer(role):
                raise TeamAccessError(f"{address.login} is a {role}: a viewer cannot share "
                                      "accounts.")
            share_account(connection, account.id, account.name, logins)
        with UnitOfWork(self._workspace) as repos:
            store = TeamStore(repos.session)
            if account.id not in store.synced_accounts():
                store.set_fetched(account.id, 0)
                self.engine.seed(repos.session, account.id)
        return self.engine.sync()

    def sync(self) -> SyncReport:
        return self.engine.sync()

    def is_connected(self) -> bool:
        with UnitOfWork(self._workspace, read_only=True) as repos:
            return TeamStore(repos.session).link() is not None

    def mark_conflicts_reviewed(self) -> int:
        """The user has seen the listed conflicts; how many were listed."""
        with UnitOfWork(self._workspace) as repos:
            rows = list(repos.session.scalars(select(TeamConflictRow).where(
                TeamConflictRow.reviewed.is_(False))))
            for row in rows:
                row.reviewed = True
            return len(rows)

    def status(self, *, ask_server: bool = True) -> TeamStatus:
        address, link = self.engine.link()
        with UnitOfWork(self._workspace, read_only=True) as repos:
            session = repos.session
            store = TeamStore(session)
            fetched = store.synced_accounts()
            names = [str(n) for n in session.scalars(
                select(AccountRow.name).where(AccountRow.id.in_(list(fetched)))
                .order_by(func.lower(AccountRow.name)))]
            to_send, refused = store.waiting_count()
            to_send += store.dirty_count()
            rows = list(session.scalars(select(TeamConflictRow).where(
                TeamConflictRow.reviewed.is_(False)).order_by(TeamConflictRow.found_at)))
            conflicts = [_conflict_line(row, name)
                         for row, name in zip(rows, _record_names(session, rows), strict=True)]
        to_fetch = None
        if ask_server:
            to_fetch = _to_fetch(address, fetched, link.laptop_id)
        return TeamStatus(address.place, address.login, link.role, names, to_send, refused,
                          to_fetch, conflicts)


def _to_fetch(address: ServerAddress, fetched: dict[str, int], laptop: str) -> int:
    from contactmap_desktop.storage.team_changes import check_schema, waiting_count
    from contactmap_desktop.storage.team_passwords import stored_password
    from contactmap_desktop.storage.team_server import server_connection

    with server_connection(address, stored_password(address), autocommit=True) as connection:
        check_schema(connection, address.place)
        return waiting_count(connection, fetched, laptop)


def _record_names(session: Session, rows: list[TeamConflictRow]) -> list[str]:
    """The records conflicts are about, in the user's words (a person's name, a cell); the
    names are read in one query a table, however many conflicts wait."""
    keys = [json.loads(row.record_key) for row in rows]
    wanted: dict[Any, set[str]] = {StakeholderRow: set(), TeamMemberRow: set(), AccountRow: set()}
    tables: dict[str, Any] = {"stakeholders": StakeholderRow, "team_members": TeamMemberRow,
                              "account": AccountRow}
    for row, key in zip(rows, keys, strict=True):
        if row.section in tables:
            wanted[tables[row.section]].add(key[0])
        elif row.section == "relationships":
            wanted[TeamMemberRow].add(key[0])
            wanted[StakeholderRow].add(key[1])
    names = {table: _names(session, table, ids) for table, ids in wanted.items()}
    result = []
    for row, key in zip(rows, keys, strict=True):
        name = row.section.replace("_", " ")
        if row.section in tables:
            name = names[tables[row.section]].get(key[0], name)
        elif row.section == "relationships":
            member = names[TeamMemberRow].get(key[0])
            person = names[StakeholderRow].get(key[1])
            if member is not None and person is not None:
                name = f"{member} × {person}"
        result.append(name)
    return result


def _names(session: Session, table: Any, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {str(key): str(name) for key, name in session.execute(
        select(table.id, table.name).where(table.id.in_(list(ids))))}


def _conflict_line(row: TeamConflictRow, name: str) -> str:
    return (f"{name}, {row.field.replace('_', ' ')}: kept {row.kept} by {row.kept_by}; "
            f"{row.lost} by {row.lost_by} lost ({row.found_at:%Y-%m-%d %H:%M})")
