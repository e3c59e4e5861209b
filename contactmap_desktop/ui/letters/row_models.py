"""Table models over a letter's rows: the quoted statements and the milestones.

Each model holds a tuple of frozen values; an edit in place, an added, removed or moved row
makes a new tuple and announces it with ``rows_edited``, which the form turns into a letter edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from contactmap_desktop.domain.letters import Milestone, PainStatement
from contactmap_desktop.ui.core.dates import date_text

Row = TypeVar("Row", PainStatement, Milestone)
Index = QModelIndex | QPersistentModelIndex
UNDATED_TEXT = "date needed"
UNDATED_COLOR = QColor("#b8401f")
UNDATED_BACKGROUND = QColor("#fbe9e4")


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Editable rows of one kind; subclasses name the columns and read and write cells."""

    rows_edited = Signal(tuple)
    headers: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()

    def __init__(self, blank: Row) -> None:
        super().__init__()
        self._blank: Row = blank
        self._rows: tuple[Row, ...] = ()

    # -- the rows as values ---------------------------------------------------------------
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def set_rows(self, rows: tuple[Row, ...]) -> None:
        """Show ``rows`` (a letter was opened or an edit undone); announces nothing."""
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def add_row(self, position: int | None = None) -> int:
        row = len(self._rows) if position is None else max(0, min(position, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        rows = list(self._rows)
        rows.insert(row, self._blank)
        self._rows = tuple(rows)
        self.endInsertRows()
        self.rows_edited.emit(self._rows)
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        rows = list(self._rows)
        del rows[row]
        self._rows = tuple(rows)
        self.endRemoveRows()
        self.rows_edited.emit(self._rows)

    def move_row(self, row: int, offset: int) -> int:
        """Move ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + offset
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or offset == 0:
            return row
        # Qt's destination is the row the moved one goes before, counted before the move.
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        rows = list(self._rows)
        rows.insert(target, rows.pop(row))
        self._rows = tuple(rows)
        self.endMoveRows()
        self.rows_edited.emit(self._rows)
        return target

    # -- Qt's table interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(row, self.fields[index.column()])
            return value if isinstance(value, str) else self.shown(row, index.column(), role)
        return self.decoration(row, index.column(), role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = self.fields[index.column()]
        new_value = self.parsed(field, value)
        row = self._rows[index.row()]
        if getattr(row, field) == new_value:
            return False
        rows = list(self._rows)
        rows[index.row()] = replace(row, **{field: new_value})
        self._rows = tuple(rows)
        self.dataChanged.emit(index, index)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, index.row(), index.row())
        self.rows_edited.emit(self._rows)
        return True

    # -- what subclasses add ------------------------------------------------------------------
    def shown(self, row: Row, column: int, role: int) -> Any:
        """Display and edit values of non-text cells."""
        return None

    def decoration(self, row: Row, column: int, role: int) -> Any:
        return None

    def parsed(self, field: str, value: Any) -> Any:
        return "" if value is None else str(value)


class PainModel(RowsModel[PainStatement]):
    """The customer's own words, and who said them."""

    headers = ("In the customer's words", "Said by")
    fields = ("quote", "said_by")

    def __init__(self) -> None:
        super().__init__(PainStatement())


class MilestoneModel(RowsModel[Milestone]):
    """Next steps; a step without a hard date is flagged in its date cell."""

    headers = ("Step", "Owner", "Date", "Go / no-go", "Done")
    fields = ("step", "owner", "due", "criterion", "done_on")
    DATE_COLUMN = 2
    DONE_COLUMN = 4

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        super().__init__(Milestone())
        self._today = today  # the day a step is ticked done

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.column() == self.DONE_COLUMN:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
                Qt.ItemFlag.ItemIsUserCheckable
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.DONE_COLUMN:
            done_on = self._rows[index.row()].done_on
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if done_on else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return date_text(done_on) if done_on else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Tick when the step is reached; until then it stays on the Agenda."
            return None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == self.DONE_COLUMN:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            done = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            return super().setData(index, self._today() if done else None)
        return super().setData(index, value, role)

    def shown(self, row: Milestone, column: int, role: int) -> Any:
        if row.due is None:
            return UNDATED_TEXT if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.EditRole:
            return QDate(row.due.year, row.due.month, row.due.day)
        return date_text(row.due)

    def decoration(self, row: Milestone, column: int, role: int) -> Any:
        if column != self.DATE_COLUMN:
            return None
        if row.is_overdue(self._today()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(UNDATED_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Past its date and not done: it stays overdue until you tick it done."
            return None
        if row.due is not None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(UNDATED_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(UNDATED_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "This step has no date yet. Agree a firm date with its owner."
        return None

    def parsed(self, field: str, value: Any) -> Any:
        if field == "done_on":
            return value if isinstance(value, date) else None
        if field != "due":
            return super().parsed(field, value)
        if isinstance(value, QDate):
            return value.toPython() if value.isValid() else None
        return value if isinstance(value, date) else None

    def undated_count(self) -> int:
        return sum(1 for row in self._rows if row.needs_date)
