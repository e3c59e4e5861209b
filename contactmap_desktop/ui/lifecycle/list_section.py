"""A titled list with Add, Edit and Delete buttons: the building block of the lifecycle pages.

The owner says what the buttons do; the section keeps the selection across reloads by id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.ui.core.flow_layout import FlowLayout
from contactmap_desktop.ui.core.roles import RecordRole
from contactmap_desktop.ui.lifecycle.record_model import RecordModel

Action = Callable[[Any], None]


class ListSection(QWidget):
    selection_changed = Signal()

    def __init__(self, title: str, model: RecordModel[Any], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.view = QTableView()
        self.view.setObjectName(f"{name}View")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.buttons = FlowLayout()  # wraps in a narrow window rather than widen it
        layout.addLayout(self.buttons)
        self._needs_selection: list[QPushButton] = []
        self._edit: Action | None = None
        self._reloading = False
        # The current row is the record acted on, as soon as it is current: Tab into the
        # list makes a row current without selecting it, Ctrl+click unselects it.
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.doubleClicked.connect(self._double_clicked)

    def add_button(self, text: str, action: Callable[[], None], name: str = "") -> QPushButton:
        button = self._button(text, name)
        button.clicked.connect(lambda: action())
        return button

    def add_record_button(self, text: str, action: Action, name: str = "") -> QPushButton:
        """A button that acts on the selected record; disabled while nothing is selected."""
        button = self._button(text, name)
        self._needs_selection.append(button)
        button.setEnabled(self.current() is not None)
        button.clicked.connect(lambda: self._with_current(action))
        return button

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name or f"{self.objectName()}{text.strip('…').replace(' ', '')}")
        self.buttons.addWidget(button)
        return button

    def set_standard_actions(self, add: Callable[[], None], edit: Action,
                             delete: Action) -> None:
        self._edit = edit
        self.add_button("Add…", add)
        self.add_record_button("Edit…", edit)
        self.add_record_button("Delete", delete)

    def set_records(self, records: Sequence[Any]) -> None:
        """Show new records, keeping the selected one (by id) if it is still there; the
        selection signal fires only if the selection really changed."""
        selected = self.current_id()
        self._reloading = True
        try:
            self.model.set_records(records)
            self.select_id(selected)
        finally:
            self._reloading = False
        self._selection_changed()
        if self.current_id() == selected:
            return
        self.selection_changed.emit()

    def current(self) -> Any | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.siblingAtColumn(0).data(RecordRole.ID)) if index.isValid() else None

    def select_id(self, record_id: str | None) -> None:
        row = self.model.row_of(record_id) if record_id else -1
        if row < 0:
            self.view.selectionModel().clear()  # no current row either
        else:
            self.view.selectRow(row)

    def _with_current(self, action: Action) -> None:
        record = self.current()
        if record is not None:
            action(record)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self._edit is not None and index.isValid():
            self._edit(self.model.record(index.row()))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.view.selectionModel().isRowSelected(current.row()):
            self.view.selectRow(current.row())  # shows which one it is
        self._selection_changed(current)

    def _selection_changed(self, *_args: object) -> None:
        has = self.current() is not None
        for button in self._needs_selection:
            button.setEnabled(has)
        if not self._reloading and _args:
            self.selection_changed.emit()
