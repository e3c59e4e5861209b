"""The tables that make up one account, read out as plain records and merged back by id.

Account exchange (services/account_exchange.py) works on these generic sections, so a new
table joins the account file by adding one ``TableSection`` to ``ACCOUNT_SECTIONS`` below.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, select, tuple_, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Session

from contactmap_desktop.domain.errors import InboundError
from contactmap_desktop.storage.schema import (
    AccountRow,
    AccountTeamRow,
    BlueprintCellRow,
    BlueprintRow,
    BlueprintStrategyRow,
    CommitmentRow,
    CompetitorRow,
    DeliveryReviewRow,
    EngagementRow,
    GradeChangeRow,
    LeverageLinkRow,
    MetricRow,
    RelationshipRow,
    ReviewMeetingRow,
    SettingRow,
    SponsorLetterRow,
    StageChangeRow,
    StakeholderRow,
    SuccessCriterionRow,
    TeamMemberRow,
)

Scope = Callable[[str], ColumnElement[bool]]


class MergePolicy(Enum):
    # Rows carry ``updated_at``: the newer row's values win, field by field.
    NEWER_WINS = "newer_wins"
    # Rows never change once written (history, links): missing ones are added.
    ADD_MISSING = "add_missing"
    # No timestamps to decide by: missing rows are added, differing ones reported and kept.
    KEEP_LOCAL = "keep_local"


@dataclass(frozen=True)
class TableSection:
    """One table's share of an account: which rows belong to it and how they merge."""

    name: str
    table: type[DeclarativeBase]
    scope: Scope | None  # rows of the account; None means every row (workspace-wide)
    policy: MergePolicy
    # Fields decided elsewhere (e.g. a relationship's grade comes from its history).
    derived: frozenset[str] = field(default=frozenset())


def _stakeholders_of(account_id: str) -> Any:
    return select(StakeholderRow.id).where(StakeholderRow.account_id == account_id,
                                           StakeholderRow.deleted_at.is_(None))


def _team_of(account_id: str) -> Any:
    return select(AccountTeamRow.team_member_id).where(AccountTeamRow.account_id == account_id)


def _people_of(account_id: str) -> Any:
    """The team, and the people of ours its records still name: a grade change of someone
    since taken off the team, a plan's owner, a letter's sender (the receiving workspace must
    know them, as the database insists)."""
    return union(
        _team_of(account_id),
        select(GradeChangeRow.team_member_id).where(
            GradeChangeRow.stakeholder_id.in_(_stakeholders_of(account_id))),
        select(BlueprintRow.owner_id).where(BlueprintRow.account_id == account_id),
        select(SponsorLetterRow.sender_id).where(SponsorLetterRow.account_id == account_id),
    )


def _blueprints_of(account_id: str) -> Any:
    return select(BlueprintRow.id).where(BlueprintRow.account_id == account_id)


def _engagements_of(account_id: str) -> Any:
    return select(EngagementRow.id).where(EngagementRow.account_id == account_id)


def _engagement_part(table: Any) -> TableSection:
    """A table whose rows belong to one of the account's engagements."""
    def scope(account_id: str) -> ColumnElement[bool]:
        result: ColumnElement[bool] = table.engagement_id.in_(_engagements_of(account_id))
        return result

    return TableSection(table.__tablename__, table, scope, MergePolicy.NEWER_WINS)


