"""Small input widgets the lifecycle dialogs share: an optional date, a checkable list of
people, a combo over an enum, and the dialog frame that shows a refused edit in place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.form_focus import start_on_first_field
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.core.roles import ChoiceRole
from contactmap_desktop.ui.lifecycle.commands import LifecycleCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext


def date_edit(value: date) -> DateField:
    return DateField(value)


class OptionalDateEdit(QWidget):
    """A date that may be left out: a check box turns the date on."""

    def __init__(self, value: date | None, fallback: date, label: str = "Set") -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.edit = date_edit(value or fallback)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date() if self.enabled.isChecked() else None


class ChecklistView(QListView):
    """People (or metrics) to tick, by id, in the order given."""

    def __init__(self, choices: Mapping[str, str], checked: Iterable[str] = ()) -> None:
        super().__init__()
        self.choices = QStandardItemModel(self)
        ticked = set(checked)
        for key, name in choices.items():
            item = QStandardItem(name)
            item.setData(key, ChoiceRole.KEY)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if key in ticked
                               else Qt.CheckState.Unchecked)
            self.choices.appendRow(item)
        self.setModel(self.choices)
        self.setMaximumHeight(120)

    def checked(self) -> tuple[str, ...]:
        return tuple(
            str(self.choices.item(row).data(ChoiceRole.KEY))
            for row in range(self.choices.rowCount())
            if self.choices.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, key: str, on: bool = True) -> None:
        for row in range(self.choices.rowCount()):
            item = self.choices.item(row)
            if item.data(ChoiceRole.KEY) == key:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def choice_combo(choices: Iterable[tuple[str, Any]], current: Any = None) -> QComboBox:
    """A combo of (label, value); ``current`` selected when given."""
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
        if value == current:
            combo.setCurrentIndex(combo.count() - 1)
    return combo


class FormDialog(QDialog):
    """A form whose OK runs one undoable edit; a refused edit is shown above the buttons and
    the dialog stays open with what was typed."""

    def __init__(self, context: LifecycleContext, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.command: LifecycleCommand | None = None
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = plain_label(QLabel())
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b8401f;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._fields_chained = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fields_chained:  # the subclass has filled the form by now
            self._fields_chained = True
            start_on_first_field(self.form, self.buttons)

    def build_command(self) -> LifecycleCommand:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            command = self.build_command()
            self.context.run_or_raise(command)
        except ContactMapError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.command = command
        super().accept()
