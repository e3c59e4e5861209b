"""A typed grade repaints its cell and its column's count, and nothing else: no reset, no
layout change, as the change set names one cell (issue 17's first "Keep")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def test_a_typed_grade_its_undo_and_redo_each_repaint_one_cell(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    grid, model = window.map_page.grid, window.map_page.model
    grid.setCurrentIndex(model.index(1, 2))
    heard: list[tuple[str, object]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: heard.append(
        ("cells", ((top.row(), top.column()), (bottom.row(), bottom.column())))))
    model.counts_changed.connect(lambda columns: heard.append(("counts", columns)))
    for signal in (model.modelAboutToBeReset, model.layoutAboutToBeChanged,
                   model.headerDataChanged,  # Qt lays the whole table out again on it
                   model.rowsAboutToBeInserted, model.columnsAboutToBeInserted):
        signal.connect(lambda *_args, name=signal: heard.append(("structure", name)))
    one_cell = [("cells", ((1, 2), (1, 2))), ("counts", [2])]

    qtbot.keyClick(grid, Qt.Key.Key_D)
    assert model.index(1, 2).data() == "D"
    assert heard == one_cell
    for step in (window.document.undo_stack.undo, window.document.undo_stack.redo):
        heard.clear()
        step()
        assert heard == one_cell
    assert grid.currentIndex() == model.index(1, 2) != QModelIndex()
