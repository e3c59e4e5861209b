"""The History dock on its own: the grade changes of the selected cell, newest first, in a model
that passes Qt's model tester through every change of cell."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.ui.core.roles import HistoryRole
from contactmap_desktop.ui.coverage.grade_history_model import GradeHistoryModel
from contactmap_desktop.ui.coverage.history_panel import HistoryPanel
from tests.helpers.builders import SmallMap

CELL = CellRef("member", "stakeholder")


def _change(day: int, old: Grade | None, new: Grade | None, note: str = "",
            by: str = "") -> GradeChange:
    return GradeChange(f"c{day}", CELL, old, new, datetime(2026, 3, day, 9, 30), note, by)


def test_changes_are_listed_newest_first_with_what_moved_and_who(
        qtmodeltester: ModelTester) -> None:
    model = GradeHistoryModel()
    qtmodeltester.check(model)  # keeps watching every later change
    first = _change(2, None, Grade.INDIFFERENT)
    jump = _change(9, Grade.INDIFFERENT, Grade.TRUST, "<b>met the board</b>", "ann")
    review = _change(5, Grade.INDIFFERENT, Grade.INDIFFERENT)
    model.set_changes([first, jump, review])

    texts = [[model.index(row, column).data() for column in (1, 2, 3)]
             for row in range(model.rowCount())]
    assert texts == [["Indifferent → Trust  (3 levels)", "ann", "<b>met the board</b>"],
                     ["Reviewed: still Indifferent", "", ""],
                     ["blank → Indifferent", "", ""]]
    assert model.index(0, 0).data().endswith("09:30")
    assert model.index(0, 0).data(HistoryRole.CHANGE) == jump
    assert model.change_at(2) == first and model.change_at(3) is None
    # A note that looks like markup is shown as typed in its tooltip.
    assert "&lt;b&gt;" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Date", "Change", "By", "Note"]

    model.set_changes([])  # another cell, with no history
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_the_panel_names_the_pair_and_counts_changes_and_reviews(
        qtbot: QtBot, small_map: SmallMap) -> None:
    maps = small_map.opened.contact_maps
    cell = small_map.cell(0, 1)
    maps.set_grade(cell, Grade.OPEN)
    maps.set_grade(cell, Grade.OPEN)  # the same grade again: a review
    maps.set_grade(cell, Grade.SATISFIED)
    contact_map = maps.load_map(small_map.account.id)
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show()

    panel.show_cell(contact_map, cell)

    assert panel.heading.text() == "<b>Rep One ↔ Uma User</b>: 2 grade changes, 1 review"
    assert panel.model.rowCount() == 3
    panel.show_cell(contact_map, None)
    assert panel.heading.text() == "Select a cell to see how its grade has changed."
    assert panel.model.rowCount() == 0
