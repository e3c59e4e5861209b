"""An account's tables read out as plain records and merged back by id, in a session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Session

from contactmap_desktop.storage.account_records import with_defaults
from contactmap_desktop.storage.account_sections import (
    MergePolicy,
    TableSection,
    record_key,
    section_columns,
)
from contactmap_desktop.storage.schema import (
    AccountTeamRow,
    BlueprintCellRow,
    BlueprintRow,
    RelationshipRow,
)

Key = TypeVar("Key")


@dataclass
class SectionReport:
    """What merging one section did; ``kept_local`` rows were older or could not be decided."""

    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_local: int = 0
    fields_updated: set[str] = field(default_factory=set)


# --- reading -----------------------------------------------------------------------------

def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def export_section(session: Session, section: TableSection, account_id: str
                   ) -> list[dict[str, Any]]:
    """The section's rows for the account as JSON-ready dicts, in primary-key order."""
    table = section.table
    query = select(table)
    if section.scope is not None:
        query = query.where(section.scope(account_id))
    keys = [c for c in section_columns(table) if c.primary_key]
    rows = session.scalars(query.order_by(*keys))
    return [row_record(table, row) for row in rows]


def row_record(table: type[DeclarativeBase], row: Any) -> dict[str, Any]:
    """One row as the JSON-ready record an account file (or the team server) carries."""
    return {c.key: _to_json(getattr(row, c.key)) for c in section_columns(table)}


# --- merging -----------------------------------------------------------------------------

def stored_record(session: Session, section: TableSection, key: tuple[Any, ...]
                  ) -> dict[str, Any] | None:
    """The stored row of ``section`` with primary key ``key``, as column values; or None."""
    row = session.get(section.table, key)
    return None if row is None else \
        {c.key: getattr(row, c.key) for c in section_columns(section.table)}


