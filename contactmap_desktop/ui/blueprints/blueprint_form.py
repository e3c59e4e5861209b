"""The fields of one blueprint; every change the user makes becomes a requested new value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintStatus, Strategy, goal_warning
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.reference import Reference
from contactmap_desktop.ui.blueprints.text_field import CommittingTextEdit
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.plain_text import plain_label

WARNING_STYLE = "color: #7a4a00; background: #fff3d6; border-radius: 3px; padding: 4px;"


def grade_choice(grade: Grade) -> str:
    return f"{grade.letter} — {grade.label}"


class BlueprintForm(QWidget):
    """Shows a blueprint; ``change_requested`` carries the edited value and its undo text."""

    change_requested = Signal(object, str)  # Blueprint, undo text
    delete_requested = Signal()

    def __init__(self, reference: Reference, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._blueprint: Blueprint | None = None
        self._current: Grade | None = None
        self._filling = False
        self.goal = QComboBox()
        self.goal.setObjectName("blueprintGoal")
        for grade in GRADES_TOP_DOWN:
            self.goal.addItem(grade_choice(grade), grade)
        self.goal.activated.connect(self._goal_picked)
        items = self.goal.model()
        assert isinstance(items, QStandardItemModel)
        self._goal_items = items
        self.warning = plain_label(QLabel())
        self.warning.setObjectName("blueprintGoalWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.strategies: dict[Strategy, QCheckBox] = {}
        strategy_grid = QVBoxLayout()
        strategy_grid.setSpacing(2)
        strategy_grid.setContentsMargins(0, 0, 0, 0)
        for guide in reference.strategies:
            box = QCheckBox(guide.name)
            box.setObjectName(f"strategy_{guide.strategy.value}")
            box.setToolTip(f"{guide.title}: {guide.what_it_is}")
            box.toggled.connect(lambda on, s=guide.strategy: self._strategy_toggled(s, on))
            strategy_grid.addWidget(box)
            self.strategies[guide.strategy] = box
        self.cells_box = QVBoxLayout()
        self.cells_box.setContentsMargins(0, 0, 0, 0)
        self._cell_boxes: dict[CellRef, QCheckBox] = {}
        self.tactics = self._text("blueprintTactics", "tactics", "Tactics")
        self.messages = self._text("blueprintMessages", "messages", "Core messages")
        self.resources = self._text("blueprintResources", "resources", "People and resources")
        self.notes = self._text("blueprintNotes", "notes", "Notes")
        self.closed_reason = self._text("blueprintClosedReason", "closed_reason", "Why closed")
        # Asked when a plan is dropped without a reason; None when the user cancels.
        self.ask_reason: Callable[[], str | None] = self._ask_reason
        self.owner = QComboBox()
        self.owner.setObjectName("blueprintOwner")
        self.owner.activated.connect(self._owner_picked)
        self.has_due = QCheckBox("Due by")
        self.has_due.setObjectName("blueprintHasDue")
        self.has_due.toggled.connect(self._due_toggled)
        self.due = DateField()
        self.due.setObjectName("blueprintDue")
        self.due.date_edited.connect(self._due_edited)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.status = QComboBox()
        self.status.setObjectName("blueprintStatus")
        for status in BlueprintStatus:
            self.status.addItem(status.label, status)
        self.status.activated.connect(self._status_picked)
        self.delete = QPushButton("Delete blueprint")
        self.delete.setObjectName("blueprintDelete")
        self.delete.clicked.connect(self.delete_requested)
        # The warning sits between two forms: a word-wrapped label inside a form layout gets
        # the height of its narrowest layout, leaving a tall empty box.
        labels = ["Goal", "Strategies", "Works on", "Tactics", "Core messages",
                  "People and\nresources", "Owner", "Due", "Status", "Why closed", "Notes"]
        width = max(self.fontMetrics().horizontalAdvance(line)
                    for label in labels for line in label.split("\n")) + 12
        top, rest = self._form(), self._form()
        top.addRow(self._label("Goal", width), self.goal)
        rest.addRow(self._label("Strategies", width), strategy_grid)
        rest.addRow(self._label("Works on", width), self.cells_box)
        rest.addRow(self._label("Tactics", width), self.tactics)
        rest.addRow(self._label("Core messages", width), self.messages)
        rest.addRow(self._label("People and\nresources", width), self.resources)
        rest.addRow(self._label("Owner", width), self.owner)
        rest.addRow(self._label("Due", width), due_row)
        rest.addRow(self._label("Status", width), self.status)
        rest.addRow(self._label("Why closed", width), self.closed_reason)
        rest.addRow(self._label("Notes", width), self.notes)
        rest.addRow("", self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addLayout(rest)
        layout.addStretch(1)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        return form

    @staticmethod
    def _label(text: str, width: int) -> QLabel:
        label = QLabel(text)
        label.setMinimumWidth(width)
        return label

    def _text(self, name: str, field: str, label: str) -> CommittingTextEdit:
        edit = CommittingTextEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 10)
        edit.committed.connect(lambda text: self._request(label, **{field: text}))
        return edit

    # --- showing -------------------------------------------------------------------------

    @property
    def blueprint(self) -> Blueprint | None:
        return self._blueprint

    def show_blueprint(self, blueprint: Blueprint, contact_map: ContactMap) -> None:
        self._filling = True
        try:
            self._blueprint = blueprint
            self._current = contact_map.grade(blueprint.main_cell)
            for row in range(self.goal.count()):  # a plan keeps or raises a relationship
                grade = self.goal.itemData(row)
                item = self._goal_items.item(row)
                item.setEnabled(self._current is None or grade.level >= self._current.level)
                item.setToolTip("" if item.isEnabled() else
                                "Below the current grade: a blueprint keeps or improves a "
                                "relationship.")
            self.goal.setCurrentIndex(self.goal.findData(blueprint.goal))
            self._show_warning()
            for strategy, box in self.strategies.items():
                box.setChecked(strategy in blueprint.strategies)
            self._show_cells(blueprint, contact_map)
            self.tactics.show_text(blueprint.tactics)
            self.messages.show_text(blueprint.messages)
            self.resources.show_text(blueprint.resources)
            self.notes.show_text(blueprint.notes)
            self.closed_reason.show_text(blueprint.closed_reason)
            self.owner.clear()
            self.owner.addItem("No owner", None)
            for member in contact_map.team_members:
                self.owner.addItem(member.name, member.id)
            self.owner.setCurrentIndex(max(0, self.owner.findData(blueprint.owner_id)))
            self.has_due.setChecked(blueprint.due is not None)
            self.due.setEnabled(blueprint.due is not None)
            self.due.setDate(blueprint.due or self._today())
            self.status.setCurrentIndex(self.status.findData(blueprint.status))
        finally:
            self._filling = False

    def _show_warning(self) -> None:
        assert self._blueprint is not None
        warning = goal_warning(self._current, self._blueprint.goal)
        self.warning.setText(warning or "")
        self.warning.setVisible(warning is not None)

    def _show_cells(self, blueprint: Blueprint, contact_map: ContactMap) -> None:
        """One box per team member; rebuilt only when the team itself changed."""
        cells = [CellRef(m.id, blueprint.stakeholder_id) for m in contact_map.team_members]
        if cells != list(self._cell_boxes):
            for box in self._cell_boxes.values():
                self.cells_box.removeWidget(box)
                box.deleteLater()
            self._cell_boxes = {}
            for cell in cells:
                box = QCheckBox()
                box.toggled.connect(lambda on, c=cell: self._cell_toggled(c, on))
                self.cells_box.addWidget(box)
                self._cell_boxes[cell] = box
        for member, (cell, box) in zip(contact_map.team_members, self._cell_boxes.items(),
                                       strict=True):
            grade = contact_map.grade(cell)
            box.setText(f"{member.name} ({grade.label if grade else 'blank'})")
            box.setChecked(cell in blueprint.cells)
            box.setEnabled(cell != blueprint.main_cell)

    # --- edits ---------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save a text field still being typed in (before the panel shows another cell)."""
        for edit in (self.tactics, self.messages, self.resources, self.notes,
                     self.closed_reason):
            edit.commit()

    def _request(self, what: str, **changes: Any) -> None:
        if self._filling or self._blueprint is None:
            return
        self.change_requested.emit(replace(self._blueprint, **changes), f"Edit {what.lower()}")

    def _goal_picked(self, index: int) -> None:
        goal = self.goal.itemData(index)
        assert self._blueprint is not None
        if goal is not self._blueprint.goal:
            self._request("goal", goal=goal)

    def _strategy_toggled(self, strategy: Strategy, on: bool) -> None:
        if self._filling or self._blueprint is None:
            return
        chosen = self._blueprint.strategies
        strategies = (*chosen, strategy) if on else tuple(s for s in chosen if s is not strategy)
        verb = "Add" if on else "Remove"
        self.change_requested.emit(replace(self._blueprint, strategies=strategies),
                                   f"{verb} strategy “{strategy.label}”")

    def _cell_toggled(self, cell: CellRef, on: bool) -> None:
        if self._filling or self._blueprint is None:
            return
        cells = self._blueprint.cells
        new = (*cells, cell) if on else tuple(c for c in cells if c != cell)
        self._request("relationships", cells=new)

    def _owner_picked(self, index: int) -> None:
        owner = self.owner.itemData(index)
        if self._blueprint is not None and owner != self._blueprint.owner_id:
            self._request("owner", owner_id=owner)

    def _status_picked(self, index: int) -> None:
        status = self.status.itemData(index)
        if self._blueprint is None or status is self._blueprint.status:
            return
        reason = self._blueprint.closed_reason
        if status is BlueprintStatus.DROPPED and not reason.strip():
            asked = self.ask_reason()  # a plan closed short of its goal says why
            if not asked or not asked.strip():
                self.status.setCurrentIndex(self.status.findData(self._blueprint.status))
                return
            reason = asked
        self._request("status", status=status, closed_reason=reason)

    def _ask_reason(self) -> str | None:
        text, ok = QInputDialog.getText(self, "Drop the Plan",
                                        "Why does this plan stop short of its goal?")
        return text if ok else None

    def _due_toggled(self, on: bool) -> None:
        self.due.setEnabled(on)
        if not self._filling:
            self._request("due date", due=self.due.date() if on else None)

    def _due_edited(self, due: date) -> None:
        if self._blueprint is None or not self.has_due.isChecked():
            return
        if due < self._today() and due != self._blueprint.due:
            # Said beside the field, where the date was typed; the saved date stays.
            self.due.show_problem(f"{date_text(due)} is already past: choose today or a "
                                  "later day.")
            return
        if due != self._blueprint.due:
            self._request("due date", due=due)





