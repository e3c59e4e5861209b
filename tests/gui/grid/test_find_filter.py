"""Ctrl+F and the filter bar: type to hide the other people, narrow by role, seniority and
concerns, see what is hidden, clear it; Find and Focus hide sections together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import people_of
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import FocusPeriod
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def _shown(window: MainWindow) -> tuple[list[str], list[str]]:
    grid, model = window.map_page.grid, window.map_page.model
    columns = [str(model.headerData(c, Qt.Orientation.Horizontal))
               for c in range(model.columnCount()) if not grid.isColumnHidden(c)]
    rows = [str(model.headerData(r, Qt.Orientation.Vertical))
            for r in range(model.rowCount()) if not grid.isRowHidden(r)]
    return columns, rows


EVERYONE = (["Ada Power", "Uma User", "Abe Advisor"], ["Rep One", "Eng Two"])


def test_ctrl_f_type_see_columns_hidden_then_escape_shows_everyone(
        qtbot: QtBot, window: MainWindow) -> None:
    grid, bar = window.map_page.grid, window.map_page.find_bar
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is bar.text
    qtbot.keyClicks(bar.text, "cto")  # Abe Advisor's title
    assert _shown(window) == (["Abe Advisor"], ["Rep One", "Eng Two"])
    assert bar.summary.text() == "Showing 1 of 3 stakeholders, 2 of 2 team members"
    assert bar.clear_button.isEnabled()
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert _shown(window) == EVERYONE
    assert bar.text.text() == "" and bar.summary.text() == ""
    assert not bar.clear_button.isEnabled()
    assert QApplication.focusWidget() is grid  # back to grading


def test_text_on_our_side_keeps_rows_and_nothing_found_says_so(
        qtbot: QtBot, window: MainWindow) -> None:
    bar = window.map_page.find_bar
    qtbot.keyClicks(bar.text, "engineer")
    assert _shown(window) == (EVERYONE[0], ["Eng Two"])
    bar.text.clear()
    qtbot.keyClicks(bar.text, "zzz")
    assert _shown(window) == ([], [])
    assert bar.summary.text().startswith("No one matches")
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert _shown(window) == EVERYONE


def test_role_seniority_and_concerns(qtbot: QtBot, window: MainWindow,
                                     small_map: SmallMap) -> None:
    bar = window.map_page.find_bar
    bar.role.setCurrentIndex(bar.role.findData(BuyingRole.ADVISOR))
    assert _shown(window) == (["Abe Advisor"], EVERYONE[1])
    bar.role.setCurrentIndex(0)
    bar.seniority.setCurrentIndex(bar.seniority.findData(Seniority.EXECUTIVE))
    assert _shown(window) == (["Ada Power"], EVERYONE[1])
    bar.seniority.setCurrentIndex(0)
    window.map_page.set_grades({small_map.cell(1, 1): Grade.DISSATISFIED,
                                small_map.cell(0, 0): Grade.TRUST})
    qtbot.keyClick(bar.concerns, Qt.Key.Key_Space)
    assert bar.concerns.isChecked()
    assert _shown(window) == (["Uma User"], ["Eng Two"])
    # A new concern shows up at once; grading does not reset the model.
    with qtbot.assertNotEmitted(window.map_page.model.modelReset):
        window.map_page.set_grades({small_map.cell(0, 2): Grade.INDIFFERENT})
    assert _shown(window) == (["Uma User", "Abe Advisor"], ["Rep One", "Eng Two"])
    window.document.undo_stack.undo()
    assert _shown(window) == (["Uma User"], ["Eng Two"])


def test_find_and_focus_hide_together(qtbot: QtBot, window: MainWindow,
                                      small_map: SmallMap) -> None:
    coverage = window.features.coverage
    window.map_page.set_grades({small_map.cell(0, 0): Grade.INDIFFERENT,
                                small_map.cell(1, 2): Grade.DISSATISFIED})
    coverage.recompute()  # findings follow edits shortly after; here at once
    coverage.focus.set_period(FocusPeriod.DAYS_30)  # concerns are in focus
    assert _shown(window) == (["Ada Power", "Abe Advisor"], ["Rep One", "Eng Two"])
    qtbot.keyClicks(window.map_page.find_bar.text, "ada")
    assert _shown(window) == (["Ada Power"], ["Rep One", "Eng Two"])
    coverage.focus.set_period(None)  # Find still holds
    assert _shown(window) == (["Ada Power"], ["Rep One", "Eng Two"])
    window.map_page.find_bar.clear()
    assert _shown(window) == EVERYONE


def test_filter_holds_after_the_people_change(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.map_page.find_bar.text, "uma")
    window.document.apply(people_of(window.document.account_id or ""))
    assert _shown(window) == (["Uma User"], EVERYONE[1])
