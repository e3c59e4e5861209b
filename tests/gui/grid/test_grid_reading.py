"""The grid reads at a glance and behaves as a spreadsheet does: a legend for the codes in its
headers, our team's seniority beside each name, a current cell as soon as Tab reaches it, Esc
closing the cell's drop-down, and Ctrl+Home leaving no other row marked."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.ui.accounts.team_member_dialog import TeamMemberDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.grid.contact_map_view import ContactMapView


def _focused_grid(qtbot: QtBot, window: MainWindow) -> ContactMapView:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    grid = window.map_page.grid
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    return grid


def _selected(grid: ContactMapView) -> list[tuple[int, int]]:
    return sorted((i.row(), i.column()) for i in grid.selectionModel().selectedIndexes())


def test_a_legend_under_the_grid_says_what_the_header_codes_mean(window: MainWindow) -> None:
    legend = window.map_page.legend
    assert legend.isVisible()
    text = legend.text()
    for code in ("<b>P</b> Power", "<b>U</b> User", "<b>A</b> Advisor", "<b>E</b> Evangelist",
                 "<b>Exec</b> executive", "<b>IC</b> individual contributor"):
        assert code in text


def _row_header(grid: ContactMapView, row: int) -> QImage:
    header = grid.verticalHeader()
    top = header.sectionViewportPosition(row)
    return header.grab(QRect(0, top, header.width(), header.sectionSize(row))).toImage()


def test_each_team_member_shows_their_seniority_in_the_row_header(
        qtbot: QtBot, window: MainWindow) -> None:
    grid = window.map_page.grid
    before = _row_header(grid, 0)
    dialog = TeamMemberDialog(window.document,
                              window.document.contact_map.team_members[0],  # type: ignore[union-attr]
                              window)
    qtbot.addWidget(dialog)
    other = Seniority.EXECUTIVE if dialog.seniority.currentData() is not Seniority.EXECUTIVE \
        else Seniority.MANAGER
    dialog.seniority.setCurrentIndex(dialog.seniority.findData(other))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    # Same name, another seniority: the row header reads differently.
    qtbot.waitUntil(lambda: _row_header(grid, 0) != before)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: _row_header(grid, 0) == before)


def test_tab_into_the_grid_shows_and_selects_a_current_cell(
        qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    grid = window.map_page.grid
    window.map_page.find_bar.start()
    while not grid.hasFocus():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert grid.currentIndex().isValid()
    assert _selected(grid) == [(grid.currentIndex().row(), grid.currentIndex().column())]
    qtbot.keyClick(grid, Qt.Key.Key_T)  # and typing grades it
    assert grid.currentIndex().data() == "T"


def test_esc_after_enter_closes_the_cells_drop_down(qtbot: QtBot, window: MainWindow) -> None:
    grid = _focused_grid(qtbot, window)
    grid.setCurrentIndex(grid.model().index(1, 1))
    before = grid.currentIndex().data()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert grid.state() == QAbstractItemView.State.EditingState
    picker = grid.indexWidget(grid.currentIndex()) or QApplication.focusWidget()
    assert isinstance(picker, QComboBox)
    qtbot.waitUntil(lambda: picker.view().isVisible())
    qtbot.keyClick(picker.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: grid.state() == QAbstractItemView.State.NoState)
    assert not any(c.isVisible() for c in grid.findChildren(QComboBox))
    # The grid has the keyboard back (offscreen, the window itself is not reactivated).
    qtbot.waitUntil(lambda: window.focusWidget() is grid)
    assert grid.currentIndex().data() == before
    qtbot.keyClick(grid, Qt.Key.Key_O)  # the grid has the keys again
    assert grid.currentIndex().data() == "O"


def test_ctrl_home_selects_the_first_cell_and_marks_only_its_row(
        qtbot: QtBot, window: MainWindow) -> None:
    grid = _focused_grid(qtbot, window)
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.team_header.current_row == 1
    qtbot.keyClick(grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 0)
    assert _selected(grid) == [(0, 0)]
    assert grid.team_header.current_row == 0  # the bold row header moved with it
    qtbot.keyClick(grid, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = (grid.model().rowCount() - 1, grid.model().columnCount() - 1)
    assert _selected(grid) == [last] and grid.team_header.current_row == last[0]
