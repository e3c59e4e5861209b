"""The tables that make up one account: which rows of each belong to it, and their keys.

Account exchange (services/account_exchange.py) and the team sync work on these generic
sections, so a new table joins the account file by adding one ``TableSection`` to
``ACCOUNT_SECTIONS`` below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, select, union
from sqlalchemy.orm import DeclarativeBase

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
from contactmap_desktop.storage.scopes import live_stakeholder_ids

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


def _team_of(account_id: str) -> Any:
    return select(AccountTeamRow.team_member_id).where(AccountTeamRow.account_id == account_id)


def _people_of(account_id: str) -> Any:
    """The team, and the people of ours its records still name: a grade change of someone
    since taken off the team, a plan's owner, a letter's sender (the receiving workspace must
    know them, as the database insists)."""
    return union(
        _team_of(account_id),
        select(GradeChangeRow.team_member_id).where(
            GradeChangeRow.stakeholder_id.in_(live_stakeholder_ids(account_id))),
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
                 lambda a: StakeholderRow.id.in_(live_stakeholder_ids(a)), MergePolicy.NEWER_WINS),
    TableSection("account_team", AccountTeamRow,
                 lambda a: AccountTeamRow.account_id == a, MergePolicy.NEWER_WINS),
    TableSection("relationships", RelationshipRow,
                 lambda a: RelationshipRow.stakeholder_id.in_(live_stakeholder_ids(a)),
                 MergePolicy.NEWER_WINS, frozenset({"grade", "reviewed_at"})),
    TableSection("leverage_links", LeverageLinkRow,
                 lambda a: LeverageLinkRow.source_stakeholder_id.in_(live_stakeholder_ids(a)),
                 MergePolicy.ADD_MISSING),
    TableSection("grade_changes", GradeChangeRow,
                 lambda a: GradeChangeRow.stakeholder_id.in_(live_stakeholder_ids(a)),
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



@cache  # asked for several times per record: a first sync decodes 56,506 of them
def section_columns(table: type[DeclarativeBase]) -> tuple[Any, ...]:
    """The table's columns, in their declared order."""
    return tuple(table.__table__.columns)


def key_columns(section: TableSection) -> list[str]:
    return [c.key for c in section_columns(section.table) if c.primary_key]


def record_key(section: TableSection, values: dict[str, Any]) -> tuple[Any, ...]:
    """The primary key of decoded values, as ``stored_record`` and ``Session.get`` take it."""
    return tuple(values[key] for key in key_columns(section))
