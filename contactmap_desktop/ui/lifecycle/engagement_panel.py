"""The selected engagement's pages: criteria and post-delivery reviews, the commitment log,
and the metrics with their chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from contactmap_desktop.domain.commitments import Commitment, Side
from contactmap_desktop.domain.engagements import DeliveryReview, SuccessCriterion
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.services.agenda_service import EngagementState
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.lifecycle import columns
from contactmap_desktop.ui.lifecycle.commands import DeleteCommand, StartEngagementCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.engagement_dialogs import CriterionDialog, ReviewDialog
from contactmap_desktop.ui.lifecycle.form_widgets import FormDialog
from contactmap_desktop.ui.lifecycle.list_section import ListSection
from contactmap_desktop.ui.lifecycle.metric_chart import MetricChart
from contactmap_desktop.ui.lifecycle.not_delivering_dialog import may_start_engagement
from contactmap_desktop.ui.lifecycle.record_model import RecordModel
from contactmap_desktop.ui.lifecycle.step_dialogs import (
    CommitmentDialog,
    MeasurementDialog,
    MetricDialog,
)


def _key(value: SuccessCriterion | DeliveryReview | Commitment | Metric) -> str:
    return value.id


class EngagementPanel(QTabWidget):
    def __init__(self, context: LifecycleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engagementPanel")
        self._context = context
        self.engagement_id: str | None = None
        self.people: dict[str, str] = {}
        self.team: dict[str, str] = {}
        self.dialog: FormDialog | None = None  # the open dialog, for tests and screenshots

        self.criteria = ListSection("Success criteria", RecordModel(
            columns.criterion_columns(self.people), _key), "criteria")
        self.criteria.set_standard_actions(
            lambda: self._open(CriterionDialog(context, self._engagement(), None, self)),
            lambda c: self._open(CriterionDialog(context, c.engagement_id, c, self)),
            lambda c: self._delete(SuccessCriterion, c.id, "Delete success criterion"))
        self.reviews = ListSection("Post-delivery reviews: criteria met? next two problems?",
                                   RecordModel(columns.review_columns(self.people), _key),
                                   "reviews")
        self.reviews.set_standard_actions(
            lambda: self._open(ReviewDialog(context, self._engagement(), None, self)),
            lambda r: self._open(ReviewDialog(context, r.engagement_id, r, self)),
            lambda r: self._delete(DeliveryReview, r.id, "Delete review"))
        for index in (0, 1):
            self._add_start_button(index)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(self.criteria)
        page.addWidget(self.reviews)
        self.addTab(page, "Criteria && reviews")

        self.steps = ListSection("Commitment log", RecordModel(
            columns.commitment_columns(self.people, self.team), _key), "steps")
        self.steps.set_standard_actions(
            lambda: self._open(CommitmentDialog(context, self._engagement(), None, self)),
            lambda s: self._open(CommitmentDialog(context, s.engagement_id, s, self)),
            lambda s: self._delete(Commitment, s.id, "Delete log entry"))
        self.momentum = plain_label(QLabel())
        self.momentum.setObjectName("momentum")
        self.momentum.setWordWrap(True)
        steps_page = QWidget()
        steps_layout = QVBoxLayout(steps_page)
        steps_layout.addWidget(self.momentum)
        steps_layout.addWidget(self.steps, 1)
        self.addTab(steps_page, "Commitments")

        self.metrics = ListSection("Performance metrics", RecordModel(
            columns.metric_columns(), _key), "metrics")
        self.metrics.set_standard_actions(
            lambda: self._open(MetricDialog(context, self._engagement(), None, self)),
            lambda m: self._open(MetricDialog(context, m.engagement_id, m, self)),
            lambda m: self._delete(Metric, m.id, f"Delete metric {m.name}"))
        self.metrics.add_record_button(
            "Record value…", lambda m: self._open(MeasurementDialog(context, m, self)),
            name="recordValue")
        self.chart = MetricChart()
        self.metrics.selection_changed.connect(lambda: self.chart.set_metric(
            self.metrics.current()))
        metrics_page = QSplitter(Qt.Orientation.Vertical)
        metrics_page.addWidget(self.metrics)
        metrics_page.addWidget(self.chart)
        self.addTab(metrics_page, "Metrics")
        self.setEnabled(False)

    def set_engagement(self, state: EngagementState | None, people: dict[str, str],
                       team: dict[str, str]) -> None:
        """Show an engagement's parts (None: nothing selected); selections kept by id. The
        log and metrics come with the state; criteria and reviews are read here."""
        self.engagement_id = state.engagement.id if state else None
        self.people.clear()
        self.people.update(people)
        self.team.clear()
        self.team.update(team)
        self.setEnabled(state is not None)
        service = self._context.lifecycle
        for section, kind in ((self.criteria, SuccessCriterion), (self.reviews, DeliveryReview)):
            section.set_records(service.list(kind, state.engagement.id) if state else [])
        self.steps.set_records(state.steps if state else [])
        self.metrics.set_records(state.metrics if state else [])
        self.chart.set_metric(self.metrics.current())
        self.momentum.setText(_momentum_text(state))

    def _add_start_button(self, index: int) -> None:
        def start(review: DeliveryReview) -> None:
            self._start_from(review, index)

        self.reviews.add_record_button(f"New engagement from problem {index + 1}", start,
                                       name=f"startFromProblem{index + 1}")

    def _engagement(self) -> str:
        assert self.engagement_id is not None
        return self.engagement_id

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _delete(self, kind: type, value_id: str, text: str) -> None:
        self._context.run(DeleteCommand(self._context, text, kind, value_id))

    def _start_from(self, review: DeliveryReview, index: int) -> None:
        if not may_start_engagement(self._context, self):
            return
        command = StartEngagementCommand(self._context, review.id, index)
        if self._context.run(command) and command.engagement is not None:
            self._context.engagement_started.emit(command.engagement.id)


def _momentum_text(state: EngagementState | None) -> str:
    if state is None or not state.steps:
        return "No steps logged yet. At each step, look for the client to commit Time, " \
               "Data or Money."
    moment = state.momentum
    last = moment.last_client_commitment
    parts = [f"Last client commitment: {date_text(last.on)}, "
             f"{last.kind.label if last.kind else ''} — {last.what}." if last
             else "The client has not committed anything yet."]
    if moment.next_step_on is not None:
        parts.append("The next step is on the client." if moment.next_step_on is Side.CLIENT
                     else "The next step is on us.")
    if moment.passive:
        parts.append(f"<b style='color:#b8401f'>Passive:</b> the last "
                     f"{moment.ours_in_a_row} steps were ours.")
    return " ".join(parts)
