"""The domain's values: accounts, stakeholders, team members, relationships, grade changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.people import BuyingRole, Seniority

# The largest amount (annual value, engagement value) the window's value boxes hold.
MAX_AMOUNT = 2_000_000_000


def new_id() -> str:
    """A stable id that survives moving an account between laptops."""
    return str(uuid.uuid4())


class AccountStage(Enum):
    PROSPECT = "prospect"
    PILOT = "pilot"
    CONTRACT = "contract"
    RENEWAL = "renewal"
    CHURNED = "churned"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FocusPeriod(Enum):
    """How far ahead a key relationship is in focus."""

    DAYS_30 = 30
    DAYS_60 = 60
    DAYS_90 = 90


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    industry: str = ""
    stage: AccountStage = AccountStage.PROSPECT
    annual_value: int = 0
    renewal_date: date | None = None
    notes: str = ""
    currency: str = ""  # ISO 4217 code of the amounts; "" until one is chosen
    # Days between business reviews when this account departs from its value tier's cadence
    # (article 001: "don't be afraid to tweak the schedule"); None follows the tier.
    review_interval_days: int | None = None


@dataclass(frozen=True, slots=True)
class Stakeholder:
    """A person at the client."""

    id: str
    account_id: str
    name: str
    title: str = ""
    department: str = ""
    seniority: Seniority = Seniority.MANAGER
    roles: frozenset[BuyingRole] = frozenset()
    email: str = ""
    phone: str = ""
    reports_to_id: str | None = None
    notes: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class TeamMember:
    """A person on our side, on the account team of one or more accounts."""

    id: str
    name: str
    title: str = ""
    seniority: Seniority = Seniority.MANAGER
    email: str = ""


@dataclass(frozen=True, slots=True)
class CellRef:
    """One intersection of the map: a team member (row) and a stakeholder (column)."""

    team_member_id: str
    stakeholder_id: str


@dataclass(frozen=True, slots=True)
class Relationship:
    """The state of one intersection; a blank grade means no relationship."""

    cell: CellRef
    grade: Grade | None = None
    is_key: bool = False
    focus_period: FocusPeriod | None = None
    focus_due: date | None = None
    needs_filling: bool = False
    note: str = ""
    reviewed_at: datetime | None = None
    leverage_for: tuple[CellRef, ...] = field(default=())

    def with_grade(self, grade: Grade | None, reviewed_at: datetime) -> Relationship:
        return replace(self, grade=grade, reviewed_at=reviewed_at)

    @property
    def is_empty(self) -> bool:
        """True when nothing about the intersection differs from an untouched cell."""
        return (
            self.grade is None
            and not self.is_key
            and not self.needs_filling
            and not self.note
            and not self.leverage_for
        )


@dataclass(frozen=True, slots=True)
class GradeChange:
    """One recorded change of grade, or a review (the same grade confirmed); the history
    of grades is append-only, and only a review that is undone leaves it."""

    id: str
    cell: CellRef
    old_grade: Grade | None
    new_grade: Grade | None
    changed_at: datetime
    note: str = ""
    changed_by: str = ""  # who made the change or the review (a login name), "" if unknown

    @property
    def is_review(self) -> bool:
        """True when the grade was confirmed rather than changed."""
        return self.new_grade is not None and self.old_grade == self.new_grade

    @property
    def levels_moved(self) -> int:
        """Levels moved in this change; 0 when either side is blank."""
        if self.old_grade is None or self.new_grade is None:
            return 0
        return self.old_grade.steps_to(self.new_grade)
