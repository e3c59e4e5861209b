"""The lifecycle's rules at their boundaries: cadence tiers, the passive rule, metrics off
target, renewal reminders, stage history and engagements started from a next problem."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contactmap_desktop.domain.account_watch import LifecycleSettings, renewal_notice
from contactmap_desktop.domain.commitments import (
    Commitment,
    CommitmentKind,
    Side,
    StepStatus,
    momentum,
)
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementKind,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
    churn_reason,
    current_stage,
    engagement_from_problem,
)
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.metrics import Direction, Measurement, Metric, is_off_target
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.review_cadence import (
    DEFAULT_TIERS,
    CadenceTier,
    ReviewMeeting,
    checked_tiers,
    next_ceo_visit_due,
    next_review_due,
    tier_for,
)

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("value", "tier_start"), [
    (0, 0), (99_999, 0), (100_000, 100_000), (499_999, 100_000), (500_000, 500_000),
    (999_999, 500_000), (1_000_000, 1_000_000), (25_000_000, 1_000_000),
])
def test_the_cadence_tier_follows_the_account_value(value: int, tier_start: int | None) -> None:
    tier = tier_for(value, DEFAULT_TIERS)
    assert (tier.from_value if tier else None) == tier_start


def test_only_the_million_tier_asks_for_a_yearly_ceo_visit() -> None:
    assert [t.ceo_visit_every_days for t in DEFAULT_TIERS] == [None, None, None, 365]
    assert "executives" in DEFAULT_TIERS[2].who


def _meeting(on: date, ceo: bool = False) -> ReviewMeeting:
    return ReviewMeeting("m" + on.isoformat(), "a", on, ("t",), ("s",), our_ceo_present=ceo)


def test_next_review_is_the_last_one_plus_the_interval_and_overdue_after_it() -> None:
    held = [_meeting(date(2025, 10, 1)), _meeting(date(2025, 12, 1))]
    due = next_review_due(150_000, DEFAULT_TIERS, held, TODAY)
    assert due is not None and due.due == date(2025, 12, 1) + timedelta(days=91)
    assert due.due == date(2026, 3, 2) and due.overdue(TODAY)
    assert not due.overdue(date(2026, 3, 2))  # on the day itself it is due, not overdue


def test_a_booked_meeting_is_the_next_review_and_never_overdue() -> None:
    held = [_meeting(date(2025, 6, 1)), _meeting(date(2026, 3, 20))]
    due = next_review_due(150_000, DEFAULT_TIERS, held, TODAY)
    assert due is not None and due.scheduled and due.due == date(2026, 3, 20)
    assert not due.overdue(TODAY)


def test_no_review_below_the_lowest_tier_and_due_now_when_none_held() -> None:
    assert next_review_due(99_999, DEFAULT_TIERS[1:], [], TODAY) is None
    due = next_review_due(100_000, DEFAULT_TIERS, [], TODAY)
    assert due is not None and due.due == TODAY and not due.overdue(TODAY)


def test_accounts_under_100k_get_a_half_yearly_update_by_default() -> None:
    """Article 003 starts at "$100,000 accounts gets the updates from their sales executive
    once a quarter"; below that the app suggests half-yearly, so no account goes unreviewed."""
    held = [_meeting(date(2025, 12, 1))]
    due = next_review_due(20_000, DEFAULT_TIERS, held, TODAY)
    assert due is not None and due.due == date(2025, 12, 1) + timedelta(days=182)
    assert "the app's suggestion" in due.tier.who


@pytest.mark.parametrize(("value", "own", "days"), [
    (150_000, None, 91), (150_000, 30, 30), (150_000, 120, 120), (20_000, 60, 60)])
def test_any_account_can_tweak_its_review_frequency(value: int, own: int | None,
                                                    days: int) -> None:
    """Article 001: "don't be afraid to tweak the schedule." """
    held = [_meeting(date(2026, 1, 1))]
    due = next_review_due(value, DEFAULT_TIERS, held, TODAY, own)
    assert due is not None and due.due == date(2026, 1, 1) + timedelta(days=days)


