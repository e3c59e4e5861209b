"""The window's first paint read with the standard library's sqlite3, before SQLAlchemy loads.

SQLAlchemy, the table declarations and the services take half of the start's CPU; the window
needs none of them to show the accounts and the first account's map. ``quick_open`` opens the
file read-only only when the full open would find nothing to ask or refuse: no lock file (no
other copy of the app, no stale lock to report), this version's schema, SQLite's quick check
passed and no trigger or view (a team workspace's triggers are checked word for word by the
full open). Anything else returns None and the window waits for the full open, as before.
The values are those the repositories read (``tests/integration/storage/test_quick_read.py``
compares both); the full open runs all of its checks again once the window is painted.
The map's grade history is not read: the map reads it from the file when asked
(storage/stored_history.py).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import NotFoundError, WorkspaceError
from contactmap_desktop.domain.export_targets import SQLITE_MAGIC
from contactmap_desktop.domain.model import Account, CellRef
from contactmap_desktop.storage.file_header import (
    APPLICATION_ID,
    HEADER_SIZE,
    SCHEMA_VERSION,
    read_header,
    versions,
)
from contactmap_desktop.storage.row_values import (
    LIVE_STAKEHOLDERS,
    RELATIONSHIP_FIELDS,
    SharedCells,
    SharedMoments,
    account_from_values,
    relationship_from_values,
    stakeholder_from_values,
    team_member_from_values,
)
from contactmap_desktop.storage.stored_history import StoredHistory
from contactmap_desktop.storage.workspace_lock import lock_path_for

_ACCOUNT = ("SELECT id, name, industry, stage, annual_value, currency, review_interval_days, "
            "renewal_date, notes FROM accounts WHERE deleted_at IS NULL")


def quick_open(path: Path) -> QuickWorkspace | None:
    """The workspace at ``path`` open read-only for the first paint, or None when the full
    open has something to create, ask, upgrade or refuse."""
    try:
        # The name the user gave, for the full open (backups, recent files, the title); the
        # lock beside the file it names, as WorkspaceLock takes it.
        path = Path(path).expanduser()
        if lock_path_for(path.resolve()).exists():
            return None
        header = read_header(path)
        if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC) \
                or versions(header) != (SCHEMA_VERSION, APPLICATION_ID):
            return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (OSError, ValueError, WorkspaceError, sqlite3.Error):
        return None
    try:
        sound = connection.execute("PRAGMA quick_check").fetchall() == [("ok",)] \
            and connection.execute("SELECT count(*) FROM sqlite_schema "
                                   "WHERE type IN ('trigger', 'view')").fetchone() == (0,)
    except sqlite3.Error:
        sound = False
    if not sound:
        connection.close()
        return None
    return QuickWorkspace(path, connection)


class QuickWorkspace:
    """What the window reads to paint, as ``OpenWorkspace`` offers it (``accounts``,
    ``contact_maps``), from one read-only sqlite3 connection."""

    read_only = False  # as the full open will find it: no lock, no damage

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self.accounts = self.contact_maps = self

    def close(self) -> None:
        self._connection.close()

    def list_accounts(self) -> list[Account]:
        accounts = [_account(row) for row in self._connection.execute(_ACCOUNT)]
        return sorted(accounts, key=lambda account: (account.name.casefold(), account.id))

    def get(self, account_id: str) -> Account:
        row = self._connection.execute(f"{_ACCOUNT} AND id = ?", (account_id,)).fetchone()
        if row is None:
            raise NotFoundError("That account no longer exists in this workspace.")
        return _account(row)

    def load_shown_map(self, account_id: str) -> ContactMap:
        """The account's map; its history, which the first paint does not show (it was 40 %
        of a 1,000 × 100 map's read), stays in the file and is read when asked."""
        account = self.get(account_id)
        cells, moments = SharedCells(), SharedMoments()
        execute = self._connection.execute
        stakeholders = [stakeholder_from_values(*row) for row in execute(
            "SELECT id, account_id, name, title, department, seniority, roles, email, phone, "
            "reports_to_id, notes, position FROM stakeholders "
            "WHERE account_id = ? AND deleted_at IS NULL ORDER BY position, name",
            (account_id,))]
        team = [team_member_from_values(*row) for row in execute(
            "SELECT team_members.id, name, title, seniority, email FROM team_members "
            "JOIN account_team ON account_team.team_member_id = team_members.id "
            "WHERE account_team.account_id = ? "
            "ORDER BY account_team.position, team_members.name", (account_id,))]
        links: defaultdict[CellRef, list[CellRef]] = defaultdict(list)
        for source_member, source_person, target_member, target_person in execute(
                "SELECT source_team_member_id, source_stakeholder_id, target_team_member_id, "
                "target_stakeholder_id FROM leverage_links "
                f"WHERE source_stakeholder_id IN ({LIVE_STAKEHOLDERS}) "
                "ORDER BY target_team_member_id, target_stakeholder_id", (account_id,)):
            links[CellRef(source_member, source_person)].append(
                CellRef(target_member, target_person))
        relationships = [
            relationship_from_values(
                member, person, grade, bool(is_key), focus_days, _date(focus_due),
                bool(needs_filling), note, _datetime(reviewed_at, moments), cell_of=cells,
                leverage_for=tuple(links.get(cells(member, person), ())) if links else ())
            for member, person, grade, is_key, focus_days, focus_due, needs_filling, note,
            reviewed_at in execute(
                f"SELECT {', '.join(RELATIONSHIP_FIELDS)} FROM relationships "
                f"WHERE stakeholder_id IN ({LIVE_STAKEHOLDERS})", (account_id,))]
        return ContactMap(account=account, stakeholders=stakeholders, team_members=team,
                          relationships={r.cell: r for r in relationships if not r.is_empty},
                          history=StoredHistory(self.path, account_id))


def _account(row: tuple[Any, ...]) -> Account:
    (account_id, name, industry, stage, annual_value, currency, review_interval_days,
     renewal_date, notes) = row
    return account_from_values(account_id, name, industry, stage, annual_value, currency,
                               review_interval_days, _date(renewal_date), notes)


def _date(value: object) -> date | None:
    """A Date column as SQLAlchemy stores it on SQLite: "YYYY-MM-DD"."""
    return date.fromisoformat(value) if isinstance(value, str) else None


def _datetime(value: object, moments: SharedMoments) -> datetime | None:
    """A DateTime column as SQLAlchemy stores it on SQLite: "YYYY-MM-DD HH:MM:SS.ffffff"."""
    return moments(datetime.fromisoformat(value)) if isinstance(value, str) else None
