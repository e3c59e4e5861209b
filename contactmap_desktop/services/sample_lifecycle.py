"""The sample account's lifecycle: a delivered assessment with its reviews, the running pilot
with its criteria, commitments and metrics, an expansion started from a next problem that has
gone passive, a review meeting, a competitor and the stage history."""

from __future__ import annotations

from datetime import date, timedelta

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.commitments import Commitment, CommitmentKind, Side, StepStatus
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementKind,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.metrics import Direction, Measurement, Metric
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.lifecycle_service import LifecycleService

T, D, M = CommitmentKind.TIME, CommitmentKind.DATA, CommitmentKind.MONEY
DONE, OPEN = StepStatus.FULFILLED, StepStatus.OPEN


def create_sample_lifecycle(service: LifecycleService, contact_maps: ContactMapService,
                            account_id: str) -> None:
    today = service.today()

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    loaded = contact_maps.load_map(account_id)
    who = {s.name: s.id for s in loaded.stakeholders} | {t.name: t.id
                                                         for t in loaded.team_members}
    for stage, days in ((AccountStage.PROSPECT, 260), (AccountStage.PILOT, 100)):
        service.record_stage(StageChange(new_id(), account_id, stage, ago(days),
                                         "Pilot agreed for two depots" if days == 100 else ""))

    assessment = service.save(Engagement(
        new_id(), account_id, "Depot planning assessment", EngagementKind.SERVICES,
        EngagementStatus.DELIVERED, 18_000, ago(200), ago(120),
        "Two-week study of how routes are planned in the regional depots.")).value
    service.save(SuccessCriterion(new_id(), assessment.id,
                                  "A costed map of where planning time goes, per depot",
                                  (who["Priya Raman"], who["Zoë Müller"])))
    service.save(DeliveryReview(
        new_id(), assessment.id, who["Priya Raman"], ago(110), Verdict.MET,
        "Used the findings in her board update.",
        ("Routes are rebuilt by hand every week", "Carrier invoices are checked by hand")))
    review = service.save(DeliveryReview(
        new_id(), assessment.id, who["Zoë Müller"], ago(108), Verdict.PARTLY,
        "The night shift was not covered by the study.",
        ("Late loading at the Leeds depot", ""))).value

    pilot = service.save(Engagement(
        new_id(), account_id, "Route optimisation pilot", EngagementKind.PILOT,
        EngagementStatus.ACTIVE, 50_000, ago(100), today + timedelta(days=30),
        "Started from Priya Raman's first next problem.")).value
    for text, agreed in (("Empty kilometres below 12% in both pilot depots",
                          ("Priya Raman", "李伟")),
                         ("Planners approve the week's routes by Monday noon",
                          ("Zoë Müller",))):
        service.save(SuccessCriterion(new_id(), pilot.id, text,
                                      tuple(who[name] for name in agreed)))
    steps = [
        (95, Side.CLIENT, "Kick-off workshop with both depots", "Priya Raman", T, DONE),
        (90, Side.CLIENT, "Six months of order and route history", "Sara Lindqvist", D, DONE),
        (60, Side.OURS, "First weekly savings report", "Jordan Blake", None, DONE),
        (40, Side.CLIENT, "Pilot extended to the night shift", "李伟", T, DONE),
        (12, Side.CLIENT, "Budget line for the three-year rollout", "Marcus Reid", M, OPEN),
    ]
    for days, side, what, person, kind, status in steps:
        client = side is Side.CLIENT
        service.save(Commitment(new_id(), pilot.id, ago(days), side, what,
                                stakeholder_id=who[person] if client else None, kind=kind,
                                team_member_id=None if client else who[person], status=status))
    empty = service.save(Metric(new_id(), pilot.id, "Empty kilometres", 12, "%",
                                Direction.AT_MOST, tuple(
                                    Measurement(ago(d), v) for d, v in
                                    ((84, 18.0), (63, 14.5), (42, 12.5), (21, 11.0), (7, 10.6)))))
    on_time = service.save(Metric(new_id(), pilot.id, "On-time deliveries", 95, "%",
                                  Direction.AT_LEAST, tuple(
                                      Measurement(ago(d), v) for d, v in
                                      ((84, 93.0), (63, 94.2), (42, 95.1), (21, 94.0)))))

    expansion = service.start_engagement_from_problem(review.id, 0).value
    for days, what in ((30, "Sent a note on loading-bay scheduling"),
                       (18, "Shared a case study from a similar depot"),
                       (5, "Offered a site visit to the Leeds depot")):
        service.save(Commitment(new_id(), expansion.id, ago(days), Side.OURS, what,
                                team_member_id=who["Alex Novak"], status=DONE))

    service.save(ReviewMeeting(
        new_id(), account_id, ago(86), (who["Jordan Blake"], who["Alex Novak"]),
        (who["Priya Raman"], who["李伟"]),
        "Pilot on track for empty kilometres; on-time deliveries still just under target.",
        (empty.value.id, on_time.value.id)))
    service.save(Competitor(
        new_id(), account_id, "RouteWise", "A cheaper planning tool, licensed per depot",
        "Tomás Herrera (IT)", ago(20), "Demoed to IT; no budget holder in the room."))
