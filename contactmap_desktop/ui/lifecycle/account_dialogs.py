"""Dialogs for the account as a whole: a review meeting, a competitor, a stage change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.engagements import StageChange
from contactmap_desktop.domain.model import AccountStage, new_id
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.ui.lifecycle.commands import (
    LifecycleCommand,
    RecordStageCommand,
    SaveCommand,
)
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.form_widgets import (
    ChecklistView,
    FormDialog,
    OptionalDateEdit,
    choice_combo,
    date_edit,
)


class MeetingDialog(FormDialog):
    """A business review: who came from both sides, the metrics looked at, notes."""

    def __init__(self, context: LifecycleContext, account_id: str,
                 metric_names: Mapping[str, str], meeting: ReviewMeeting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "Review meeting", parent)
        self._before = meeting
        stakeholders, team = context.people()
        self._template = meeting or ReviewMeeting(new_id(), account_id,
                                                  context.lifecycle.today())
        value = self._template
        self.held_on = date_edit(value.held_on)
        self.ours = ChecklistView(team, value.our_attendees)
        self.ours.setObjectName("ourAttendees")
        self.theirs = ChecklistView(stakeholders, value.client_attendees)
        self.theirs.setObjectName("clientAttendees")
        self.ceo = QCheckBox("Our CEO took part")
        self.ceo.setChecked(value.our_ceo_present)
        self.metrics = ChecklistView(metric_names, value.metrics_reviewed)
        self.notes = QPlainTextEdit(value.notes)
        self.notes.setMaximumHeight(80)
        # Article 003: these reviews inform — industry trends, how the relationship is going,
        # where to improve — and do not sell.
        purpose = QLabel("A business review informs: industry trends, how things are going "
                         "between us, where we can improve. Listen for new needs, but do not "
                         "sell in it.")
        purpose.setObjectName("reviewPurpose")
        purpose.setWordWrap(True)
        self.form.addRow(purpose)
        for label, widget in (("Date", self.held_on), ("Our side", self.ours),
                              ("", self.ceo), ("Client side", self.theirs),
                              ("Metrics reviewed", self.metrics), ("Notes", self.notes)):
            self.form.addRow(label, widget)

    def build_command(self) -> LifecycleCommand:
        after = replace(self._template, held_on=self.held_on.date(),
                        our_attendees=self.ours.checked(),
                        client_attendees=self.theirs.checked(),
                        our_ceo_present=self.ceo.isChecked(),
                        metrics_reviewed=self.metrics.checked(),
                        notes=self.notes.toPlainText())
        return SaveCommand(self.context, "Review meeting", after, self._before)


class CompetitorDialog(FormDialog):
    def __init__(self, context: LifecycleContext, account_id: str,
                 competitor: Competitor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "Competitor seen at the account", parent)
        self._before = competitor
        today = context.lifecycle.today()
        self._template = competitor or Competitor(new_id(), account_id, "", last_seen=today)
        value = self._template
        self.name = QLineEdit(value.name)
        self.name.setObjectName("competitorName")
        self.pitch = QPlainTextEdit(value.pitch)
        self.pitch.setMaximumHeight(70)
        self.pitched_to = QLineEdit(value.pitched_to)
        self.last_seen = OptionalDateEdit(value.last_seen, today)
        self.notes = QPlainTextEdit(value.notes)
        self.notes.setMaximumHeight(70)
        self.our_answer = QPlainTextEdit(value.our_answer)
        self.our_answer.setObjectName("competitorAnswer")
        self.our_answer.setPlaceholderText("Our similar solution, as we pitch it to them")
        self.our_answer.setMaximumHeight(70)
        self.product_request = QPlainTextEdit(value.product_request)
        self.product_request.setObjectName("competitorProductRequest")
        self.product_request.setPlaceholderText(
            "Without a similar solution: what we asked our product team for")
        self.product_request.setMaximumHeight(70)
        for label, widget in (("Name", self.name), ("What they pitch", self.pitch),
                              ("To whom", self.pitched_to), ("Last seen", self.last_seen),
                              ("Our answer", self.our_answer),
                              ("Asked of our product team", self.product_request),
                              ("Notes", self.notes)):
            self.form.addRow(label, widget)

    def build_command(self) -> LifecycleCommand:
        after = replace(self._template, name=self.name.text(), pitch=self.pitch.toPlainText(),
                        pitched_to=self.pitched_to.text(), last_seen=self.last_seen.value(),
                        notes=self.notes.toPlainText(),
                        our_answer=self.our_answer.toPlainText(),
                        product_request=self.product_request.toPlainText())
        return SaveCommand(self.context, f"Competitor {after.name}", after, self._before)


class StageDialog(FormDialog):
    """The account entered a stage (pilot, contract, renewal, churned…) on a date."""

    def __init__(self, context: LifecycleContext, account_id: str, current: AccountStage,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "Record a stage", parent)
        self._account_id = account_id
        self.stage = choice_combo(((s.label, s) for s in AccountStage), current)
        self.stage.setObjectName("stage")
        self.on = date_edit(context.lifecycle.today())
        self.note = QLineEdit()
        self.note.setObjectName("stageNote")
        self.note.setPlaceholderText("Why (required when the account churned)")
        self.form.addRow("Stage", self.stage)
        self.form.addRow("Since", self.on)
        self.form.addRow("Note", self.note)

    def build_command(self) -> LifecycleCommand:
        return RecordStageCommand(self.context, StageChange(
            new_id(), self._account_id, self.stage.currentData(), self.on.date(),
            self.note.text()))
