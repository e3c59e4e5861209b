"""Syncing a workspace with the team server: send this laptop's changes, fetch the others'.

Each record travels as field changes stamped by a hybrid logical clock; on every laptop a
field takes the value of its newest stamp, so all laptops end alike whatever the order in
which they sync. Two changes of one field made without seeing each other are a conflict:
the newer value is kept, the other is listed for review (and stays in the server's
history). Grade history is never overwritten: changes are unioned and a cell's grade is
where its newest change lands, as for account files.

A sync is three short transactions: take the local changes into the outbox (local), send
the outbox (server), fetch and apply (local, with the fetched position). A kill or lost
connection between them leaves each side as before or after its step; the next sync
carries on (the server ignores a change it already has).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import TeamServerError
from contactmap_desktop.services.clock import ServerTime, utc_now
from contactmap_desktop.services.team_apply import Applier
from contactmap_desktop.services.team_capture import capture
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.storage.account_tables import defer_foreign_keys
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.schema import (
    TeamLinkRow,
)
from contactmap_desktop.storage.team_changes import (
    Outgoing,
    check_schema,
    is_writer,
    one_snapshot,
    pull,
    push_by_account,
    role_of,
    visible_accounts,
)
from contactmap_desktop.storage.team_local import (
    TeamStore,
    install_change_tracking,
)
from contactmap_desktop.storage.team_server import (
    ServerAddress,
    clock_offset,
    parse_address,
    server_connection,
)
from contactmap_desktop.storage.unit_of_work import UnitOfWork

# Where the team server's password comes from for a connection (keyring, or None: libpq's
# own password file).
PasswordSource = Callable[[ServerAddress], "str | None"]


class TeamSync:
    """The sync engine over one workspace."""

    def __init__(self, workspace: Workspace, passwords: PasswordSource,
                 clock: ServerTime | None = None) -> None:
        self._workspace = workspace
        self._passwords = passwords
        self._clock = clock or ServerTime(utc_now)

    # --- the local steps -------------------------------------------------------------------

    def link(self) -> tuple[ServerAddress, TeamLinkRow]:
        with UnitOfWork(self._workspace, read_only=True) as repos:
            link = TeamStore(repos.session).link()
            if link is None:
                raise TeamServerError("This workspace is not connected to a team server: "
                                      "run `contactmap team connect URL` first.")
            repos.session.expunge(link)
        address, _ = parse_address(link.url)
        return address, link

    def capture(self) -> int:
        """Take the records written since the last time into the outbox; how many changes."""
        with UnitOfWork(self._workspace) as repos:
            return capture(TeamStore(repos.session), self._clock())

    def seed(self, session: Session, account_id: str) -> int:
        """Every record of a newly shared account into the outbox (caller's transaction)."""
        return capture(TeamStore(session), self._clock(), seed_account=account_id)

    # --- a whole sync ----------------------------------------------------------------------

    def sync(self) -> SyncReport:
        address, link = self.link()
        report = SyncReport()
        self.capture()
        password = self._passwords(address)
        with server_connection(address, password, autocommit=True) as connection:
            check_schema(connection, address.place)
            role = role_of(connection, address.login)
            # The server's clock dates every laptop's edits (services/clock.py, ServerTime):
            # measured at each sync, as a laptop's clock drifts or is set.
            report.clock_offset = clock_offset(connection, self._clock.base)
            with UnitOfWork(self._workspace) as repos:
                outgoing = [_outgoing(row) for row in TeamStore(repos.session).outgoing()]
            refused: dict[str, str] = {}
            if outgoing and not is_writer(role):
                refused = {c.account_id: f"{address.login} is a {role}" for c in outgoing}
            elif outgoing:
                with connection.transaction():
                    refused = push_by_account(connection, outgoing)
            with UnitOfWork(self._workspace) as repos:
                store = TeamStore(repos.session)
                sent = [c for c in outgoing if c.account_id not in refused]
                store.sent([c.change_id for c in sent])
                # The server signed them with this login: the history shows it here too.
                store.sign_grade_changes([c.record_key for c in sent
                                          if c.section == "grade_changes"], address.login)
                for account_id, reason in refused.items():
                    store.refuse([c.change_id for c in outgoing if c.account_id == account_id],
                                 reason)
                    report.refused_reason = reason
                fetched = store.synced_accounts()
                left = store.left_accounts()
            report.sent = sum(1 for c in outgoing if c.account_id not in refused)
            report.refused_there = len(outgoing) - report.sent
            with connection.transaction():
                one_snapshot(connection)
                visible = {a: name for a, name in visible_accounts(connection).items()
                           if a not in left}
                wanted = {a: fetched.get(a, 0) for a in visible}
                incoming, newest = pull(connection, wanted, link.laptop_id)
        self._clock.offset = report.clock_offset
        with UnitOfWork(self._workspace) as repos:
            defer_foreign_keys(repos.session)
            store = TeamStore(repos.session)
            install_change_tracking(repos.session)
            store.set_clock_offset(report.clock_offset)
            capture(store, self._clock())
            for account_id in visible:
                if account_id not in fetched:
                    report.new_accounts.append(visible[account_id])
                store.set_fetched(account_id, newest.get(account_id, wanted[account_id]))
            Applier(store, link.laptop_id, self._clock(), report).apply(incoming)
            # What the sync itself wrote is agreed already, not a change to send back.
            store.clear_dirty()
        return report


def _outgoing(row: Row[Any]) -> Outgoing:
    return Outgoing(row.change_id, row.account_id, row.section, row.record_key, row.fields,
                    row.bases, row.stamp)
