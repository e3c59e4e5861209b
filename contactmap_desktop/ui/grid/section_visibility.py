"""The one place that hides the grid's rows and columns.

Several filters (Find, Focus) each give the rows and columns they keep; a section shows only
when every filter keeps it. Only the view is touched: the model and the map stay whole, and
edits never reset the model.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTableView

Kept = frozenset[int] | None  # None: the filter keeps every section


class SectionVisibility(QObject):
    changed = Signal()

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._rules: dict[str, tuple[Kept, Kept]] = {}
        # A reset shows every section again; the filters give their rules anew after it.
        view.model().modelReset.connect(self._rules.clear)

    def set_rule(self, name: str, rows: Kept, columns: Kept) -> None:
        if self._rules.get(name) == (rows, columns):
            return  # as shown already (findings worked out again keep the focus filter's)
        self._rules[name] = (rows, columns)
        self.apply()

    def apply(self) -> None:
        model = self._view.model()
        row_rules = [rows for rows, _ in self._rules.values() if rows is not None]
        column_rules = [columns for _, columns in self._rules.values() if columns is not None]
        for row in range(model.rowCount()):
            self._view.setRowHidden(row, any(row not in kept for kept in row_rules))
        for column in range(model.columnCount()):
            self._view.setColumnHidden(column, any(column not in kept for kept in column_rules))
        self.changed.emit()

    def shown(self) -> tuple[int, int]:
        """(rows shown, columns shown)."""
        model = self._view.model()
        rows = sum(not self._view.isRowHidden(r) for r in range(model.rowCount()))
        columns = sum(not self._view.isColumnHidden(c) for c in range(model.columnCount()))
        return rows, columns