def stored_records(session: Session, section: TableSection, keys: Collection[tuple[Any, ...]]
                   ) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The stored rows of ``section`` with these primary keys, as column values by key."""
    return {key: {c.key: getattr(row, c.key) for c in section_columns(section.table)}
            for key, row in _stored_rows(session, section.table, keys).items()}


def _stored_rows(session: Session, table: type[DeclarativeBase],
                 keys: Collection[tuple[Any, ...]]
                 ) -> dict[tuple[Any, ...], Any]:
    """The stored rows of ``table`` with these primary keys, by key: one statement per few
    hundred keys instead of one per key."""
    columns = [c for c in section_columns(table) if c.primary_key]
    found: dict[tuple[Any, ...], Any] = {}
    for chunk in _in_chunks(keys):
        where = columns[0].in_([k[0] for k in chunk]) if len(columns) == 1 else \
            tuple_(*columns).in_(chunk)
        for row in session.scalars(select(table).where(where)):
            found[tuple(getattr(row, c.key) for c in columns)] = row
    return found


def on_other_teams(session: Session, account_id: str, team_member_ids: Collection[str]
                   ) -> set[str]:
    """Those of these team members who are on the team of an account other than this one."""
    found: set[str] = set()
    for chunk in _in_chunks(team_member_ids):
        found.update(session.scalars(
            select(AccountTeamRow.team_member_id).where(
                AccountTeamRow.team_member_id.in_(chunk),
                AccountTeamRow.account_id != account_id)))
    return found


def _in_chunks(values: Collection[Key], size: int = 400) -> Iterator[list[Key]]:
    """The values a few hundred at a time: one statement each, within the parameter limits
    of SQLite and PostgreSQL."""
    ordered = list(values)
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


def merge_section(session: Session, section: TableSection,
                  records: Sequence[dict[str, Any]]) -> SectionReport:
    """Merge decoded records into the workspace by primary key, per the section's policy.

    Only the columns a record has are compared and copied: a column it lacks keeps the value
    stored here, and a record without ``updated_at`` never wins."""
    report = SectionReport(section.name)
    # The rows here that the records name, read a few hundred at a time and held while they
    # are compared (one read per record was a fifth of a large file's import).
    stored = _stored_rows(session, section.table, {record_key(section, v) for v in records})
    for values in records:
        key = record_key(section, values)
        row: Any = stored.get(key)
        if row is None:
            # A savepoint per new row: a row that breaks a unique rule here is left out and
            # counted, not allowed to fail the import.
            try:
                with session.begin_nested():
                    row = section.table(**with_defaults(section, values))
                    session.add(row)
            except IntegrityError:
                report.kept_local += 1
                continue
            stored[key] = row  # the file may hold the record twice
            report.added += 1
            continue
        differing = [k for k in values
                     if k not in section.derived and k != "updated_at"
                     and getattr(row, k) != values[k]]
        if not differing:
            report.unchanged += 1
            continue
        if section.policy is MergePolicy.NEWER_WINS and "updated_at" in values and \
                values["updated_at"] > row.updated_at:
            for name in differing:
                setattr(row, name, values[name])
            row.updated_at = values["updated_at"]
            report.updated += 1
            report.fields_updated.update(differing)
        else:
            report.kept_local += 1
    session.flush()
    return report


def settle_grades(session: Session,
                  grades: Sequence[tuple[str, str, str | None, dt.datetime | None]],
                  now: dt.datetime) -> None:
    """Set each cell's grade to where its merged history ends, given as (team member,
    stakeholder, grade, reviewed at). Rows of a blank cell stay; only the grade and the
    latest review change (the other marks follow the newer row, as for any field).

    The rows are read and written a few hundred at a time, all with the same fields: the
    flush wrote a statement per run of rows changing the same fields, a few rows each, and
    each statement let the window's thread wait for the interpreter's lock (see
    ``TeamStore.update_rows``). Rows the session already holds keep what they held."""
    reviews = _reviews(session, {(m, s) for m, s, _grade, _at in grades})
    settled: dict[tuple[str, str], dict[str, Any]] = {}
    for team_member_id, stakeholder_id, grade, reviewed_at in grades:
        cell = (team_member_id, stakeholder_id)
        row = settled.get(cell)
        if row is None:
            if cell not in reviews and grade is None:
                continue
            row = settled[cell] = {"team_member_id": team_member_id,
                                   "stakeholder_id": stakeholder_id,
                                   "reviewed_at": reviews.get(cell)}
        row["grade"] = grade
        if reviewed_at is not None and (row["reviewed_at"] is None
                                        or reviewed_at > row["reviewed_at"]):
            row["reviewed_at"] = reviewed_at
    session.add_all(RelationshipRow(**row, is_key=False, needs_filling=False, note="",
                                    updated_at=now)
                    for cell, row in settled.items() if cell not in reviews)
    for chunk in _in_chunks([row for cell, row in settled.items() if cell in reviews]):
        session.execute(update(RelationshipRow), chunk)  # the ORM's bulk update by key


def _reviews(session: Session, cells: Collection[tuple[str, str]]
             ) -> dict[tuple[str, str], dt.datetime | None]:
    """When each of these cells that has a row was last reviewed."""
    columns = (RelationshipRow.team_member_id, RelationshipRow.stakeholder_id)
    found: dict[tuple[str, str], dt.datetime | None] = {}
    for chunk in _in_chunks(cells):
        found.update({(member, person): at for member, person, at in session.execute(
            select(*columns, RelationshipRow.reviewed_at).where(tuple_(*columns).in_(chunk)))})
    return found


def plans_without_cells(session: Session, blueprint_ids: Sequence[str]) -> list[str]:
    """Those of these blueprints that are stored with no cell: a plan works on at least one
    relationship, and the window reads it from its first cell."""
    if not blueprint_ids:
        return []
    session.flush()
    return list(session.scalars(select(BlueprintRow.id).where(
        BlueprintRow.id.in_(blueprint_ids),
        ~select(BlueprintCellRow.blueprint_id)
        .where(BlueprintCellRow.blueprint_id == BlueprintRow.id).exists())))


def defer_foreign_keys(session: Session) -> None:
    """Check references at commit, so rows can arrive in any order within the transaction."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    else:  # PostgreSQL defers the constraints declared deferrable: all of ours (storage/schema/)
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
