"""Dialogs for a step of the commitment log, a metric, and a measured value."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QWidget

from contactmap_desktop.domain.commitments import Commitment, CommitmentKind, Side, StepStatus
from contactmap_desktop.domain.metrics import Direction, Measurement, Metric
from contactmap_desktop.domain.model import new_id
from contactmap_desktop.ui.lifecycle.commands import LifecycleCommand, SaveCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext
from contactmap_desktop.ui.lifecycle.form_widgets import (
    FormDialog,
    choice_combo,
    date_edit,
)


def _number_box(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-1e12, 1e12)
    box.setDecimals(2)
    box.setValue(value)
    return box


class CommitmentDialog(FormDialog):
    """A commitment by a client stakeholder (Time, Data, Money) or a step of ours."""

    def __init__(self, context: LifecycleContext, engagement_id: str,
                 step: Commitment | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "Commitment log entry", parent)
        self._before = step
        stakeholders, team = context.people()
        self._template = step or Commitment(new_id(), engagement_id, context.lifecycle.today(),
                                            Side.CLIENT, "")
        value = self._template
        self.on = date_edit(value.on)
        self.side = choice_combo(((s.label, s) for s in Side), value.side)
        self.side.setObjectName("stepSide")
        self.stakeholder = choice_combo(((n, i) for i, n in stakeholders.items()),
                                        value.stakeholder_id)
        self.kind = choice_combo(((k.label, k) for k in CommitmentKind), value.kind)
        self.team_member = choice_combo((("—", None), *((n, i) for i, n in team.items())),
                                        value.team_member_id)
        self.what = QLineEdit(value.what)
        self.what.setObjectName("stepWhat")
        self.status = choice_combo(((s.label, s) for s in StepStatus), value.status)
        for label, widget in (("Date", self.on), ("Whose step", self.side),
                              ("Stakeholder", self.stakeholder), ("Commits", self.kind),
                              ("Our team member", self.team_member), ("What", self.what),
                              ("Status", self.status)):
            self.form.addRow(label, widget)
        self.side.currentIndexChanged.connect(self._side_changed)
        self._side_changed()

    def _side_changed(self) -> None:
        client = self.side.currentData() is Side.CLIENT
        self.stakeholder.setEnabled(client)
        self.kind.setEnabled(client)
        self.team_member.setEnabled(not client)

    def build_command(self) -> LifecycleCommand:
        client = self.side.currentData() is Side.CLIENT
        after = replace(
            self._template, on=self.on.date(), side=self.side.currentData(),
            what=self.what.text(), status=self.status.currentData(),
            stakeholder_id=self.stakeholder.currentData() if client else None,
            kind=self.kind.currentData() if client else None,
            team_member_id=None if client else self.team_member.currentData(),
        )
        return SaveCommand(self.context, "Commitment log entry", after, self._before)


class MetricDialog(FormDialog):
    def __init__(self, context: LifecycleContext, engagement_id: str,
                 metric: Metric | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "Performance metric", parent)
        self._before = metric
        self._template = metric or Metric(new_id(), engagement_id, "", 0.0)
        self.name = QLineEdit(self._template.name)
        self.name.setObjectName("metricName")
        self.direction = choice_combo(((f"Target is {d.label}", d) for d in Direction),
                                      self._template.direction)
        self.target = _number_box(self._template.target)
        self.target.setObjectName("metricTarget")
        self.unit = QLineEdit(self._template.unit)
        self.unit.setPlaceholderText("%, days, hours…")
        for label, widget in (("Name", self.name), ("Direction", self.direction),
                              ("Target", self.target), ("Unit", self.unit)):
            self.form.addRow(label, widget)

    def build_command(self) -> LifecycleCommand:
        after = replace(self._template, name=self.name.text(), target=self.target.value(),
                        unit=self.unit.text(), direction=self.direction.currentData())
        return SaveCommand(self.context, "Performance metric", after, self._before)


class MeasurementDialog(FormDialog):
    """A value measured on a day; a second value on the same day replaces the first."""

    def __init__(self, context: LifecycleContext, metric: Metric,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, f"Measure “{metric.name}”", parent)
        self._metric = metric
        self.on = date_edit(context.lifecycle.today())
        latest = metric.latest
        self.value = _number_box(latest.value if latest else metric.target)
        self.value.setObjectName("measuredValue")
        self.form.addRow("Date", self.on)
        self.form.addRow(f"Value ({metric.unit})" if metric.unit else "Value", self.value)

    def build_command(self) -> LifecycleCommand:
        after = self._metric.with_measurement(Measurement(self.on.date(),
                                                          self.value.value()))
        return SaveCommand(self.context, f"Measure {self._metric.name}", after, self._metric)
