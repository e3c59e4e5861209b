"""A table of letter rows edited in place, with buttons to add, remove and reorder rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.ui.letters.row_models import RowsModel


class RowsEditor(QWidget):
    """Delete or Backspace on a cell clears it (a date goes back to "date needed")."""

    def __init__(self, model: RowsModel[Any], noun: str, object_name: str,
                 delegates: dict[int, QStyledItemDelegate] | None = None,
                 fit_columns: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.model = model
        self.table = QTableView()
        self.table.setObjectName(f"{object_name}Table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(150)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in range(model.columnCount()):
            mode = (QHeaderView.ResizeMode.ResizeToContents if column in fit_columns
                    else QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(column, mode)
        self._delegates = delegates or {}  # kept alive as long as the view
        for column, delegate in self._delegates.items():
            delegate.setParent(self.table)
            self.table.setItemDelegateForColumn(column, delegate)
        self.table.installEventFilter(self)

        self.add_button = QPushButton(f"Add {noun}")
        self.remove_button = QPushButton("Remove")
        # Arrows rather than words: the row of buttons fits the form beside the preview.
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(f"Move the {noun} up")
        self.up_button.setAccessibleName(f"Move the {noun} up")
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(f"Move the {noun} down")
        self.down_button.setAccessibleName(f"Move the {noun} down")
        for button, name in ((self.add_button, "add"), (self.remove_button, "remove"),
                             (self.up_button, "up"), (self.down_button, "down")):
            button.setObjectName(f"{object_name}_{name}")
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int, column: int = 0) -> None:
        self.table.setCurrentIndex(self.model.index(row, column))
        self._update_buttons()

    def _add(self) -> None:
        current = self.current_row()
        row = self.model.add_row(current + 1 if current >= 0 else None)
        self.select(row)
        self.table.setFocus()

    def _remove(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.table.currentIndex().column()
        self.model.remove_row(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1), column)
        self._update_buttons()

    def _move(self, offset: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.table.currentIndex().column()
        self.select(self.model.move_row(row, offset), column)

    def _update_buttons(self) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and self.table.state() != QAbstractItemView.State.EditingState:
            index = self.table.currentIndex()
            if index.isValid():
                self.model.setData(index, None)
                return True
        return super().eventFilter(watched, event)
