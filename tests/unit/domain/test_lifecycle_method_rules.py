"""The lifecycle rules of articles 000, 001 and 003, each from a table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contactmap_desktop.domain.commitments import Commitment, Side
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementKind,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.lifecycle_rules import (
    check_review_after_delivery,
    churn_rate,
    missing_metrics,
    not_delivering,
    pilots_without_follow_on,
    quiet_since,
    review_without_executive,
    reviews_owed,
    unmeasured,
)
from contactmap_desktop.domain.metrics import Measurement, Metric
from contactmap_desktop.domain.model import Account, AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting

TODAY = date(2026, 6, 1)
DELIVERED, ACTIVE, PROPOSED = (EngagementStatus.DELIVERED, EngagementStatus.ACTIVE,
                               EngagementStatus.PROPOSED)


def _engagement(status: EngagementStatus, kind: EngagementKind = EngagementKind.PILOT,
                name: str = "Pilot", start: date | None = None,
                end: date | None = None) -> Engagement:
    return Engagement(name.lower(), "a", name, kind, status, start=start, end=end)


@pytest.mark.parametrize(("status", "asked", "owed"), [
    (DELIVERED, (), ["s1", "s2", "s3"]),
    (DELIVERED, ("s2",), ["s1", "s3"]),
    (DELIVERED, ("s1", "s2", "s3"), []),
    (ACTIVE, (), []),  # not delivered yet: nothing is owed
])
def test_each_stakeholder_who_agreed_criteria_is_asked_after_delivery(
        status: EngagementStatus, asked: tuple[str, ...], owed: list[str]) -> None:
    """Article 000: "as soon as you have delivered, go to each stakeholder and ask two
    questions" """
    engagement = _engagement(status)
    criteria = [SuccessCriterion("c1", "pilot", "Fewer empty miles", ("s1", "s2")),
                SuccessCriterion("c2", "pilot", "On time", ("s2", "s3"))]
    reviews = [DeliveryReview(f"r{s}", "pilot", s, TODAY, Verdict.MET) for s in asked]
    assert reviews_owed(engagement, criteria, reviews) == owed


def test_no_post_delivery_review_before_delivery() -> None:
    """Article 000: the review comes "as soon as you have delivered" — not before."""
    with pytest.raises(ValidationError, match="not delivered yet"):
        check_review_after_delivery(_engagement(ACTIVE))
    check_review_after_delivery(_engagement(DELIVERED))


@pytest.mark.parametrize(("criteria", "metrics", "lacking"), [
    (0, 0, ["success criteria", "metrics"]), (1, 0, ["metrics"]),
    (0, 1, ["success criteria"]), (1, 1, []),
])
def test_an_active_engagement_needs_explicit_measures(criteria: int, metrics: int,
                                                      lacking: list[str]) -> None:
    """Article 001: "You should have a set of explicit measurement criteria that you and your
    customer can measure objectively." """
    engagement = _engagement(ACTIVE)
    assert unmeasured(engagement,
                      [SuccessCriterion("c", "pilot", "x")] * criteria,
                      [Metric("m", "pilot", "On-time", 95.0, "%")] * metrics) == lacking
    assert unmeasured(_engagement(PROPOSED), [], []) == []


def test_asking_for_more_while_not_delivering_is_flagged() -> None:
    """Article 001: "Do NOT ask for more if you aren't delivering on your present
    engagement." """
    current = _engagement(ACTIVE, name="Current")
    new = _engagement(PROPOSED, EngagementKind.EXPANSION, "More")
    missing = Metric("m", "current", "On-time", 95.0, "%",
                     measurements=(Measurement(TODAY, 80.0),))
    meeting = Metric("m", "current", "On-time", 95.0, "%",
                     measurements=(Measurement(TODAY, 97.0),))
    assert not_delivering([current, new], {"current": [missing]}) == [(new, current)]
    assert not_delivering([current, new], {"current": [meeting]}) == []
    assert missing_metrics([current, new], {"current": [missing]}) == [current]


@pytest.mark.parametrize(("client_days_ago", "quiet"), [
    (10, False), (60, False), (61, True), (365, True), (None, True),
])
def test_a_client_who_has_committed_nothing_for_long_is_passive(
        client_days_ago: int | None, quiet: bool) -> None:
    """Article 001: "If the prospect is passive, you might as well delete the opportunity
    from the pipeline." — a year-old last commitment is passive, whoever moved last."""
    steps = [Commitment("o", "e", TODAY - timedelta(days=400), Side.OURS, "Intro")]
    if client_days_ago is not None:
        steps.append(Commitment("c", "e", TODAY - timedelta(days=client_days_ago),
                                Side.CLIENT, "Data", "s"))
    assert (quiet_since(steps, TODAY, 60) is not None) is quiet


def test_a_delivered_pilot_needs_a_contract_after_it() -> None:
    """Article 003: "the pilot is not the finish line for the first sale, the long-term
    contract is." """
    pilot = _engagement(DELIVERED, start=date(2026, 1, 1), end=date(2026, 3, 1))
    assert pilots_without_follow_on([pilot]) == [pilot]
    contract = _engagement(PROPOSED, EngagementKind.CONTRACT, "Contract", date(2026, 4, 1))
    assert pilots_without_follow_on([pilot, contract]) == []
    earlier = _engagement(DELIVERED, EngagementKind.CONTRACT, "Old", date(2025, 1, 1))
    assert pilots_without_follow_on([pilot, earlier]) == [pilot]


@pytest.mark.parametrize(("value", "attendees", "flagged"), [
    (600_000, ("rep",), True), (600_000, ("rep", "ceo"), False),
    (200_000, ("rep",), False),  # below the tier: the executive is not asked for
])
def test_large_accounts_see_our_executives_at_their_reviews(
        value: int, attendees: tuple[str, ...], flagged: bool) -> None:
    """Article 003: "$500,000 accounts, add in key executives from the company, in rotation,
    to those meetings" """
    meeting = ReviewMeeting("r", "a", TODAY - timedelta(days=5), attendees, ("s",))
    found = review_without_executive(Account("a", "Acme", annual_value=value), [meeting],
                                     frozenset({"ceo"}), TODAY)
    assert (found is not None) is flagged


def test_churn_across_accounts() -> None:
    """Article 003: "track your customer churn, and keep it to an absolute minimum." """
    year_ago = TODAY - timedelta(days=400)
    histories = {
        "kept": [StageChange("1", "kept", AccountStage.CONTRACT, year_ago)],
        "lost": [StageChange("2", "lost", AccountStage.CONTRACT, year_ago),
                 StageChange("3", "lost", AccountStage.CHURNED, TODAY - timedelta(days=30))],
        "prospect": [StageChange("4", "prospect", AccountStage.PROSPECT, year_ago)],
        "new": [StageChange("5", "new", AccountStage.PILOT, TODAY - timedelta(days=10))],
    }
    rate = churn_rate(histories, TODAY)
    assert (rate.churned, rate.customers) == (1, 3)
    assert round(rate.percent) == 33
