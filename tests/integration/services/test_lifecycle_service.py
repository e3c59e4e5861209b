"""Lifecycle use cases on a real workspace file: round trips after reopening, specific
validation messages, delete with restore, stage history, and the cross-account agenda."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.agenda import AgendaKind
from contactmap_desktop.domain.commitments import Commitment, CommitmentKind, Side, StepStatus
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.errors import NotFoundError, ValidationError
from contactmap_desktop.domain.metrics import Measurement, Metric
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock
from tests.helpers.lifecycle_reads import parent_of

NOW = datetime(2026, 3, 10, 9, 0)
TODAY = NOW.date()


@pytest.fixture
def small(tmp_path: Path) -> Iterator[SmallMap]:
    built = build_small_map(tmp_path / "w.cmap")
    yield built
    built.opened.close()


@pytest.fixture
def service(small: SmallMap) -> LifecycleService:
    return LifecycleService(small.opened.workspace, FakeClock(NOW))


def _parent(value: object) -> str:
    """The engagement or account a lifecycle value belongs to."""
    parent = getattr(value, "engagement_id", None) or value.account_id
    assert isinstance(parent, str)
    return parent


def _engagement(small: SmallMap, service: LifecycleService, **changes: object) -> Engagement:
    values: dict[str, object] = {"id": new_id(), "account_id": small.account.id,
                                 "name": "Route pilot", "value": 50_000,
                                 "status": EngagementStatus.ACTIVE}
    values.update(changes)
    return service.save(Engagement(**values)).value  # type: ignore[arg-type]


def test_every_kind_of_value_survives_reopening_the_file(small: SmallMap,
                                                        service: LifecycleService,
                                                        tmp_path: Path) -> None:
    ada, uma = small.stakeholders[0].id, small.stakeholders[1].id
    rep = small.team_members[0].id
    engagement = _engagement(small, service, start=date(2026, 1, 1), end=date(2026, 6, 30),
                             status=EngagementStatus.DELIVERED)
    values = [
        SuccessCriterion(new_id(), engagement.id, "Empty miles down 10%", (ada, uma)),
        DeliveryReview(new_id(), engagement.id, ada, TODAY, Verdict.PARTLY, "Close",
                       ("Invoices by hand", "Depot staffing")),
        Commitment(new_id(), engagement.id, TODAY, Side.CLIENT, "Shares route data",
                   stakeholder_id=uma, kind=CommitmentKind.DATA),
        Commitment(new_id(), engagement.id, TODAY, Side.OURS, "Sends the report",
                   team_member_id=rep, status=StepStatus.FULFILLED),
        Metric(new_id(), engagement.id, "On-time", 95.0, "%",
               measurements=(Measurement(date(2026, 2, 1), 93.5),)),
        ReviewMeeting(new_id(), small.account.id, TODAY, (rep,), (ada,), "Good",
                      our_ceo_present=True),
        # Article 003: "Pitch your similar solutions. And, if you don't have similar
        # solutions, tell your product team".
        Competitor(new_id(), small.account.id, "RouteCo", "Cheaper licences", "Procurement",
                   date(2026, 2, 2), our_answer="Volume tiers from 50 depots",
                   product_request="Per-depot pricing asked of the product team"),
        StageChange(new_id(), small.account.id, AccountStage.PILOT, date(2026, 1, 1)),
    ]
    saved = [service.save(v).value for v in values]
    path = small.opened.path
    small.opened.close()
    reopened = open_workspace(path, backups_root=tmp_path / "b")
    try:
        again = LifecycleService(reopened.workspace, FakeClock(NOW))
        assert again.list(Engagement, small.account.id) == [engagement]
        for value in saved:
            assert value in again.list(type(value), parent_of(value))
        assert [c.what for c in again.list(Commitment, engagement.id)] == [
            "Shares route data", "Sends the report"]
        assert reopened.accounts.get(small.account.id).stage is AccountStage.PILOT
    finally:
        reopened.close()
        small.opened = open_workspace(path, backups_root=tmp_path / "b")


def test_checks_name_the_problem(small: SmallMap, service: LifecycleService) -> None:
    engagement = _engagement(small, service)
    ada = small.stakeholders[0].id
    # Article 000: "as soon as you have delivered, go to each stakeholder" — not before.
    with pytest.raises(ValidationError, match="not delivered yet"):
        service.save(DeliveryReview(new_id(), engagement.id, ada, TODAY, Verdict.MET))
    engagement = service.save(replace(engagement, status=EngagementStatus.DELIVERED)).value
    with pytest.raises(ValidationError, match="before the start date"):
        _engagement(small, service, start=TODAY, end=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="not a stakeholder or team member"):
        service.save(SuccessCriterion(new_id(), engagement.id, "x", ("stranger",)))
    review = service.save(DeliveryReview(new_id(), engagement.id, ada, TODAY, Verdict.MET)).value
    with pytest.raises(ValidationError, match="Ada Power already has a review"):
        service.save(replace(review, id=new_id()))
    with pytest.raises(ValidationError, match="attendees from both sides"):
        service.save(ReviewMeeting(new_id(), small.account.id, TODAY, (), (ada,)))
    with pytest.raises(ValidationError, match="must be on the account team"):
        service.save(Commitment(new_id(), engagement.id, TODAY, Side.OURS, "x",
                                team_member_id=ada))
    service.save(Competitor(new_id(), small.account.id, "RouteCo"))
    with pytest.raises(ValidationError, match="already a competitor called “routeco”"):
        service.save(Competitor(new_id(), small.account.id, "routeco"))
    metric = service.save(Metric(new_id(), engagement.id, "On-time", 95)).value
    with pytest.raises(ValidationError, match="in the future"):
        service.save(metric.with_measurement(Measurement(TODAY + timedelta(days=1), 96)))


def test_deleting_an_engagement_takes_its_parts_and_restore_puts_all_back(
    small: SmallMap, service: LifecycleService
) -> None:
    engagement = _engagement(small, service)
    criterion = service.save(SuccessCriterion(new_id(), engagement.id, "Criterion",
                                              (small.stakeholders[0].id,))).value
    metric = service.save(Metric(new_id(), engagement.id, "On-time", 95)).value
    removed = service.delete(Engagement, engagement.id).value
    assert service.list(Engagement, small.account.id) == []
    assert service.list(Metric, engagement.id) == []
    with pytest.raises(NotFoundError):
        service.delete(Metric, metric.id)
    service.restore(removed)
    assert service.list(Engagement, small.account.id) == [engagement]
    assert service.list(SuccessCriterion, engagement.id) == [criterion]
    assert service.list(Metric, engagement.id) == [metric]


def test_a_next_problem_becomes_an_engagement_once(small: SmallMap,
                                                   service: LifecycleService) -> None:
    engagement = _engagement(small, service, status=EngagementStatus.DELIVERED)
    review = service.save(DeliveryReview(new_id(), engagement.id, small.stakeholders[0].id,
                                         TODAY, Verdict.MET, "",
                                         ("Invoices by hand", "Depot staffing"))).value
    started = service.start_engagement_from_problem(review.id, 1).value
    assert started.name == "Depot staffing" and started.origin_review_id == review.id
    assert [e.name for e in service.list(Engagement, small.account.id)] == [
        "Route pilot", "Depot staffing"]
    with pytest.raises(ValidationError, match="already became the engagement “Depot staffing”"):
        service.start_engagement_from_problem(review.id, 1)


def test_stage_history_sets_the_account_stage_and_undo_returns_to_the_one_before(
    small: SmallMap, service: LifecycleService
) -> None:
    accounts = small.opened.accounts
    assert accounts.get(small.account.id).stage is AccountStage.PROSPECT
    recorded = service.record_stage(StageChange(new_id(), small.account.id, AccountStage.PILOT,
                                                date(2026, 1, 1))).value
    assert accounts.get(small.account.id).stage is AccountStage.PILOT
    churn = service.record_stage(StageChange(new_id(), small.account.id, AccountStage.CHURNED,
                                             TODAY, "Budget frozen")).value
    assert accounts.get(small.account.id).stage is AccountStage.CHURNED
    service.take_back(churn)
    assert accounts.get(small.account.id).stage is AccountStage.PILOT
    service.take_back(recorded)
    assert accounts.get(small.account.id).stage is AccountStage.PROSPECT
    assert service.list(StageChange, small.account.id) == []


def test_the_agenda_lists_a_seeded_overdue_review_and_renewal(small: SmallMap,
                                                             service: LifecycleService) -> None:
    accounts = small.opened.accounts
    accounts.update_account(replace(accounts.get(small.account.id), annual_value=150_000,
                                    renewal_date=TODAY - timedelta(days=2)))
    service.save(ReviewMeeting(new_id(), small.account.id, TODAY - timedelta(days=100),
                               (small.team_members[0].id,), (small.stakeholders[0].id,)))
    items = AgendaService(small.opened.workspace, FakeClock(NOW)).agenda().items
    assert [(i.kind, i.overdue, i.account_name) for i in items] == [
        (AgendaKind.REVIEW, True, "Acme Corp"), (AgendaKind.RENEWAL, True, "Acme Corp")]
    assert items[0].due == TODAY - timedelta(days=9)  # the older one first


def test_the_overview_flags_passive_engagements_and_metrics_off_target(
    small: SmallMap, service: LifecycleService
) -> None:
    engagement = _engagement(small, service)
    for day in range(3):
        service.save(Commitment(new_id(), engagement.id, TODAY - timedelta(days=3 - day),
                                Side.OURS, f"Our step {day}"))
    metric = service.save(Metric(new_id(), engagement.id, "On-time", 95, "%")).value
    service.save(metric.with_measurement(Measurement(TODAY, 90)))
    overview = AgendaService(small.opened.workspace, FakeClock(NOW)).overview(small.account.id)
    [state] = overview.engagements
    assert state.momentum.passive and state.momentum.ours_in_a_row == 3
    assert state.metrics_off_target == ("On-time",)
    # Below $100k the app's suggested tier asks for a half-yearly update; none held yet.
    assert overview.review is not None and overview.review.due == TODAY


def test_the_sample_account_shows_a_lifecycle(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "s.cmap", with_sample=True, backups_root=tmp_path / "b")
    try:
        [account] = opened.accounts.list_accounts()
        overview = AgendaService(opened.workspace).overview(account.id)
        states = {s.engagement.name: s for s in overview.engagements}
        assert states["Route optimisation pilot"].metrics_off_target == ("On-time deliveries",)
        assert states["Late loading at the Leeds depot"].momentum.passive
        assert [c.stage for c in overview.stage_history] == [AccountStage.PROSPECT,
                                                             AccountStage.PILOT]
        assert overview.review is not None and overview.competitors
    finally:
        opened.close()