def test_ceo_visit_is_due_a_year_after_the_last_one_with_our_ceo() -> None:
    meetings = [_meeting(date(2025, 2, 1), ceo=True), _meeting(date(2026, 1, 5))]
    assert next_ceo_visit_due(1_000_000, DEFAULT_TIERS, meetings, TODAY) == date(2026, 2, 1)
    assert next_ceo_visit_due(999_999, DEFAULT_TIERS, meetings, TODAY) is None
    assert next_ceo_visit_due(2_000_000, DEFAULT_TIERS, [], TODAY) == TODAY


def test_edited_tiers_are_sorted_and_checked() -> None:
    tiers = checked_tiers([CadenceTier(50_000, 180, "  Twice a  year "), DEFAULT_TIERS[1]])
    assert [t.from_value for t in tiers] == [50_000, 100_000]
    assert tiers[0].who == "Twice a year"
    with pytest.raises(ValidationError, match="same account value"):
        checked_tiers([DEFAULT_TIERS[1], DEFAULT_TIERS[1]])
    with pytest.raises(ValidationError, match="1 to 3650 days"):
        checked_tiers([CadenceTier(1, 0, "never")])
    assert CadenceTier.from_json(DEFAULT_TIERS[3].to_json()) == DEFAULT_TIERS[3]


def _step(day: int, side: Side, status: StepStatus = StepStatus.FULFILLED) -> Commitment:
    client = side is Side.CLIENT
    return Commitment(f"c{day}-{side.value}", "e", date(2026, 3, day), side, "step",
                      stakeholder_id="s" if client else None,
                      kind=CommitmentKind.TIME if client else None, status=status)


@pytest.mark.parametrize(("ours_after_client", "threshold", "passive"), [
    (0, 3, False), (2, 3, False), (3, 3, True), (4, 3, True), (1, 1, True), (0, 1, False),
])
def test_an_engagement_is_passive_once_its_latest_steps_are_all_ours(
    ours_after_client: int, threshold: int, passive: bool
) -> None:
    steps = [_step(1, Side.CLIENT)] + [_step(2 + i, Side.OURS) for i in range(ours_after_client)]
    state = momentum(steps, threshold)
    assert state.passive is passive
    assert state.ours_in_a_row == ours_after_client
    assert state.last_client_commitment is steps[0]


def test_the_next_step_is_held_by_the_side_of_the_earliest_open_step() -> None:
    steps = [_step(5, Side.OURS, StepStatus.OPEN), _step(3, Side.CLIENT, StepStatus.OPEN),
             _step(1, Side.OURS)]
    assert momentum(steps, 3).next_step_on is Side.CLIENT
    assert momentum([_step(1, Side.OURS)], 3).next_step_on is None
    empty = momentum([], 3)
    assert not empty.passive and empty.last_client_commitment is None


def test_a_client_commitment_needs_a_stakeholder_and_a_kind_and_ours_has_neither() -> None:
    base = _step(1, Side.CLIENT)
    with pytest.raises(ValidationError, match="stakeholder"):
        Commitment("x", "e", TODAY, Side.CLIENT, "call", kind=CommitmentKind.TIME).checked()
    with pytest.raises(ValidationError, match="Time, Data or Money"):
        Commitment("x", "e", TODAY, Side.CLIENT, "call", stakeholder_id="s").checked()
    with pytest.raises(ValidationError, match="a step of ours"):
        Commitment("x", "e", TODAY, Side.OURS, "demo", kind=CommitmentKind.DATA).checked()
    with pytest.raises(ValidationError, match="Say what"):
        Commitment("x", "e", TODAY, Side.OURS, "   ").checked()
    assert base.checked() == base


@pytest.mark.parametrize(("value", "direction", "off"), [
    (95.0, Direction.AT_LEAST, False), (94.99, Direction.AT_LEAST, True),
    (96.0, Direction.AT_LEAST, False), (95.0, Direction.AT_MOST, False),
    (95.01, Direction.AT_MOST, True),
])
def test_a_value_exactly_on_target_meets_it(value: float, direction: Direction,
                                            off: bool) -> None:
    assert is_off_target(value, 95.0, direction) is off


def test_a_metric_is_off_target_by_its_latest_value_only() -> None:
    metric = Metric("m", "e", "On-time deliveries", 95, "%", measurements=(
        Measurement(date(2026, 1, 1), 90), Measurement(date(2026, 2, 1), 96)))
    assert not metric.off_target and metric.target_text == "at least 95 %"
    worse = metric.with_measurement(Measurement(date(2026, 3, 1), 93.5))
    assert worse.off_target and worse.latest == Measurement(date(2026, 3, 1), 93.5)
    same_day = worse.with_measurement(Measurement(date(2026, 3, 1), 97))
    assert len(same_day.measurements) == 3 and not same_day.off_target
    assert not Metric("n", "e", "Unmeasured", 1).off_target
    with pytest.raises(ValidationError, match="must be a number"):
        Metric("n", "e", "Bad", float("nan")).checked()


