"""Grading the map with the keyboard as a user does, undo and redo, and what the file holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def _type(qtbot: QtBot, window: MainWindow, row: int, column: int, *keys: Qt.Key) -> None:
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(row, column))
    for key in keys:
        qtbot.keyClick(grid, key)


def _grades_in_file(path: Path, small_map: SmallMap) -> dict[tuple[int, int], Grade]:
    opened = open_workspace(path, read_only=True)
    try:
        contact_map = opened.contact_maps.load_map(small_map.account.id)
    finally:
        opened.close()
    return {(r, c): g for r in range(2) for c in range(3)
            if (g := contact_map.grade(small_map.cell(r, c))) is not None}


def test_typed_grades_cleared_undone_redone_are_exactly_what_the_file_holds(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    _type(qtbot, window, 0, 0, Qt.Key.Key_T)
    _type(qtbot, window, 0, 1, Qt.Key.Key_O)
    _type(qtbot, window, 1, 2, Qt.Key.Key_M)
    _type(qtbot, window, 0, 1, Qt.Key.Key_Delete)
    grid = window.map_page.grid
    assert grid.model().index(0, 0).data() == "T"
    assert grid.model().index(0, 1).data() == ""
    stack = window.document.undo_stack
    assert stack.undoText() == "Clear grade for Rep One → Uma User"
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the clear
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the M
    assert stack.undoText() == "Set grade O for Rep One → Uma User"
    assert grid.model().index(1, 2).data() == ""
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier
                   | Qt.KeyboardModifier.ControlModifier)  # redo the M
    assert grid.model().index(1, 2).data() == "M"
    path = small_map.opened.path
    expected = {(0, 0): Grade.TRUST, (0, 1): Grade.OPEN, (1, 2): Grade.MOTIVATED}
    assert _grades_in_file(path, small_map) == expected


def test_backspace_clears_a_selected_block_in_one_step(qtbot: QtBot, window: MainWindow,
                                                       small_map: SmallMap) -> None:
    window.map_page.set_grades({small_map.cell(r, c): Grade.SATISFIED
                                for r in range(2) for c in range(3)})
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Backspace)
    assert window.document.undo_stack.undoText() == "Clear grade for 4 cells"
    assert [grid.model().index(r, c).data() for r in range(2) for c in range(3)] == \
        ["", "", "S", "", "", "S"]
    window.document.undo_stack.undo()
    assert grid.model().index(1, 1).data() == "S"


def test_every_change_is_recorded_in_history_including_undo(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    _type(qtbot, window, 0, 0, Qt.Key.Key_S, Qt.Key.Key_O)
    window.document.undo_stack.undo()
    history = window.document.opened.contact_maps.load_map(small_map.account.id).history
    moves = [(c.old_grade, c.new_grade) for c in history if c.cell == small_map.cell(0, 0)]
    assert moves == [(None, Grade.SATISFIED), (Grade.SATISFIED, Grade.OPEN),
                     (Grade.OPEN, Grade.SATISFIED)]


def test_enter_opens_a_grade_picker_that_grades_the_cell(qtbot: QtBot, window: MainWindow,
                                                         small_map: SmallMap) -> None:
    from PySide6.QtWidgets import QComboBox

    _type(qtbot, window, 1, 0, Qt.Key.Key_Return)
    picker = window.map_page.grid.findChild(QComboBox)
    assert picker is not None
    picker.setCurrentIndex(picker.findData(Grade.OPEN))
    picker.activated.emit(picker.currentIndex())
    qtbot.waitUntil(lambda: window.map_page.model.index(1, 0).data() == "O")
    assert window.document.undo_stack.undoText() == "Set grade O for Eng Two → Ada Power"


def test_a_failed_edit_is_reported_and_not_pushed(window: MainWindow, small_map: SmallMap,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from contactmap_desktop.domain.errors import StorageError

    reported: list[str] = []
    monkeypatch.setattr(window, "report_error", reported.append)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The disk is full: the change was not saved.")

    monkeypatch.setattr(window.document.grade_batch, "set_grades", full_disk)
    window.map_page.set_grades({small_map.cell(0, 0): Grade.TRUST})
    assert reported == ["The disk is full: the change was not saved."]
    assert window.document.undo_stack.count() == 0
    assert window.map_page.model.index(0, 0).data() == ""


def test_k_and_n_toggle_marks_as_undoable_steps(qtbot: QtBot, window: MainWindow,
                                                small_map: SmallMap) -> None:
    from contactmap_desktop.ui.core.roles import MapRole

    _type(qtbot, window, 0, 0, Qt.Key.Key_K)
    model = window.map_page.model
    assert model.index(0, 0).data(MapRole.RELATIONSHIP).is_key
    assert window.document.undo_stack.undoText() == "Change key mark of Rep One → Ada Power"
    _type(qtbot, window, 1, 1, Qt.Key.Key_N)
    assert model.index(1, 1).data(MapRole.RELATIONSHIP).needs_filling
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert not model.index(0, 0).data(MapRole.RELATIONSHIP).is_key
    stored = window.document.opened.contact_maps.load_map(small_map.account.id)
    assert not stored.relationship(small_map.cell(0, 0)).is_key
    window.document.undo_stack.redo()
    assert "Key relationship." in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_a_trust_cell_is_linked_as_leverage_from_its_menu(qtbot: QtBot, window: MainWindow,
                                                          small_map: SmallMap) -> None:
    from PySide6.QtWidgets import QMenu

    window.map_page.set_grades({small_map.cell(0, 0): Grade.TRUST,
                                small_map.cell(1, 1): Grade.DISSATISFIED})
    menu = QMenu()
    window.map_page.grid.context_menu_about_to_show.emit(menu, small_map.cell(0, 0))
    leverage = next(a.menu() for a in menu.actions() if a.text() == "&Leverage For")
    [target] = leverage.actions()
    assert target.text() == "Eng Two → Uma User"
    target.trigger()
    tooltip = window.map_page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Leverage for: Eng Two" in tooltip
    assert window.document.opened.contact_maps.load_map(small_map.account.id).relationship(
        small_map.cell(0, 0)).leverage_for == (small_map.cell(1, 1),)
