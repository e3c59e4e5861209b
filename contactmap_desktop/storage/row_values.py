"""Domain values from a row's plain column values, without SQLAlchemy: the repositories'
bulk reads and the light read of the window's first paint (storage/quick_read.py) share them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
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
from contactmap_desktop.domain.people import Seniority, roles_from_badges

# A dictionary look-up: an account's map reads tens of thousands of grades at once.
_GRADE_OF_LETTER = {grade.value: grade for grade in Grade}


def grade_from_column(value: str | None) -> Grade | None:
    return _GRADE_OF_LETTER[value] if value else None


def account_from_values(account_id: str, name: str, industry: str, stage: str,
                        annual_value: int, currency: str, review_interval_days: int | None,
                        renewal_date: date | None, notes: str) -> Account:
    return Account(id=account_id, name=name, industry=industry, stage=AccountStage(stage),
                   annual_value=annual_value, currency=currency,
                   review_interval_days=review_interval_days, renewal_date=renewal_date,
                   notes=notes)


def stakeholder_from_values(stakeholder_id: str, account_id: str, name: str, title: str,
                            department: str, seniority: str, roles: str, email: str,
                            phone: str, reports_to_id: str | None, notes: str,
                            position: int) -> Stakeholder:
    return Stakeholder(id=stakeholder_id, account_id=account_id, name=name, title=title,
                       department=department, seniority=Seniority(seniority),
                       roles=roles_from_badges(roles), email=email, phone=phone,
                       reports_to_id=reports_to_id, notes=notes, position=position)


def team_member_from_values(team_member_id: str, name: str, title: str, seniority: str,
                            email: str) -> TeamMember:
    return TeamMember(id=team_member_id, name=name, title=title,
                      seniority=Seniority(seniority), email=email)


class SharedCells:
    """One CellRef per cell, and one string per person id, across the reads of one map.

    Each row comes back with its ids as new strings; a large account names every graded cell
    once in its relationship and again in each of its grade changes. Calling this instead of
    ``CellRef`` keeps one value per cell and one string per person (a third of what a
    1,000 × 100 map held in memory)."""

    def __init__(self, known: Iterable[CellRef] = ()) -> None:
        """``known``: cells already read (a map's relationships), to be shared as well."""
        self._cells: dict[tuple[str, str], CellRef] = {}  # tuples: hashed in C, not Python
        self._ids: dict[str, str] = {}
        for cell in known:
            self._cells[cell.team_member_id, cell.stakeholder_id] = cell
            self._ids.setdefault(cell.team_member_id, cell.team_member_id)
            self._ids.setdefault(cell.stakeholder_id, cell.stakeholder_id)

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


class SharedMoments:
    """One datetime per instant across the reads of one map.

    A cell's latest grade change is stamped with the moment its relationship was last
    reviewed, and an edit of many cells (a paste, an import, a batch) stamps them all with one
    moment; each row brings its own copy (48 bytes) unless it is shared here. At 1,000 × 100,
    55,000 datetimes held 33,000 instants."""

    def __init__(self, known: Iterable[datetime | None] = ()) -> None:
        """``known``: moments already read (a map's review times), to be shared as well."""
        self._moments: dict[datetime, datetime] = {}
        for moment in known:
            if moment is not None:
                self._moments.setdefault(moment, moment)

    def __call__(self, moment: datetime) -> datetime:
        return self._moments.setdefault(moment, moment)


# The columns each ``*_from_values`` below takes, in its argument order: the repositories
# select them by these names (storage/mapping.py) and so does the light read (quick_read.py).
RELATIONSHIP_FIELDS = ("team_member_id", "stakeholder_id", "grade", "is_key", "focus_days",
                       "focus_due", "needs_filling", "note", "reviewed_at")
GRADE_CHANGE_FIELDS = ("id", "team_member_id", "stakeholder_id", "old_grade", "new_grade",
                       "changed_at", "note", "changed_by")


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
        # A login name repeats on every change its owner made: one string, not one per row.
        changed_by=sys.intern(changed_by),
    )

# The account's live stakeholders, as a subquery of the light sqlite3 reads (quick_read.py,
# stored_history.py); the repositories' is scopes.live_stakeholder_ids.
LIVE_STAKEHOLDERS = "SELECT id FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL"
