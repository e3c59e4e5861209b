"""Review meetings with the client and how often they are due, from the account's value.

The defaults follow the method: from $100k a quarterly review led by the account executive;
from $500k our executives join in rotation; from $1M our CEO visits at least once a year.
Below $100k the article sets nothing; the app suggests a half-yearly update so that no
account goes unreviewed. The tiers are a setting the user can edit, and any account can set
its own interval instead of its tier's ("don't be afraid to tweak the schedule").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.validation import clean_long_text, clean_short_text

MAX_TIERS = 10


@dataclass(frozen=True)
class CadenceTier:
    """Accounts worth at least ``from_value`` a year get a review every ``every_days``."""

    from_value: int
    every_days: int
    who: str  # who takes part, in words
    ceo_visit_every_days: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"from_value": self.from_value, "every_days": self.every_days, "who": self.who,
                "ceo_visit_every_days": self.ceo_visit_every_days}

    @classmethod
    def from_json(cls, raw: Any) -> CadenceTier:
        if not isinstance(raw, dict):
            raise ValidationError("A stored review tier is not a record.")
        ceo = raw.get("ceo_visit_every_days")
        return cls(_whole(raw.get("from_value")), _whole(raw.get("every_days")),
                   str(raw.get("who", "")), None if ceo is None else _whole(ceo))


DEFAULT_TIERS: tuple[CadenceTier, ...] = (
    CadenceTier(0, 182, "Half-yearly update from the account executive (the app's suggestion)"),
    CadenceTier(100_000, 91, "Quarterly review led by the account executive"),
    CadenceTier(500_000, 91, "Quarterly review; our executives join in rotation"),
    CadenceTier(1_000_000, 91, "Quarterly review with our executives; our CEO visits yearly",
                365),
)


def checked_tiers(tiers: Sequence[CadenceTier]) -> tuple[CadenceTier, ...]:
    """Tiers sorted by value; a ValidationError for duplicates or numbers out of range."""
    if len(tiers) > MAX_TIERS:
        raise ValidationError(f"Keep at most {MAX_TIERS} review tiers.")
    ordered = sorted(tiers, key=lambda t: t.from_value)
    values = [t.from_value for t in ordered]
    if len(set(values)) != len(values):
        raise ValidationError("Two review tiers start at the same account value.")
    result = []
    for tier in ordered:
        if not 0 <= tier.from_value <= 10**12:
            raise ValidationError("A review tier's account value must be from 0 upwards.")
        if not 1 <= tier.every_days <= 3650:
            raise ValidationError("Reviews must be due every 1 to 3650 days.")
        if tier.ceo_visit_every_days is not None and not 1 <= tier.ceo_visit_every_days <= 3650:
            raise ValidationError("Our CEO's visits must be due every 1 to 3650 days.")
        result.append(replace(tier, who=clean_short_text(tier.who, "Who takes part")))
    return tuple(result)


def tier_for(annual_value: int, tiers: Sequence[CadenceTier]) -> CadenceTier | None:
    """The highest tier the value reaches (a value exactly on a threshold reaches it)."""
    reached = [t for t in tiers if annual_value >= t.from_value]
    return max(reached, key=lambda t: t.from_value) if reached else None


@dataclass(frozen=True)
class ReviewMeeting:
    """A business review with the client: who came from both sides, notes, metrics looked at."""

    id: str
    account_id: str
    held_on: date
    our_attendees: tuple[str, ...] = ()  # team member ids
    client_attendees: tuple[str, ...] = ()  # stakeholder ids
    notes: str = ""
    metrics_reviewed: tuple[str, ...] = ()  # metric ids
    our_ceo_present: bool = False

    def checked(self) -> ReviewMeeting:
        if not self.our_attendees or not self.client_attendees:
            raise ValidationError("A review meeting needs attendees from both sides: at least "
                                  "one of our team and one stakeholder.")
        for group in (self.our_attendees, self.client_attendees, self.metrics_reviewed):
            if len(set(group)) != len(group):
                raise ValidationError("Someone or something is listed twice in this review.")
        return replace(self, notes=clean_long_text(self.notes, "The notes"))


@dataclass(frozen=True)
class ReviewDue:
    """The next review of an account: a date, and whether it is already booked."""

    due: date
    scheduled: bool  # a meeting is recorded for that (future) date
    tier: CadenceTier

    def overdue(self, today: date) -> bool:
        return not self.scheduled and self.due < today


MOST_DAYS_BETWEEN_REVIEWS = 3650


def check_review_interval(days: int | None) -> None:
    """An account's own interval between reviews, when it has one, is 1 to 3650 days."""
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                             or not 1 <= days <= MOST_DAYS_BETWEEN_REVIEWS):
        raise ValidationError(f"Reviews must be due every 1 to {MOST_DAYS_BETWEEN_REVIEWS} "
                              "days.")


def next_review_due(annual_value: int, tiers: Sequence[CadenceTier],
                    meetings: Sequence[ReviewMeeting], today: date,
                    own_interval: int | None = None) -> ReviewDue | None:
    """None below the lowest tier (unless the account has its own interval). A booked future
    meeting is the next review; otherwise the last one held plus the interval (the account's
    own, else its tier's); with none held yet, a review is due today."""
    tier = tier_for(annual_value, tiers)
    if own_interval is not None:
        base = tier or CadenceTier(0, own_interval, "Review at this account's own interval")
        tier = replace(base, every_days=own_interval,
                       who=f"{base.who} (every {own_interval} days for this account)")
    if tier is None:
        return None
    booked = [m.held_on for m in meetings if m.held_on > today]
    if booked:
        return ReviewDue(min(booked), True, tier)
    held = [m.held_on for m in meetings]
    due = max(held) + timedelta(days=tier.every_days) if held else today
    return ReviewDue(due, False, tier)


def next_ceo_visit_due(annual_value: int, tiers: Sequence[CadenceTier],
                       meetings: Sequence[ReviewMeeting], today: date) -> date | None:
    """When our CEO should next visit, for tiers that ask for it; due today if never."""
    tier = tier_for(annual_value, tiers)
    if tier is None or tier.ceo_visit_every_days is None:
        return None
    visits = [m.held_on for m in meetings if m.our_ceo_present]
    if not visits:
        return today
    return max(visits) + timedelta(days=tier.ceo_visit_every_days)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("A stored review tier holds something that is not a whole number.")
    return value