@pytest.mark.parametrize(("days_ahead", "shown"), [(91, False), (90, True), (0, True),
                                                   (-5, True)])
def test_renewal_reminders_start_the_set_number_of_days_before(days_ahead: int,
                                                               shown: bool) -> None:
    notice = renewal_notice(TODAY + timedelta(days=days_ahead), AccountStage.CONTRACT, TODAY, 90)
    assert (notice is not None) is shown
    if notice is not None:
        assert notice.days_left == days_ahead and notice.overdue is (days_ahead < 0)


def test_no_renewal_reminder_for_a_churned_account_or_without_a_date() -> None:
    assert renewal_notice(TODAY, AccountStage.CHURNED, TODAY, 90) is None
    assert renewal_notice(None, AccountStage.CONTRACT, TODAY, 90) is None


def test_lifecycle_settings_have_bounds_and_read_back() -> None:
    settings = LifecycleSettings(passive_after_steps=5)
    assert LifecycleSettings.from_json(settings.to_json()) == settings
    with pytest.raises(ValidationError, match="from 1 to 20"):
        LifecycleSettings(passive_after_steps=0)


def test_stage_history_knows_the_current_stage_and_why_an_account_churned() -> None:
    history = [StageChange("1", "a", AccountStage.PILOT, date(2025, 1, 1)),
               StageChange("3", "a", AccountStage.CHURNED, date(2026, 2, 1), "Budget cut"),
               StageChange("2", "a", AccountStage.CONTRACT, date(2025, 6, 1))]
    assert current_stage(history) == history[1]
    assert churn_reason(history) == "Budget cut"
    assert churn_reason(history[::2]) is None
    with pytest.raises(ValidationError, match="why the account churned"):
        StageChange("4", "a", AccountStage.CHURNED, TODAY).checked(TODAY)
    with pytest.raises(ValidationError, match="in the future"):
        StageChange("4", "a", AccountStage.PILOT, TODAY + timedelta(days=1)).checked(TODAY)


def test_engagement_checks() -> None:
    good = Engagement("e", "a", "  Route  pilot ", value=50_000, start=TODAY, end=TODAY)
    assert good.checked().name == "Route pilot"
    with pytest.raises(ValidationError, match="before the start date"):
        Engagement("e", "a", "x", start=TODAY, end=TODAY - timedelta(days=1)).checked()
    with pytest.raises(ValidationError, match="whole amount"):
        Engagement("e", "a", "x", value=-1).checked()
    with pytest.raises(ValidationError, match="needs a name"):
        Engagement("e", "a", " ").checked()


def test_a_criterion_needs_text_and_at_least_one_stakeholder() -> None:
    with pytest.raises(ValidationError, match="at least one stakeholder"):
        SuccessCriterion("c", "e", "Cut empty miles by 10%").checked()
    with pytest.raises(ValidationError, match="Write the success criterion"):
        SuccessCriterion("c", "e", " ", ("s",)).checked()


def test_a_review_keeps_two_next_problems_and_one_becomes_an_engagement() -> None:
    review = DeliveryReview("r", "e", "s", TODAY, Verdict.PARTLY,
                            next_problems=("", "Carrier invoices are checked by hand"))
    checked = review.checked(TODAY)
    assert checked.next_problems == ("Carrier invoices are checked by hand", "")
    engagement = engagement_from_problem(checked, 0, "a", TODAY, "new")
    assert engagement.name == "Carrier invoices are checked by hand"
    assert engagement.kind is EngagementKind.EXPANSION
    assert engagement.status is EngagementStatus.PROPOSED
    assert (engagement.origin_review_id, engagement.origin_problem) == ("r", 0)
    assert engagement.checked() == engagement
    with pytest.raises(ValidationError, match="no such next problem"):
        engagement_from_problem(checked, 1, "a", TODAY)
    with pytest.raises(ValidationError, match="in the future"):
        review.checked(TODAY - timedelta(days=1))