# Order matters: rows are inserted in this order, so a table comes after those it refers to.
ACCOUNT_SECTIONS: tuple[TableSection, ...] = (
    TableSection("team_members", TeamMemberRow,
                 lambda a: TeamMemberRow.id.in_(_people_of(a)), MergePolicy.NEWER_WINS),
    TableSection("stakeholders", StakeholderRow,
                 lambda a: StakeholderRow.id.in_(_stakeholders_of(a)), MergePolicy.NEWER_WINS),
    TableSection("account_team", AccountTeamRow,
                 lambda a: AccountTeamRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("relationships", RelationshipRow,
                 lambda a: RelationshipRow.stakeholder_id.in_(_stakeholders_of(a)),
                 MergePolicy.NEWER_WINS, frozenset({"grade", "reviewed_at"})),
    TableSection("leverage_links", LeverageLinkRow,
                 lambda a: LeverageLinkRow.source_stakeholder_id.in_(_stakeholders_of(a)),
                 MergePolicy.ADD_MISSING),
    TableSection("grade_changes", GradeChangeRow,
                 lambda a: GradeChangeRow.stakeholder_id.in_(_stakeholders_of(a)),
                 MergePolicy.ADD_MISSING),
    TableSection("blueprints", BlueprintRow,
                 lambda a: BlueprintRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("blueprint_cells", BlueprintCellRow,
                 lambda a: BlueprintCellRow.blueprint_id.in_(_blueprints_of(a)),
                 MergePolicy.ADD_MISSING),
    TableSection("blueprint_strategies", BlueprintStrategyRow,
                 lambda a: BlueprintStrategyRow.blueprint_id.in_(_blueprints_of(a)),
                 MergePolicy.ADD_MISSING),
    TableSection("sponsor_letters", SponsorLetterRow,
                 lambda a: SponsorLetterRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("account_stage_changes", StageChangeRow,
                 lambda a: StageChangeRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("engagements", EngagementRow,
                 lambda a: EngagementRow.account_id == a, MergePolicy.NEWER_WINS),
    *(_engagement_part(table)
      for table in (SuccessCriterionRow, DeliveryReviewRow, CommitmentRow, MetricRow)),
    TableSection("review_meetings", ReviewMeetingRow,
                 lambda a: ReviewMeetingRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("competitors", CompetitorRow,
                 lambda a: CompetitorRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("settings", SettingRow, None, MergePolicy.KEEP_LOCAL),
)
ACCOUNT_TABLE = TableSection("account", AccountRow, lambda a: AccountRow.id == a,
                             MergePolicy.NEWER_WINS)


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

@cache  # asked for several times per record: a first sync decodes 56,506 of them
def _columns(table: type[DeclarativeBase]) -> tuple[Any, ...]:
    return tuple(table.__table__.columns)


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
    keys = [c for c in _columns(table) if c.primary_key]
    rows = session.scalars(query.order_by(*keys))
    return [row_record(table, row) for row in rows]


def row_record(table: type[DeclarativeBase], row: Any) -> dict[str, Any]:
    """One row as the JSON-ready record an account file (or the team server) carries."""
    return {c.key: _to_json(getattr(row, c.key)) for c in _columns(table)}


# --- merging -----------------------------------------------------------------------------

# What SQLite stores in an INTEGER column; a larger number cannot be written at all.
_INTEGER_RANGE = (-(2**63), 2**63 - 1)


def shown_value(value: Any) -> str:
    """A value as quoted in a one-line message: cut short, control characters as “?”."""
    return "".join(c if c.isprintable() else "?" for c in str(value)[:40])


_EXPECTED = {dt.datetime: "not a time (YYYY-MM-DDTHH:MM:SS)", dt.date: "not a date (YYYY-MM-DD)",
             bool: "not true or false", int: "not a whole number", float: "not a number",
             str: "not text that can be stored"}


def record_label(section: TableSection, number: int) -> str:
    """How messages name a record of the file: ``account``, ``stakeholders[3]``…"""
    return section.name if section.name == "account" else f"{section.name}[{number}]"


def _refused(where: str, column: Any, value: Any, why: str = "") -> InboundError:
    reason = f": {why}" if why else ""
    return InboundError(f"{where}.{column.key} holds “{shown_value(value)}”{reason}.")


def _from_json(column: Any, value: Any, where: str) -> Any:
    """The column's value from its JSON form (or already typed, as a database driver gives
    it), refused when it is of another type or one SQLite would store differently."""
    if value is None:
        return None
    kind = column.type.python_type
    try:
        if kind is dt.datetime:
            moment = value if isinstance(value, dt.datetime) else \
                dt.datetime.fromisoformat(_iso_text(value))
            if moment.tzinfo is not None:
                # Times are naive UTC here; comparing an aware one with them fails.
                raise _refused(where, column, value,
                               "a time with a time zone, where times are naive UTC")
            return moment
        if kind is dt.date:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            return dt.date.fromisoformat(_iso_text(value))
        if kind is bool:
            if not isinstance(value, bool):
                raise ValueError(value)
            return value
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(value)
            if not _INTEGER_RANGE[0] <= value <= _INTEGER_RANGE[1]:
                raise _refused(where, column, value, "too large a number to store")
            return value
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float) or \
                    not math.isfinite(value):
                raise ValueError(value)
            return float(value)
        if kind is str:
            if not isinstance(value, str):
                raise ValueError(value)
            value.encode("utf-8")  # a lone surrogate from JSON cannot be stored
            length = getattr(column.type, "length", None)
            if length is not None and len(value) > length:
                raise _refused(where, column, value, f"longer than {length} characters")
            return value
    except (ValueError, OverflowError):
        raise _refused(where, column, value, _EXPECTED.get(kind, "")) from None
    return value  # pragma: no cover - every column type we use is handled above


def _iso_text(value: Any) -> str:
    """ISO text as the file writes it; a number is not a date, however ISO-like it looks."""
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _has_default(column: Any) -> bool:
    return column.nullable or (column.default is not None and column.default.is_scalar)


def decode_record(section: TableSection, record: Any, number: int) -> dict[str, Any]:
    """A record of the file checked and converted to column values.

    A column with a default (or optional) may be missing, or null where null is not allowed:
    the file was written before the column existed. It is left out of the values, so that a
    new row takes the default and a row stored here keeps its own value (``merge_section``);
    a record without ``updated_at`` is never the newer one. A required column without a
    default that is missing or null means the file is damaged.
    """
    where = record_label(section, number)
    if not isinstance(record, dict):
        raise InboundError(f"{where} is not a record.")
    values: dict[str, Any] = {}
    for column in _columns(section.table):
        value = record.get(column.key)
        if value is not None or (column.nullable and column.key in record):
            values[column.key] = _from_json(column, value, where)
        elif not _has_default(column):
            problem = (f"{where} has no {column.key}" if column.key not in record
                       else f"{where}.{column.key} is empty")
            raise InboundError(f"{problem}.")
    return values


def stored_record(session: Session, section: TableSection, key: tuple[Any, ...]
                  ) -> dict[str, Any] | None:
    """The stored row of ``section`` with primary key ``key``, as column values; or None."""
    row = session.get(section.table, key)
    return None if row is None else {c.key: getattr(row, c.key) for c in _columns(section.table)}


def stored_records(session: Session, section: TableSection, keys: Collection[tuple[Any, ...]]
                   ) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The stored rows of ``section`` with these primary keys, as column values by key."""
    return {key: {c.key: getattr(row, c.key) for c in _columns(section.table)}
            for key, row in _stored_rows(session, section.table, keys).items()}


def _stored_rows(session: Session, table: type[DeclarativeBase],
                 keys: Collection[tuple[Any, ...]]
                 ) -> dict[tuple[Any, ...], Any]:
    """The stored rows of ``table`` with these primary keys, by key: one statement per few
    hundred keys instead of one per key."""
    columns = [c for c in _columns(table) if c.primary_key]
    found: dict[tuple[Any, ...], Any] = {}
    ordered = list(keys)
    for start in range(0, len(ordered), 400):
        chunk = ordered[start:start + 400]
        where = columns[0].in_([k[0] for k in chunk]) if len(columns) == 1 else \
            tuple_(*columns).in_(chunk)
        for row in session.scalars(select(table).where(where)):
            found[tuple(getattr(row, c.key) for c in columns)] = row
    return found


def on_other_teams(session: Session, account_id: str, team_member_ids: Collection[str]
                   ) -> set[str]:
    """Those of these team members who are on the team of an account other than this one."""
    ordered = list(team_member_ids)
    found: set[str] = set()
    for start in range(0, len(ordered), 400):
        found.update(session.scalars(
            select(AccountTeamRow.team_member_id).where(
                AccountTeamRow.team_member_id.in_(ordered[start:start + 400]),
                AccountTeamRow.account_id != account_id)))
    return found


def with_defaults(section: TableSection, values: dict[str, Any]) -> dict[str, Any]:
    """Decoded values with the columns the record lacked set to what a new row takes."""
    missing = {c.key: c.default.arg if c.default is not None and c.default.is_scalar else None
               for c in _columns(section.table) if c.key not in values}
    return {**values, **missing}


def key_columns(section: TableSection) -> list[str]:
    return [c.key for c in _columns(section.table) if c.primary_key]


def record_key(section: TableSection, values: dict[str, Any]) -> tuple[Any, ...]:
    """The primary key of decoded values, as ``stored_record`` and ``Session.get`` take it."""
    return tuple(values[key] for key in key_columns(section))


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
    """``settle_grade`` for each (team member, stakeholder, grade, reviewed at), the cells'
    rows read a few hundred at a time and held meanwhile, so that each is found in the
    session rather than read on its own."""
    held = _stored_rows(session, RelationshipRow, {(m, s) for m, s, _grade, _at in grades})
    for team_member_id, stakeholder_id, grade, reviewed_at in grades:
        settle_grade(session, team_member_id, stakeholder_id, grade, reviewed_at, now)
    del held


def settle_grade(session: Session, team_member_id: str, stakeholder_id: str,
                 grade: str | None, reviewed_at: dt.datetime | None, now: dt.datetime) -> None:
    """Set a cell's grade to what its merged history ends on (rows of a blank cell stay)."""
    row = session.get(RelationshipRow, (team_member_id, stakeholder_id))
    if row is None:
        if grade is None:
            return
        row = RelationshipRow(team_member_id=team_member_id, stakeholder_id=stakeholder_id,
                              is_key=False, needs_filling=False, note="", updated_at=now)
        session.add(row)
    # Only the grade: the other marks follow the newer row, as for any field.
    row.grade = grade
    if reviewed_at is not None and (row.reviewed_at is None or reviewed_at > row.reviewed_at):
        row.reviewed_at = reviewed_at


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
