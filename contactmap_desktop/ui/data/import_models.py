"""Table models of the import dialog: the column mapping, and the preview of the first rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.import_plan import Action, PlannedRow, PlanPreview
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.services.csv_import import ImportSource

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
PREVIEW_ROWS = 200


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its header, a sample value and the field chosen."""

    HEADER, SAMPLE, FIELD = range(3)
    mapping_changed = Signal()

    def __init__(self, source: ImportSource, fields: tuple[ImportField, ...]) -> None:
        super().__init__()
        self._source = source
        self._fields = list(fields)
        self._samples = [self._sample(i) for i in range(len(source.headers))]

    def _sample(self, column: int) -> str:
        for record in self._source.table.records[:50]:
            if column < len(record.cells) and record.cells[column].strip():
                return " ".join(record.cells[column].split())[:60]
        return ""

    @property
    def fields(self) -> tuple[ImportField, ...]:
        return tuple(self._fields)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return ("Column in the file", "First value", "Imported as")[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            if column == self.HEADER:
                return self._source.headers[row] or f"(column {row + 1})"
            if column == self.SAMPLE:
                return self._samples[row]
            return self._fields[row].label
        if role == _EDIT and column == self.FIELD:
            return self._fields[row].value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.FIELD else base

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or index.column() != self.FIELD:
            return False
        try:
            field = ImportField(value)
        except ValueError:
            return False
        if field is self._fields[index.row()]:
            return False
        self._fields[index.row()] = field
        self.dataChanged.emit(index, index, [_DISPLAY, _EDIT])
        self.mapping_changed.emit()
        return True


class PreviewModel(QAbstractTableModel):
    """The first rows as they will be imported; seniority can be changed per row."""

    COLUMNS = ("Line", "Action", "Name", "Title", "Company", "Email", "Seniority", "Why")
    SENIORITY = 6
    seniority_edited = Signal(int, object)  # line, Seniority

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PlannedRow] = []

    def set_plan(self, plan: PlanPreview | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.first_rows[:PREVIEW_ROWS]) if plan else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == _EDIT and index.column() == self.SENIORITY and row.candidate:
            return row.candidate.seniority.value
        if role != _DISPLAY:
            return None
        candidate = row.candidate
        values = [
            str(row.line), row.action.value.capitalize(),
            candidate.name if candidate else "", candidate.title if candidate else "",
            candidate.company if candidate else "", candidate.email if candidate else "",
            candidate.seniority.label if candidate else "", row.reason,
        ]
        return values[index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.SENIORITY:
            row = self._rows[index.row()]
            if row.candidate is not None and row.action is not Action.SKIP:
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or index.column() != self.SENIORITY:
            return False
        row = self._rows[index.row()]
        try:
            seniority = Seniority(value)
        except ValueError:
            return False
        if row.candidate is None:
            return False
        self.seniority_edited.emit(row.line, seniority)
        return True
