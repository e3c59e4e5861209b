"""Conversions between table rows and domain values; ORM rows never leave storage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    Account,
    AccountStage,
    CellRef,
    FocusPeriod,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
)
from contactmap_desktop.domain.people import Seniority, roles_from_badges, roles_to_badges
from contactmap_desktop.storage.schema import (
    AccountRow,
    GradeChangeRow,
    RelationshipRow,
    StakeholderRow,
    TeamMemberRow,
)

# A dictionary look-up: an account's map reads tens of thousands of grades at once.
_GRADE_OF_LETTER = {grade.value: grade for grade in Grade}


def grade_from_column(value: str | None) -> Grade | None:
    return _GRADE_OF_LETTER[value] if value else None


def grade_to_column(grade: Grade | None) -> str | None:
    return grade.letter if grade else None


def account_from_row(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        name=row.name,
        industry=row.industry,
        stage=AccountStage(row.stage),
        annual_value=row.annual_value,
        currency=row.currency,
        review_interval_days=row.review_interval_days,
        renewal_date=row.renewal_date,
        notes=row.notes,
    )


def copy_account_to_row(account: Account, row: AccountRow) -> None:
    row.name = account.name
    row.industry = account.industry
    row.stage = account.stage.value
    row.annual_value = account.annual_value
    row.currency = account.currency
    row.review_interval_days = account.review_interval_days
    row.renewal_date = account.renewal_date
    row.notes = account.notes


def stakeholder_from_row(row: StakeholderRow) -> Stakeholder:
    return Stakeholder(
        id=row.id,
        account_id=row.account_id,
        name=row.name,
        title=row.title,
        department=row.department,
        seniority=Seniority(row.seniority),
        roles=roles_from_badges(row.roles),
        email=row.email,
        phone=row.phone,
        reports_to_id=row.reports_to_id,
        notes=row.notes,
        position=row.position,
    )


def copy_stakeholder_to_row(stakeholder: Stakeholder, row: StakeholderRow) -> None:
    row.account_id = stakeholder.account_id
    row.name = stakeholder.name
    row.title = stakeholder.title
    row.department = stakeholder.department
    row.seniority = stakeholder.seniority.value
    row.roles = roles_to_badges(stakeholder.roles)
    row.email = stakeholder.email
    row.phone = stakeholder.phone
    row.reports_to_id = stakeholder.reports_to_id
    row.notes = stakeholder.notes
    row.position = stakeholder.position


def team_member_from_row(row: TeamMemberRow) -> TeamMember:
    return TeamMember(
        id=row.id,
        name=row.name,
        title=row.title,
        seniority=Seniority(row.seniority),
        email=row.email,
    )


def copy_team_member_to_row(member: TeamMember, row: TeamMemberRow) -> None:
    row.name = member.name
    row.title = member.title
    row.seniority = member.seniority.value
    row.email = member.email


class SharedCells:
    """One CellRef per cell, and one string per person id, across the reads of one map.

    Each row comes back with its ids as new strings; a large account names every graded cell
    once in its relationship and again in each of its grade changes. Calling this instead of
    ``CellRef`` keeps one value per cell and one string per person (a third of what a
    1,000 × 100 map held in memory)."""

    def __init__(self) -> None:
        self._cells: dict[tuple[str, str], CellRef] = {}  # tuples: hashed in C, not Python
        self._ids: dict[str, str] = {}

    def __call__(self, team_member_id: str, stakeholder_id: str) -> CellRef:
        shared = self._cells.get((team_member_id, stakeholder_id))
        if shared is None:
            ids = self._ids
            team_member_id = ids.setdefault(team_member_id, team_member_id)
            stakeholder_id = ids.setdefault(stakeholder_id, stakeholder_id)
            shared = CellRef(team_member_id, stakeholder_id)
            self._cells[team_member_id, stakeholder_id] = shared
        return shared


CellOf = Callable[[str, str], CellRef]


# The columns a relationship is read from, in the order relationship_from_values takes them:
# bulk reads select these and unpack plain tuples, far cheaper than ORM objects.
RELATIONSHIP_COLUMNS = (
    RelationshipRow.team_member_id, RelationshipRow.stakeholder_id, RelationshipRow.grade,
    RelationshipRow.is_key, RelationshipRow.focus_days, RelationshipRow.focus_due,
    RelationshipRow.needs_filling, RelationshipRow.note, RelationshipRow.reviewed_at,
)


def relationship_from_values(
    team_member_id: str, stakeholder_id: str, grade: str | None, is_key: bool,
    focus_days: int | None, focus_due: date | None, needs_filling: bool, note: str,
    reviewed_at: datetime | None, leverage_for: tuple[CellRef, ...] = (),
    cell_of: CellOf = CellRef,
) -> Relationship:
    return Relationship(
        cell=cell_of(team_member_id, stakeholder_id),
        grade=grade_from_column(grade),
        is_key=is_key,
        focus_period=FocusPeriod(focus_days) if focus_days else None,
        focus_due=focus_due,
        needs_filling=needs_filling,
        note=note,
        reviewed_at=reviewed_at,
        leverage_for=leverage_for,
    )


def relationship_from_row(
    row: RelationshipRow, leverage_for: tuple[CellRef, ...] = ()
) -> Relationship:
    return relationship_from_values(
        row.team_member_id, row.stakeholder_id, row.grade, row.is_key, row.focus_days,
        row.focus_due, row.needs_filling, row.note, row.reviewed_at, leverage_for)


def copy_relationship_to_row(relationship: Relationship, row: RelationshipRow) -> None:
    row.grade = grade_to_column(relationship.grade)
    row.is_key = relationship.is_key
    row.focus_days = relationship.focus_period.value if relationship.focus_period else None
    row.focus_due = relationship.focus_due
    row.needs_filling = relationship.needs_filling
    row.note = relationship.note
    row.reviewed_at = relationship.reviewed_at


# As for relationships: the columns in the order grade_change_from_values takes them.
GRADE_CHANGE_COLUMNS = (
    GradeChangeRow.id, GradeChangeRow.team_member_id, GradeChangeRow.stakeholder_id,
    GradeChangeRow.old_grade, GradeChangeRow.new_grade, GradeChangeRow.changed_at,
    GradeChangeRow.note, GradeChangeRow.changed_by,
)


def grade_change_from_values(change_id: str, team_member_id: str, stakeholder_id: str,
                             old_grade: str | None, new_grade: str | None,
                             changed_at: datetime, note: str, changed_by: str,
                             cell_of: CellOf = CellRef) -> GradeChange:
    return GradeChange(
        id=change_id,
        cell=cell_of(team_member_id, stakeholder_id),
        old_grade=grade_from_column(old_grade),
        new_grade=grade_from_column(new_grade),
        changed_at=changed_at,
        note=note,
        changed_by=changed_by,
    )


def grade_change_from_row(row: GradeChangeRow) -> GradeChange:
    return grade_change_from_values(row.id, row.team_member_id, row.stakeholder_id,
                                    row.old_grade, row.new_grade, row.changed_at, row.note,
                                    row.changed_by)
