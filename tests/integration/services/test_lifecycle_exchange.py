"""Account files carry the lifecycle: engagements with their parts, meetings, competitors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.commitments import Commitment, CommitmentKind, Side
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.metrics import Measurement, Metric
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock
from tests.helpers.lifecycle_reads import parent_of

NOW = datetime(2026, 3, 10, 9, 0)


def test_lifecycle_round_trips_and_newer_edits_win(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    clock = FakeClock(NOW)
    service = LifecycleService(small.opened.workspace, clock)
    ada, rep = small.stakeholders[0].id, small.team_members[0].id
    engagement = service.save(Engagement(new_id(), small.account.id, "Pilot", value=5,
                                         status=EngagementStatus.DELIVERED)).value
    values = [
        service.save(SuccessCriterion(new_id(), engagement.id, "Faster", (ada,))).value,
        service.save(DeliveryReview(new_id(), engagement.id, ada, NOW.date(), Verdict.MET, "",
                                    ("One", "Two"))).value,
        service.save(Commitment(new_id(), engagement.id, NOW.date(), Side.CLIENT, "Meeting",
                                stakeholder_id=ada, kind=CommitmentKind.TIME)).value,
        service.save(Metric(new_id(), engagement.id, "Speed", 3, "days",
                            measurements=(Measurement(date(2026, 3, 1), 4),))).value,
        service.save(ReviewMeeting(new_id(), small.account.id, NOW.date(), (rep,), (ada,))).value,
        service.save(Competitor(new_id(), small.account.id, "RouteCo")).value,
        service.record_stage(StageChange(new_id(), small.account.id, AccountStage.PILOT,
                                         NOW.date())).value.values[0],
    ]
    file = tmp_path / "acme.cmacct"
    counts = AccountExchangeService(small.opened.workspace).export_account(small.account.id,
                                                                           file)
    assert counts["engagements"] == 1 and counts["metrics"] == 1
    small.opened.close()

    other = open_workspace(tmp_path / "b.cmap", backups_root=tmp_path / "bk")
    try:
        AccountExchangeService(other.workspace).import_account(file)
        there = LifecycleService(other.workspace, clock)
        assert there.list(Engagement, small.account.id) == [engagement]
        for value in values:
            assert value in there.list(type(value), parent_of(value))
        clock.advance(hours=1)
        there.save(replace(engagement, name="Pilot, extended"))
        AccountExchangeService(other.workspace).export_account(small.account.id, file)
    finally:
        other.close()

    first = open_workspace(tmp_path / "a.cmap", backups_root=tmp_path / "bk")
    try:
        summary = AccountExchangeService(first.workspace).import_account(file)
        assert "engagements: 0 added, 1 updated (name)" in summary.lines()
        [again] = LifecycleService(first.workspace, clock).list(Engagement, small.account.id)
        assert again.name == "Pilot, extended"
    finally:
        first.close()
