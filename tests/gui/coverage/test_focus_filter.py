"""The Focus filter hides the rows and columns with nothing in focus, and only in the view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.model import CellRef, FocusPeriod
from contactmap_desktop.ui.coverage.focus_filter import WHOLE_MAP, FocusFilter


def test_focus_hides_sections_without_focus_cells(qtbot: QtBot) -> None:
    model = QStandardItemModel(3, 4)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    in_focus = {
        FocusPeriod.DAYS_30: frozenset({CellRef("r0", "c1")}),
        FocusPeriod.DAYS_60: frozenset({CellRef("r0", "c1"), CellRef("r2", "c3")}),
        FocusPeriod.DAYS_90: frozenset({CellRef("r0", "c1"), CellRef("r2", "c3"),
                                        CellRef("gone", "c0")}),
    }

    def index_of(cell: CellRef) -> QModelIndex:
        if cell.team_member_id == "gone":
            return QModelIndex()
        return model.index(int(cell.team_member_id[1:]), int(cell.stakeholder_id[1:]))

    focus = FocusFilter(view, in_focus.__getitem__, index_of)
    assert focus.chooser.currentText() == WHOLE_MAP and focus.period is None

    def shown() -> tuple[list[int], list[int]]:
        return ([r for r in range(3) if not view.isRowHidden(r)],
                [c for c in range(4) if not view.isColumnHidden(c)])

    with qtbot.waitSignal(focus.changed):
        focus.chooser.setCurrentIndex(focus.chooser.findData(FocusPeriod.DAYS_30))
    assert shown() == ([0], [1])
    focus.set_period(FocusPeriod.DAYS_60)
    assert shown() == ([0, 2], [1, 3])
    focus.set_period(FocusPeriod.DAYS_90)  # a cell no longer on the map is skipped
    assert shown() == ([0, 2], [1, 3])
    focus.set_period(None)
    assert shown() == ([0, 1, 2], [0, 1, 2, 3])
    assert model.rowCount() == 3 and model.columnCount() == 4
