"""Table model of one cell's grade changes and reviews, newest first: date, change, who,
note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contactmap_desktop.domain.model import GradeChange
from contactmap_desktop.ui.core.dates import date_time_text
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import HistoryRole

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Date", "Change", "By", "Note")


def describe_change(change: GradeChange) -> str:
    if change.is_review:
        assert change.new_grade is not None
        return f"Reviewed: still {change.new_grade.label}"
    old = change.old_grade.label if change.old_grade else "blank"
    new = change.new_grade.label if change.new_grade else "blank"
    moved = abs(change.levels_moved)
    jump = f"  ({moved} levels)" if moved > 1 else ""
    return f"{old} → {new}{jump}"


class GradeHistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._changes: list[GradeChange] = []

    def set_changes(self, changes: list[GradeChange]) -> None:
        self.beginResetModel()  # a different cell: nothing of the old rows carries over
        self._changes = sorted(changes, key=lambda c: c.changed_at, reverse=True)
        self.endResetModel()

    def change_at(self, row: int) -> GradeChange | None:
        return self._changes[row] if 0 <= row < len(self._changes) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        if role == HistoryRole.CHANGE:
            return change
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_typed(self._text(change, index.column()))
        return None

    @staticmethod
    def _text(change: GradeChange, column: int) -> str:
        if column == 0:
            return date_time_text(change.changed_at)
        if column == 1:
            return describe_change(change)
        if column == 2:
            return change.changed_by
        return change.note

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
