"""The Focus filter: hide the rows and columns with nothing to act on in the next 30/60/90 days.

Only the view's sections are hidden (through the grid's SectionVisibility, so that it
composes with Find); the model and the map are untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QComboBox, QTableView

from contactmap_desktop.domain.model import CellRef, FocusPeriod
from contactmap_desktop.ui.grid.section_visibility import SectionVisibility

WHOLE_MAP = "Whole map"


class FocusFilter(QObject):
    """Owns the period chooser; ``apply`` re-hides sections after any change to the map."""

    changed = Signal()

    def __init__(self, view: QTableView,
                 cells_in_focus: Callable[[FocusPeriod], frozenset[CellRef]],
                 index_of: Callable[[CellRef], QModelIndex],
                 visibility: SectionVisibility | None = None) -> None:
        super().__init__(view)
        self._visibility = visibility or SectionVisibility(view)
        self._cells_in_focus = cells_in_focus
        self._index_of = index_of
        self.chooser = QComboBox()
        self.chooser.setObjectName("focusChooser")
        self.chooser.setAccessibleName("Focus")
        self.chooser.setToolTip("Show only key relationships due in the period, and concerns")
        self.chooser.addItem(WHOLE_MAP, None)
        for period in FocusPeriod:
            self.chooser.addItem(f"Focus: next {period.value} days", period)
        self.chooser.currentIndexChanged.connect(lambda _i: self._chosen())
        self.shown_cells: frozenset[CellRef] = frozenset()

    @property
    def period(self) -> FocusPeriod | None:
        period = self.chooser.currentData()
        return period if isinstance(period, FocusPeriod) else None

    def set_period(self, period: FocusPeriod | None) -> None:
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(period)))

    def _chosen(self) -> None:
        self.apply()
        self.changed.emit()

    def apply(self) -> None:
        period = self.period
        if period is None:
            self.shown_cells = frozenset()
            self._visibility.set_rule("focus", None, None)
            return
        cells = self._cells_in_focus(period)
        self.shown_cells = cells
        indexes = [i for i in map(self._index_of, cells) if i.isValid()]
        self._visibility.set_rule("focus", frozenset(i.row() for i in indexes),
                                  frozenset(i.column() for i in indexes))
