"""Engagements of an account (pilot, contract, expansion…), their success criteria, the
post-delivery reviews per stakeholder, and the account's stage history.

After delivery the method asks each stakeholder two things: were the agreed criteria met, and
what are the next two problems on their mind. Each of those problems can start a new
engagement, which remembers the review it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.validation import clean_long_text, clean_name, clean_short_text

MAX_VALUE = 10**12  # a guard against typing errors, far above any real contract


class EngagementKind(Enum):
    PILOT = "pilot"
    CONTRACT = "contract"
    EXPANSION = "expansion"
    RENEWAL = "renewal"
    SERVICES = "services"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class EngagementStatus(Enum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    DELIVERED = "delivered"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_open(self) -> bool:
        """Still running, so its commitments and metrics are watched."""
        return self in (EngagementStatus.PROPOSED, EngagementStatus.ACTIVE)


@dataclass(frozen=True)
class Engagement:
    """One piece of business with the account; ``origin_*`` name the next problem it came from."""

    id: str
    account_id: str
    name: str
    kind: EngagementKind = EngagementKind.PILOT
    status: EngagementStatus = EngagementStatus.PROPOSED
    value: int = 0
    start: date | None = None
    end: date | None = None
    notes: str = ""
    origin_review_id: str | None = None
    origin_problem: int | None = None  # 0 or 1: which of the review's two next problems

    def checked(self) -> Engagement:
        """The engagement with its texts cleaned, or a ValidationError naming the problem."""
        if isinstance(self.value, bool) or not 0 <= self.value <= MAX_VALUE:
            raise ValidationError(
                f"The engagement value must be a whole amount from 0 to {MAX_VALUE:,}.")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError(
                f"The end date {self.end.isoformat()} is before the start date "
                f"{self.start.isoformat()}.")
        if (self.origin_review_id is None) != (self.origin_problem is None) or \
                self.origin_problem not in (None, 0, 1):
            raise ValidationError("An engagement can only come from one of a review's two "
                                  "next problems.")
        return replace(self, name=clean_name(self.name, "engagement"),
                        notes=clean_long_text(self.notes, "The notes"))


class Verdict(Enum):
    """The stakeholder's answer to "did we meet the success criteria we agreed?"."""

    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {"met": "Yes", "partly": "Partly", "not_met": "No"}[self.value]


@dataclass(frozen=True)
class SuccessCriterion:
    """A test of success for an engagement, agreed by one or more stakeholders."""

    id: str
    engagement_id: str
    text: str
    agreed_by: tuple[str, ...] = ()  # stakeholder ids
    position: int = 0

    def checked(self) -> SuccessCriterion:
        text = clean_long_text(self.text, "The criterion")
        if not text:
            raise ValidationError("Write the success criterion as the stakeholders agreed it.")
        if not self.agreed_by:
            raise ValidationError("Choose at least one stakeholder who agreed to this criterion.")
        if len(set(self.agreed_by)) != len(self.agreed_by):
            raise ValidationError("A stakeholder is listed twice as agreeing to this criterion.")
        return replace(self, text=text)


@dataclass(frozen=True)
class DeliveryReview:
    """One stakeholder's answers after delivery: criteria met, and their next two problems."""

    id: str
    engagement_id: str
    stakeholder_id: str
    held_on: date
    verdict: Verdict
    notes: str = ""
    next_problems: tuple[str, str] = ("", "")

    def checked(self, today: date) -> DeliveryReview:
        if self.held_on > today:
            raise ValidationError(
                f"The review date {self.held_on.isoformat()} is in the future; record a "
                "review once it has happened.")
        first, second = (clean_long_text(p, "A next problem") for p in self.next_problems)
        if second and not first:
            first, second = second, ""
        return replace(self, notes=clean_long_text(self.notes, "The notes"),
                        next_problems=(first, second))

    def problem(self, index: int) -> str:
        if index not in (0, 1) or not self.next_problems[index]:
            raise ValidationError("That review has no such next problem to start from.")
        return self.next_problems[index]


def engagement_from_problem(review: DeliveryReview, index: int, account_id: str,
                            today: date, engagement_id: str | None = None) -> Engagement:
    """A proposed engagement for one of the review's next problems, in the client's words."""
    problem = review.problem(index)
    first_line = problem.splitlines()[0]
    name = first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"
    return Engagement(
        id=engagement_id or new_id(), account_id=account_id, name=name,
        kind=EngagementKind.EXPANSION, status=EngagementStatus.PROPOSED, start=today,
        notes=f"Next problem named in a post-delivery review:\n{problem}",
        origin_review_id=review.id, origin_problem=index,
    )


@dataclass(frozen=True)
class StageChange:
    """The account moved to ``stage`` on a date; for churn the note says why."""

    id: str
    account_id: str
    stage: AccountStage
    on: date
    note: str = ""

    def checked(self, today: date) -> StageChange:
        if self.on > today:
            raise ValidationError(
                f"The stage date {self.on.isoformat()} is in the future; record a stage once "
                "the account is in it.")
        note = clean_short_text(self.note, "The note")
        if self.stage is AccountStage.CHURNED and not note:
            raise ValidationError("Say why the account churned: the reason is kept with it.")
        return replace(self, note=note)


def current_stage(history: list[StageChange]) -> StageChange | None:
    """The latest stage by date (the last recorded one wins on the same day)."""
    return max(enumerate(history), key=lambda pair: (pair[1].on, pair[0]))[1] \
        if history else None


def churn_reason(history: list[StageChange]) -> str | None:
    latest = current_stage(history)
    return latest.note if latest is not None and latest.stage is AccountStage.CHURNED else None
