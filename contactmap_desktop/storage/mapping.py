"""Conversions between table rows and domain values; ORM rows never leave storage."""

from __future__ import annotations

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
)
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.storage.row_values import (
    GRADE_CHANGE_FIELDS,
    RELATIONSHIP_FIELDS,
    account_from_values,
    grade_change_from_values,
    relationship_from_values,
    stakeholder_from_values,
    team_member_from_values,
)
from contactmap_desktop.storage.schema import (
    AccountRow,
    GradeChangeRow,
    RelationshipRow,
    StakeholderRow,
    TeamMemberRow,
)


def grade_to_column(grade: Grade | None) -> str | None:
    return grade.letter if grade else None


def account_from_row(row: AccountRow) -> Account:
    return account_from_values(row.id, row.name, row.industry, row.stage, row.annual_value,
                               row.currency, row.review_interval_days, row.renewal_date,
                               row.notes)


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
    return stakeholder_from_values(row.id, row.account_id, row.name, row.title, row.department,
                                   row.seniority, row.roles, row.email, row.phone,
                                   row.reports_to_id, row.notes, row.position)


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
    return team_member_from_values(row.id, row.name, row.title, row.seniority, row.email)


def copy_team_member_to_row(member: TeamMember, row: TeamMemberRow) -> None:
    row.name = member.name
    row.title = member.title
    row.seniority = member.seniority.value
    row.email = member.email


# The columns a relationship is read from, in the order relationship_from_values takes them:
# bulk reads select these and unpack plain tuples, far cheaper than ORM objects.
RELATIONSHIP_COLUMNS = tuple(getattr(RelationshipRow, name) for name in RELATIONSHIP_FIELDS)


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
GRADE_CHANGE_COLUMNS = tuple(getattr(GradeChangeRow, name) for name in GRADE_CHANGE_FIELDS)


def grade_change_from_row(row: GradeChangeRow) -> GradeChange:
    return grade_change_from_values(row.id, row.team_member_id, row.stakeholder_id,
                                    row.old_grade, row.new_grade, row.changed_at, row.note,
                                    row.changed_by)
