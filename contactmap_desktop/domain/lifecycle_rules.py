"""The account lifecycle rules of articles 000, 001 and 003, as pure functions the agenda
applies: reviews owed after delivery, engagements without measures, asking for more while not
delivering, a client gone quiet, a pilot with no contract after it, our executives at the
reviews of the largest accounts, and churn across accounts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from contactmap_desktop.domain.commitments import Commitment, Side, in_order
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementKind,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
)
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.domain.model import Account, AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting

# From this account value our executives join the reviews in rotation (article 003's $500k).
EXECUTIVES_FROM_VALUE = 500_000


def check_review_after_delivery(engagement: Engagement) -> None:
    """Article 000: the two questions are asked "as soon as you have delivered" — not before."""
    if engagement.status is not EngagementStatus.DELIVERED:
        raise ValidationError(f"“{engagement.name}” is not delivered yet: the post-delivery "
                              "review is held once it is, with each stakeholder.")


def reviews_owed(engagement: Engagement, criteria: Sequence[SuccessCriterion],
                 reviews: Sequence[DeliveryReview]) -> list[str]:
    """The stakeholders (ids) who agreed success criteria of a delivered engagement and have
    not yet been asked whether they were met, in the order they agreed."""
    if engagement.status is not EngagementStatus.DELIVERED:
        return []
    asked = {review.stakeholder_id for review in reviews}
    owed: list[str] = []
    for criterion in criteria:
        owed += [s for s in criterion.agreed_by if s not in asked and s not in owed]
    return owed


def unmeasured(engagement: Engagement, criteria: Sequence[SuccessCriterion],
               metrics: Sequence[Metric]) -> list[str]:
    """What an active engagement lacks of "explicit measurement criteria" (article 001):
    "success criteria", "metrics", both or neither."""
    if engagement.status is not EngagementStatus.ACTIVE:
        return []
    return [what for what, have in (("success criteria", criteria), ("metrics", metrics))
            if not have]


def missing_metrics(engagements: Sequence[Engagement],
                    metrics: Mapping[str, Sequence[Metric]]) -> list[Engagement]:
    """The active engagements whose latest measured value misses a metric's target: the
    account is not delivering on them (article 001)."""
    return [e for e in engagements if e.status is EngagementStatus.ACTIVE
            and any(m.off_target for m in metrics.get(e.id, ()))]


def not_delivering(engagements: Sequence[Engagement],
                   metrics: Mapping[str, Sequence[Metric]]) -> list[tuple[Engagement, Engagement]]:
    """Pairs (proposed, active) where more is proposed while an active engagement misses its
    metrics. Article 001: "Do NOT ask for more if you aren't delivering"."""
    missing = missing_metrics(engagements, metrics)
    proposed = [e for e in engagements if e.status is EngagementStatus.PROPOSED]
    return [(new, current) for new in proposed for current in missing]


def quiet_since(steps: Sequence[Commitment], today: date, quiet_days: int) -> date | None:
    """The day of the client's last commitment when it is more than ``quiet_days`` old (or
    the first step's day when the client never committed); None while the client is engaged.
    Article 001: "If the prospect is passive, you might as well delete the opportunity"."""
    ordered = in_order(steps)
    if not ordered:
        return None
    client = [s.on for s in ordered if s.side is Side.CLIENT]
    since = client[-1] if client else ordered[0].on
    return since if since < today - timedelta(days=quiet_days) else None


def pilots_without_follow_on(engagements: Sequence[Engagement]) -> list[Engagement]:
    """Delivered pilots with no contract, expansion or renewal after them. Article 003: "the
    pilot is not the finish line for the first sale, the long-term contract is." """
    follow_ons = [e for e in engagements if e.kind is not EngagementKind.PILOT
                  and e.status is not EngagementStatus.DROPPED]
    found = []
    for pilot in engagements:
        if pilot.kind is not EngagementKind.PILOT or \
                pilot.status is not EngagementStatus.DELIVERED:
            continue
        after = pilot.end or pilot.start
        if not any(after is None or e.start is None or e.start >= after for e in follow_ons):
            found.append(pilot)
    return found


def review_without_executive(account: Account, meetings: Sequence[ReviewMeeting],
                             executives: frozenset[str], today: date) -> ReviewMeeting | None:
    """The latest review held at an account of $500k or more when none of our executives
    came (article 003: "add in key executives from the company, in rotation")."""
    if account.annual_value < EXECUTIVES_FROM_VALUE:
        return None
    held = [m for m in meetings if m.held_on <= today]
    if not held:
        return None
    latest = max(held, key=lambda m: m.held_on)
    if any(person in executives for person in latest.our_attendees):
        return None
    return latest


@dataclass(frozen=True)
class ChurnRate:
    """Accounts lost in a period, out of those that were customers at its start."""

    churned: int
    customers: int
    since: date

    @property
    def percent(self) -> float:
        return 100 * self.churned / self.customers if self.customers else 0.0


_CUSTOMER_STAGES = frozenset({AccountStage.PILOT, AccountStage.CONTRACT, AccountStage.RENEWAL})


def churn_rate(histories: Mapping[str, Sequence[StageChange]], today: date,
               days: int = 365) -> ChurnRate:
    """The share of customer accounts churned in the last ``days`` (article 003: "track your
    customer churn"), from each account's stage history."""
    since = today - timedelta(days=days)
    customers = churned = 0
    for history in histories.values():
        before = [c for c in history if c.on <= since]
        was_customer = bool(before) and max(before, key=lambda c: c.on).stage in _CUSTOMER_STAGES
        became = any(c.stage in _CUSTOMER_STAGES for c in history if since < c.on <= today)
        if not (was_customer or became):
            continue
        customers += 1
        churned += any(c.stage is AccountStage.CHURNED for c in history if since < c.on <= today)
    return ChurnRate(churned, customers, since)
