"""A read-only table model over a list of plain values, described by its columns.

Each lifecycle list (engagements, steps, metrics, meetings, agenda…) is one of these with its
own columns, so the adapters stay small and are all checked by the same model tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import RecordRole

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex

FLAG_COLOR = "#b8401f"


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    # A warning about the row in this column: shown bold in the warning color, with the
    # reason as tooltip (so it never relies on color alone: the text says it too).
    flag: Callable[[T], str | None] | None = None
    align_right: bool = False
    tip: Callable[[T], str] | None = None  # the whole text, when the cell shows a summary


class RecordModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], key: Callable[[T], str]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._key = key
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T:
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        """The row of the record with this id, or -1."""
        return next((r for r, v in enumerate(self._records) if self._key(v) == record_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records) \
                or not 0 <= index.column() < len(self._columns):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RecordRole.RECORD:
            return record
        if role == RecordRole.ID:
            return self._key(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flag = column.flag(record) if column.flag is not None else None
        if role == RecordRole.FLAGGED:
            return flag is not None
        if flag is None:
            if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
                return as_typed(column.tip(record))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_typed(flag)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(FLAG_COLOR))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
