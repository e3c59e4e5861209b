"""The laptop's side of team sync in the workspace: which records changed (recorded by
triggers), what was last agreed with the server (the shadow), and what waits to go up."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, Table, delete, func, insert, select, text, tuple_, update
from sqlalchemy.orm import Session

from contactmap_desktop.storage.account_sections import (
    ACCOUNT_SECTIONS,
    ACCOUNT_TABLE,
    TableSection,
)
from contactmap_desktop.storage.account_tables import row_record
from contactmap_desktop.storage.schema import (
    AccountRow,
    GradeChangeRow,
    RelationshipRow,
    StakeholderRow,
    TeamAccountRow,
    TeamDirtyRow,
    TeamLinkRow,
    TeamOutboxRow,
    TeamShadowRow,
)

# Every table of an account syncs, except the workspace-wide settings.
SYNCED_SECTIONS: tuple[TableSection, ...] = (
    ACCOUNT_TABLE, *(s for s in ACCOUNT_SECTIONS if s.scope is not None))
SECTIONS_BY_NAME = {s.name: s for s in SYNCED_SECTIONS}
# Columns that never travel as fields: decided from other records (a cell's grade is where
# its merged history ends) or by the server (who made a grade change).
LOCAL_ONLY: dict[str, frozenset[str]] = {
    "grade_changes": frozenset({"changed_by"}),
    # Deleting a shared account removes it from this laptop only (it leaves the sync);
    # the team's copy stays for everyone else.
    "account": frozenset({"deleted_at"}),
}
# The field of a change that deletes its record (a row removed here, not moved to a bin).
DELETED = "__deleted__"
# Sections whose rows are never deleted by a sync: grade history only grows.
NEVER_DELETED = frozenset({"grade_changes", "account"})
# ``fetched_seq`` of an account deleted here: no longer synced, not fetched again.
LEFT = -1
_CHUNK = 400


def sync_scope(section: TableSection) -> Any:
    """Which rows of the section belong to an account, for sync: a deleted person's row too
    (the account file leaves them out; here their deletion is a change to send)."""
    if section.name == "stakeholders":
        return lambda account_id: StakeholderRow.account_id == account_id
    return section.scope


def key_columns(section: TableSection) -> list[Any]:
    return [c for c in section.table.__table__.columns if c.primary_key]


def synced_fields(section: TableSection) -> list[str]:
    skip = section.derived | LOCAL_ONLY.get(section.name, frozenset())
    return [c.key for c in section.table.__table__.columns if c.key not in skip]


def record_key(section: TableSection, record: dict[str, Any]) -> str:
    """The record's primary key as SQLite's json_array writes it (the triggers' form)."""
    return json.dumps([record[c.key] for c in key_columns(section)], ensure_ascii=False,
                      separators=(",", ":"))


def change_tracking_triggers() -> dict[str, str]:
    """Trigger name → its statement, as SQLite keeps it in the schema (storage/file_check.py
    accepts exactly these triggers in a workspace)."""
    triggers = {}
    for section in SYNCED_SECTIONS:
        table = section.table.__tablename__
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            name = f"team_track_{table}_{event.lower()}"
            columns = ", ".join(f"{row}.{c.name}" for c in key_columns(section))
            triggers[name] = (
                f"CREATE TRIGGER {name} "
                f"AFTER {event} ON {table} BEGIN INSERT OR IGNORE INTO team_dirty "
                f"(section, record_key) VALUES ('{section.name}', json_array({columns})); END")
    return triggers


def key_values(key: str) -> list[Any]:
    """A record key's primary-key values."""
    values: list[Any] = json.loads(key)
    return values


def cell_key(team_member_id: str, stakeholder_id: str) -> str:
    """The record key of a relationship (a cell)."""
    return json.dumps([team_member_id, stakeholder_id], ensure_ascii=False,
                      separators=(",", ":"))


def install_change_tracking(session: Session) -> None:
    """Triggers that note every record written; created when the workspace joins a team
    (and again at each sync, should an upgrade have rebuilt a table without them)."""
    for statement in change_tracking_triggers().values():
        session.execute(text(statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS",
                                               1)))


@dataclass
class Shadow:
    """A record's fields as last agreed and each field's stamp."""

    account_id: str
    fields: dict[str, Any]
    stamps: dict[str, str]


def _table(mapped: Any) -> Table:
    """The Core table of a mapped class: plain executemany, not the ORM's bulk path."""
    table: Table = mapped.__table__
    return table


def _key_in(columns: list[Any], keys: Sequence[Sequence[Any]]) -> Any:
    if len(columns) == 1:
        return columns[0].in_([k[0] for k in keys])
    return tuple_(*columns).in_([tuple(k) for k in keys])


def _encoded(row: Sequence[Any]) -> str:
    """A row's key columns as its record key."""
    return json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


