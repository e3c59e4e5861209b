"""A walk without the mouse: grade a cell, open its blueprint from the cell's menu, export the
sponsor letter from the File menu — keys only, as a keyboard user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.core.main_window import MainWindow


def _press_in_popup(qtbot: QtBot, key: Qt.Key) -> None:
    """Press a key in the menu that is open (a cell's menu runs its own event loop)."""
    tries = iter(range(1000))

    def press() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            qtbot.keyClick(popup, key)
        elif next(tries, None) is not None:  # not open yet: its key is still being handled
            QTimer.singleShot(0, press)
    QTimer.singleShot(0, press)


def test_grade_open_blueprint_export_letter_by_keyboard(
        qtbot: QtBot, sample_window: MainWindow, tmp_path: Path) -> None:
    window = sample_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    grid = window.map_page.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # first cell
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    cell = grid.current_cell()
    assert cell is not None
    qtbot.keyClick(grid, Qt.Key.Key_O)
    assert window.document.contact_map is not None
    assert window.document.contact_map.grade(cell) is Grade.OPEN

    # The cell's menu (the Menu key), then B for its blueprint.
    blueprints = window.features.blueprints
    _press_in_popup(qtbot, Qt.Key.Key_B)
    qtbot.keyClick(grid, Qt.Key.Key_Menu)
    assert blueprints.panel_dock.isVisible()
    assert window.document.current_cell == cell

    # File menu by its mnemonic, then L: Export Letter as PDF.
    letters = window.features.letters
    target = tmp_path / "letter.pdf"
    letters.tab._ask_path = lambda _parent, _folder, _letter: target
    # The sample letter still lacks a step's date: export it anyway.
    letters.tab._confirm_gaps = lambda _parent, _gaps: True  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(target.is_file)
    assert target.read_bytes().startswith(b"%PDF")


def test_tab_walks_the_bar_then_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    bar = window.map_page.find_bar
    bar.start()
    walked = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget().objectName())
    # "Show all" is skipped while there is nothing to clear.
    assert walked == ["roleFilter", "seniorityFilter", "concernsFilter", "focusChooser",
                      "contactMapGrid"]
