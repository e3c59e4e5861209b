"""Dialogs for an engagement, one of its success criteria, and a post-delivery review."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementKind,
    EngagementStatus,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import MAX_AMOUNT, new_id
from contactmap_desktop.ui.lifecycle.commands import LifecycleCommand, SaveCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.form_widgets import (
    ChecklistView,
    FormDialog,
    OptionalDateEdit,
    choice_combo,
    date_edit,
)


class EngagementDialog(FormDialog):
    def __init__(self, context: LifecycleContext, account_id: str,
                 engagement: Engagement | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "Edit engagement" if engagement else "New engagement", parent)
        self._before = engagement
        today = context.lifecycle.today()
        value = engagement or Engagement(new_id(), account_id, "", start=today)
        self.name = QLineEdit(value.name)
        self.name.setObjectName("engagementName")
        self.kind = choice_combo(((k.label, k) for k in EngagementKind), value.kind)
        self.status = choice_combo(((s.label, s) for s in EngagementStatus), value.status)
        self.value = QSpinBox()
        self.value.setRange(0, MAX_AMOUNT)
        self.value.setSingleStep(1000)
        self.value.setGroupSeparatorShown(True)
        self.value.setValue(value.value)
        self.start = OptionalDateEdit(value.start, today)
        self.end = OptionalDateEdit(value.end, today)
        self.notes = QPlainTextEdit(value.notes)
        self.notes.setMaximumHeight(90)
        self._template = value
        for label, widget in (("Name", self.name), ("Kind", self.kind), ("Status", self.status),
                              ("Value", self.value), ("Start", self.start), ("End", self.end),
                              ("Notes", self.notes)):
            self.form.addRow(label, widget)

    def build_command(self) -> LifecycleCommand:
        after = replace(self._template, name=self.name.text(), kind=self.kind.currentData(),
                        status=self.status.currentData(), value=self.value.value(),
                        start=self.start.value(), end=self.end.value(),
                        notes=self.notes.toPlainText())
        text = f"Edit engagement {after.name}" if self._before else f"New engagement {after.name}"
        return SaveCommand(self.context, text, after, self._before)


class CriterionDialog(FormDialog):
    def __init__(self, context: LifecycleContext, engagement_id: str,
                 criterion: SuccessCriterion | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "Success criterion", parent)
        self._before = criterion
        self._template = criterion or SuccessCriterion(new_id(), engagement_id, "")
        stakeholders, _team = context.people()
        self.text = QPlainTextEdit(self._template.text)
        self.text.setObjectName("criterionText")
        self.text.setMaximumHeight(80)
        self.agreed_by = ChecklistView(stakeholders, self._template.agreed_by)
        self.form.addRow("Criterion", self.text)
        self.form.addRow("Agreed by", self.agreed_by)

    def build_command(self) -> LifecycleCommand:
        after = replace(self._template, text=self.text.toPlainText(),
                        agreed_by=self.agreed_by.checked())
        return SaveCommand(self.context, "Success criterion", after, self._before)


class ReviewDialog(FormDialog):
    """After delivery: did we meet the criteria, and the stakeholder's next two problems."""

    def __init__(self, context: LifecycleContext, engagement_id: str,
                 review: DeliveryReview | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "Post-delivery review", parent)
        self._before = review
        stakeholders, _team = context.people()
        today = context.lifecycle.today()
        self._template = review or DeliveryReview(new_id(), engagement_id, "", today,
                                                  Verdict.MET)
        self.stakeholder = choice_combo(((n, i) for i, n in stakeholders.items()),
                                        self._template.stakeholder_id)
        self.stakeholder.setObjectName("reviewStakeholder")
        self.held_on = date_edit(self._template.held_on)
        self.verdict = choice_combo(((v.label, v) for v in Verdict), self._template.verdict)
        self.verdict.setObjectName("reviewVerdict")
        self.notes = QPlainTextEdit(self._template.notes)
        self.notes.setMaximumHeight(70)
        self.problems = [QLineEdit(p) for p in self._template.next_problems]
        for number, edit in enumerate(self.problems, start=1):
            edit.setObjectName(f"nextProblem{number}")
            edit.setPlaceholderText("In the stakeholder's own words")
        self.form.addRow("Stakeholder", self.stakeholder)
        self.form.addRow("Date", self.held_on)
        self.form.addRow("Criteria met?", self.verdict)
        self.form.addRow("Notes", self.notes)
        self.form.addRow("Next problem 1", self.problems[0])
        self.form.addRow("Next problem 2", self.problems[1])

    def build_command(self) -> LifecycleCommand:
        stakeholder = self.stakeholder.currentData()
        if not stakeholder:
            raise ValidationError("Choose the stakeholder whose answers these are.")
        after = replace(self._template, stakeholder_id=stakeholder,
                        held_on=self.held_on.date(),
                        verdict=self.verdict.currentData(), notes=self.notes.toPlainText(),
                        next_problems=(self.problems[0].text(), self.problems[1].text()))
        return SaveCommand(self.context, "Post-delivery review", after, self._before)
