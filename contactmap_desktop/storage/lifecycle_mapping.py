"""Lifecycle rows to domain values and back; lists kept inside a row are JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.storage.schema import (
    Base,
    CommitmentRow,
    CompetitorRow,
    DeliveryReviewRow,
    EngagementRow,
    MetricRow,
    ReviewMeetingRow,
    StageChangeRow,
    SuccessCriterionRow,
)


def _ids(raw: str) -> tuple[str, ...]:
    return tuple(str(i) for i in json.loads(raw or "[]"))


def _json(values: Any) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def stage_change(row: StageChangeRow) -> StageChange:
    return StageChange(row.id, row.account_id, AccountStage(row.stage), row.changed_on, row.note)


def stage_change_to_row(value: StageChange, row: StageChangeRow) -> None:
    row.account_id, row.stage = value.account_id, value.stage.value
    row.changed_on, row.note = value.on, value.note


def engagement(row: EngagementRow) -> Engagement:
    return Engagement(row.id, row.account_id, row.name, EngagementKind(row.kind),
                      EngagementStatus(row.status), row.value, row.start_date, row.end_date,
                      row.notes, row.origin_review_id, row.origin_problem)


def engagement_to_row(value: Engagement, row: EngagementRow) -> None:
    row.account_id, row.name = value.account_id, value.name
    row.kind, row.status, row.value = value.kind.value, value.status.value, value.value
    row.start_date, row.end_date, row.notes = value.start, value.end, value.notes
    row.origin_review_id, row.origin_problem = value.origin_review_id, value.origin_problem


def criterion(row: SuccessCriterionRow) -> SuccessCriterion:
    return SuccessCriterion(row.id, row.engagement_id, row.text, _ids(row.agreed_by),
                            row.position)


def criterion_to_row(value: SuccessCriterion, row: SuccessCriterionRow) -> None:
    row.engagement_id, row.text = value.engagement_id, value.text
    row.agreed_by, row.position = _json(value.agreed_by), value.position


def review(row: DeliveryReviewRow) -> DeliveryReview:
    return DeliveryReview(row.id, row.engagement_id, row.stakeholder_id, row.held_on,
                          Verdict(row.verdict), row.notes,
                          (row.next_problem_1, row.next_problem_2))


def review_to_row(value: DeliveryReview, row: DeliveryReviewRow) -> None:
    row.engagement_id, row.stakeholder_id = value.engagement_id, value.stakeholder_id
    row.held_on, row.verdict, row.notes = value.held_on, value.verdict.value, value.notes
    row.next_problem_1, row.next_problem_2 = value.next_problems


def commitment(row: CommitmentRow) -> Commitment:
    return Commitment(row.id, row.engagement_id, row.step_date, Side(row.side), row.what,
                      row.stakeholder_id, CommitmentKind(row.kind) if row.kind else None,
                      row.team_member_id, StepStatus(row.status))


def commitment_to_row(value: Commitment, row: CommitmentRow) -> None:
    row.engagement_id, row.step_date, row.side = value.engagement_id, value.on, value.side.value
    row.what, row.stakeholder_id = value.what, value.stakeholder_id
    row.kind = value.kind.value if value.kind else None
    row.team_member_id, row.status = value.team_member_id, value.status.value


def metric(row: MetricRow) -> Metric:
    measured = tuple(Measurement.from_json(m) for m in json.loads(row.measurements or "[]"))
    return Metric(row.id, row.engagement_id, row.name, row.target, row.unit,
                  Direction(row.direction), measured, row.position)


def metric_to_row(value: Metric, row: MetricRow) -> None:
    row.engagement_id, row.name, row.unit = value.engagement_id, value.name, value.unit
    row.target, row.direction = value.target, value.direction.value
    row.measurements = _json(m.to_json() for m in value.measurements)
    row.position = value.position


def meeting(row: ReviewMeetingRow) -> ReviewMeeting:
    return ReviewMeeting(row.id, row.account_id, row.held_on, _ids(row.our_attendees),
                         _ids(row.client_attendees), row.notes, _ids(row.metrics_reviewed),
                         row.our_ceo_present)


def meeting_to_row(value: ReviewMeeting, row: ReviewMeetingRow) -> None:
    row.account_id, row.held_on, row.notes = value.account_id, value.held_on, value.notes
    row.our_attendees, row.client_attendees = _json(value.our_attendees), \
        _json(value.client_attendees)
    row.metrics_reviewed, row.our_ceo_present = _json(value.metrics_reviewed), \
        value.our_ceo_present


def competitor(row: CompetitorRow) -> Competitor:
    return Competitor(row.id, row.account_id, row.name, row.pitch, row.pitched_to,
                      row.last_seen, row.notes, row.our_answer, row.product_request)


def competitor_to_row(value: Competitor, row: CompetitorRow) -> None:
    row.account_id, row.name, row.pitch = value.account_id, value.name, value.pitch
    row.pitched_to, row.last_seen, row.notes = value.pitched_to, value.last_seen, value.notes
    row.our_answer, row.product_request = value.our_answer, value.product_request


@dataclass(frozen=True)
class RowMapping:
    """How one kind of lifecycle value is stored: its table, parent column and order."""

    row: type[Base]
    parent: str  # the column naming the account or engagement it belongs to
    order: tuple[str, ...]
    to_value: Callable[[Any], Any]
    to_row: Callable[[Any, Any], None]


MAPPINGS: dict[type, RowMapping] = {
    StageChange: RowMapping(StageChangeRow, "account_id", ("changed_on", "position"),
                            stage_change, stage_change_to_row),
    Engagement: RowMapping(EngagementRow, "account_id", ("start_date", "created_at"),
                           engagement, engagement_to_row),
    SuccessCriterion: RowMapping(SuccessCriterionRow, "engagement_id", ("position",),
                                 criterion, criterion_to_row),
    DeliveryReview: RowMapping(DeliveryReviewRow, "engagement_id", ("held_on",),
                               review, review_to_row),
    Commitment: RowMapping(CommitmentRow, "engagement_id", ("step_date", "position"),
                           commitment, commitment_to_row),
    Metric: RowMapping(MetricRow, "engagement_id", ("position",), metric, metric_to_row),
    ReviewMeeting: RowMapping(ReviewMeetingRow, "account_id", ("held_on",),
                              meeting, meeting_to_row),
    Competitor: RowMapping(CompetitorRow, "account_id", ("name",), competitor,
                           competitor_to_row),
}