class TeamStore:
    """Reads and writes of the sync tables within the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- the link and the synced accounts ------------------------------------------------

    def link(self) -> TeamLinkRow | None:
        return self.session.get(TeamLinkRow, 1)

    def set_clock_offset(self, offset: timedelta) -> None:
        """Keep how far the server's clock is ahead of this laptop's (storage/team_clock.py)."""
        link = self.link()
        if link is not None:
            link.clock_offset_ms = offset // timedelta(milliseconds=1)

    def synced_accounts(self) -> dict[str, int]:
        """Account id → the last change number fetched (accounts deleted here left out)."""
        return {account: seq for account, seq in self.session.execute(
            select(TeamAccountRow.account_id, TeamAccountRow.fetched_seq).where(
                TeamAccountRow.fetched_seq != LEFT))}

    def left_accounts(self) -> set[str]:
        return set(self.session.scalars(select(TeamAccountRow.account_id).where(
            TeamAccountRow.fetched_seq == LEFT)))

    def leave(self, account_id: str) -> None:
        """The account was deleted here: stop syncing it, and forget what was agreed."""
        row = self.session.get(TeamAccountRow, account_id)
        if row is not None:
            row.fetched_seq = LEFT
        self.session.execute(delete(TeamShadowRow).where(TeamShadowRow.account_id == account_id))
        self.session.execute(delete(TeamOutboxRow).where(TeamOutboxRow.account_id == account_id))

    def missing_accounts(self, account_ids: Sequence[str]) -> list[str]:
        present = set(self.session.scalars(select(AccountRow.id).where(
            AccountRow.id.in_(list(account_ids)))))
        return [a for a in account_ids if a not in present]

    def set_fetched(self, account_id: str, seq: int) -> None:
        row = self.session.get(TeamAccountRow, account_id)
        if row is None:
            self.session.add(TeamAccountRow(account_id=account_id, fetched_seq=seq))
        elif row.fetched_seq != LEFT:
            row.fetched_seq = max(row.fetched_seq, seq)

    # --- dirty records ---------------------------------------------------------------------

    def dirty_keys(self) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = {}
        for section, key in self.session.execute(
                select(TeamDirtyRow.section, TeamDirtyRow.record_key)):
            keys.setdefault(section, []).append(key)
        return keys

    def dirty_count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(TeamDirtyRow)) or 0)

    def clear_dirty(self) -> None:
        self.session.execute(delete(TeamDirtyRow))

    def records(self, section: TableSection, keys: Sequence[str] | None,
                account_id: str) -> list[dict[str, Any]]:
        """The account's records of the section (those with ``keys``, or all)."""
        table, columns, scope = section.table, key_columns(section), sync_scope(section)
        found: list[dict[str, Any]] = []
        if keys is None:
            batches: Iterable[Sequence[Any] | None] = [None]
        else:
            batches = _chunks([json.loads(k) for k in keys])
        for batch in batches:
            # Plain rows, not ORM objects: a first sync reads a whole large account.
            query = select(table.__table__).where(scope(account_id))
            if batch is not None:
                query = query.where(_key_in(columns, batch))
            found += [row_record(table, row) for row in self.session.execute(query)]
        return found

    def existing(self, section: TableSection, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` have a row here, whatever account it is in."""
        columns = key_columns(section)
        found: set[str] = set()
        for batch in _chunks([json.loads(k) for k in keys]):
            for row in self.session.execute(select(*columns).where(_key_in(columns, batch))):
                found.add(json.dumps(list(row), ensure_ascii=False, separators=(",", ":")))
        return found

    def insert_rows(self, section: TableSection, rows: Sequence[dict[str, Any]]) -> None:
        """New rows in one statement per chunk; a row that breaks a unique rule here (a cell
        already in another blueprint) is left out, as an account file's would be."""
        statement = insert(_table(section.table)).prefix_with("OR IGNORE")
        for batch in _chunks(list(rows)):
            self.session.execute(statement, list(batch))

    def update_rows(self, section: TableSection, updates: Mapping[str, dict[str, Any]]
                    ) -> None:
        """Rows changed field by field, by record key: the ORM's bulk update by primary key,
        one statement per chunk of rows changing the same fields. (A statement per row let
        go of the interpreter's lock at each one, and the window's thread, woken each time,
        lost the race for it: waits of 30-70 ms during a sync.)"""
        names = [c.key for c in key_columns(section)]
        rows = [{**dict(zip(names, key_values(key), strict=True)), **values}
                for key, values in updates.items()]
        for batch in _chunks(rows):
            self.session.execute(update(section.table), list(batch))

    def set_new_grades(self, grades: Sequence[tuple[str, str, str | None, Any]]) -> None:
        """(team member, stakeholder, grade, reviewed at) of relationships this sync added:
        their grade is where their merged history ends (one statement per chunk)."""
        rows = [{"team_member_id": m, "stakeholder_id": p, "grade": g, "reviewed_at": r}
                for m, p, g, r in grades]
        for batch in _chunks(rows):  # the ORM's bulk update by primary key
            self.session.execute(update(RelationshipRow), list(batch))

    def break_links(self, tables: Sequence[str]) -> list[tuple[str, str]]:
        """Rows of these tables that point to a row missing here (written by this sync):
        removed, and returned as (table, record key) so nothing else is done with them."""
        broken: list[tuple[str, str]] = []
        for table in tables:
            for _table, rowid, _parent, _fk in self.session.execute(
                    text(f'PRAGMA foreign_key_check("{table}")')).all():
                broken.append((table, str(rowid)))
        removed: list[tuple[str, str]] = []
        for table, rowid in broken:
            section = next(s for s in SYNCED_SECTIONS if s.table.__tablename__ == table)
            columns = ", ".join(c.name for c in key_columns(section))
            row = self.session.execute(text(
                f'SELECT {columns} FROM "{table}" WHERE rowid = :r'), {"r": int(rowid)}).first()
            if row is not None:
                key = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
                self.delete_rows(section, [key])
                removed.append((section.name, key))
        return removed

    def delete_rows(self, section: TableSection, keys: Collection[str]) -> None:
        """Rows removed by record key, one statement per chunk of keys."""
        columns = key_columns(section)
        for batch in _chunks([key_values(key) for key in keys]):
            self.session.execute(delete(section.table).where(
                _key_in(columns, batch)).execution_options(synchronize_session=False))

    def in_scope(self, section: TableSection, keys: Sequence[str], account_id: str) -> set[str]:
        """Which of ``keys`` belong to the account."""
        columns, scope = key_columns(section), sync_scope(section)
        if len(keys) > _CHUNK:
            # Many keys (a first sync): one pass over the account's rows. SQLite answers a
            # row-value IN by scanning the table, once per chunk: 13 s of a first receive.
            wanted = set(keys)
            return {key for row in self.session.execute(select(*columns).where(
                scope(account_id))) if (key := _encoded(row)) in wanted}
        found: set[str] = set()
        for batch in _chunks([json.loads(k) for k in keys]):
            for row in self.session.execute(select(*columns).where(
                    scope(account_id), _key_in(columns, batch))):
                found.add(_encoded(row))
        return found

    # --- the shadow ------------------------------------------------------------------------

    def shadows(self, section: str, keys: Sequence[str]) -> dict[str, Shadow]:
        found: dict[str, Shadow] = {}
        for batch in _chunks(list(keys)):
            for row in self.session.scalars(select(TeamShadowRow).where(
                    TeamShadowRow.section == section, TeamShadowRow.record_key.in_(batch))):
                found[row.record_key] = Shadow(row.account_id, json.loads(row.fields),
                                               json.loads(row.stamps))
        return found

    def put_shadows(self, shadows: dict[tuple[str, str], Shadow]) -> None:
        rows = [{"section": section, "record_key": key, "account_id": shadow.account_id,
                 "fields": json.dumps(shadow.fields, ensure_ascii=False),
                 "stamps": json.dumps(shadow.stamps)}
                for (section, key), shadow in shadows.items()]
        statement = insert(_table(TeamShadowRow)).prefix_with("OR REPLACE")
        for batch in _chunks(rows):
            self.session.execute(statement, list(batch))

    # --- the outbox ------------------------------------------------------------------------

    def add_outgoing(self, changes: Sequence[dict[str, Any]]) -> None:
        """Changes (TeamOutboxRow's columns but the position) queued to go up, in order."""
        for batch in _chunks(list(changes)):
            self.session.execute(insert(_table(TeamOutboxRow)), list(batch))

    def outgoing(self) -> list[Row[Any]]:
        """Changes waiting to go up, oldest first (refused ones stay here, not sent), as
        plain rows: a first sync sends tens of thousands, and loading them as mapped objects
        took twice as long."""
        outbox = _table(TeamOutboxRow)
        return list(self.session.execute(select(outbox).where(
            outbox.c.refused == "").order_by(outbox.c.position)))

    def waiting_count(self) -> tuple[int, int]:
        """(changes waiting to go up, changes the server refused)."""
        rows = {waiting: count for waiting, count in self.session.execute(
            select(TeamOutboxRow.refused == "", func.count()).group_by(
                TeamOutboxRow.refused == ""))}
        return int(rows.get(True, 0)), int(rows.get(False, 0))

    def sent(self, change_ids: Sequence[str]) -> None:
        for batch in _chunks(list(change_ids)):
            self.session.execute(delete(TeamOutboxRow).where(
                TeamOutboxRow.change_id.in_(batch)))

    def sign_grade_changes(self, keys: Sequence[str], login: str) -> None:
        """The server's login replaces the computer's user name: the team sees that one.
        (Only who made them changes: not a change to send, so their notes are dropped.)"""
        for batch in _chunks(list(keys)):
            self.session.execute(update(GradeChangeRow).where(
                GradeChangeRow.id.in_([json.loads(k)[0] for k in batch])).values(
                changed_by=login))
            self.session.execute(delete(TeamDirtyRow).where(
                TeamDirtyRow.section == "grade_changes", TeamDirtyRow.record_key.in_(batch)))

    def refuse(self, change_ids: Sequence[str], reason: str) -> None:
        for batch in _chunks(list(change_ids)):
            for row in self.session.scalars(select(TeamOutboxRow).where(
                    TeamOutboxRow.change_id.in_(batch))):
                row.refused = reason
