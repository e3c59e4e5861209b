"""Copy and paste of grade blocks through the real clipboard, driven with keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.domain.grades import Grade, grade_letter
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.grade_batch import GradeBatchService
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.grid.grid_clipboard import GridClipboard
from tests.helpers.builders import SmallMap, build_small_map


class Harness:
    """A plain table view standing in for the grid: rows are team members, columns people."""

    def __init__(self, small: SmallMap, qtbot: QtBot) -> None:
        self.small = small
        self.service = GradeBatchService(small.opened.workspace)
        self.model = QStandardItemModel(2, 3)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.stack = QUndoStack()
        self.errors: list[str] = []
        self.runner = EditRunner(self.stack, self.errors.append,
                                 lambda changes: self.refresh(list(changes.cells)))
        self.clipboard = GridClipboard(self.view, self.runner, self.service, self.cell_at,
                                       self.errors.append)
        qtbot.addWidget(self.view)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.setFocus()
        self.refresh([])

    def cell_at(self, row: int, column: int) -> CellRef | None:
        return self.small.cell(row, column)

    def refresh(self, _cells: list[CellRef]) -> None:
        for r in range(2):
            for c in range(3):
                grade = self.grade(r, c)
                self.model.setItem(r, c, QStandardItem(grade_letter(grade)))

    def grade(self, row: int, column: int) -> Grade | None:
        return self.service.grades([self.small.cell(row, column)])[self.small.cell(row, column)]

    def letters(self) -> list[str]:
        return ["".join(grade_letter(self.grade(r, c)) or "." for c in range(3)) for r in range(2)]

    def select(self, top: int, left: int, bottom: int, right: int) -> None:
        selection = self.view.selectionModel()
        self.view.setCurrentIndex(self.model.index(top, left))
        selection.clearSelection()
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                selection.select(self.model.index(r, c), QItemSelectionModel.SelectionFlag.Select)


@pytest.fixture
def harness(tmp_path: Path, qtbot: QtBot) -> Iterator[Harness]:
    small = build_small_map(tmp_path / "w.cmap")
    yield Harness(small, qtbot)
    small.opened.close()


def press(qtbot: QtBot, harness: Harness, key: Qt.Key) -> None:
    qtbot.keyClick(harness.view, key, Qt.KeyboardModifier.ControlModifier)


def test_copy_puts_tab_separated_letters_on_the_clipboard(qtbot: QtBot, harness: Harness) -> None:
    harness.service.set_grades({harness.small.cell(0, 0): Grade.TRUST,
                                harness.small.cell(1, 1): Grade.MOTIVATED})
    harness.select(0, 0, 1, 2)
    press(qtbot, harness, Qt.Key.Key_C)
    assert QGuiApplication.clipboard().text() == "T\t\t\n\tM\t\n"


def test_paste_grades_a_block_in_one_undo_step(qtbot: QtBot, harness: Harness) -> None:
    QGuiApplication.clipboard().setText("open\tt\r\ns\tDissatisfied\r\n")
    harness.select(0, 1, 0, 1)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.letters() == [".OT", ".SD"]
    assert harness.model.item(1, 2).text() == "D"
    assert harness.stack.count() == 1 and harness.stack.undoText() == "Paste 4 grades"
    harness.stack.undo()
    assert harness.letters() == ["...", "..."]
    assert harness.model.item(1, 2).text() == ""
    harness.stack.redo()
    assert harness.letters() == [".OT", ".SD"]
    history = harness.small.opened.contact_maps.load_map(harness.small.account.id).history
    assert len(history) == 12  # 4 pasted, 4 undone, 4 redone: history stays append-only


def test_invalid_values_are_reported_and_nothing_changes(qtbot: QtBot, harness: Harness) -> None:
    QGuiApplication.clipboard().setText("T\tmaybe\n")
    harness.select(0, 0, 0, 0)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.letters() == ["...", "..."]
    assert harness.stack.count() == 0
    assert harness.errors and "row 1, column 2 (“maybe”)" in harness.errors[0]


def test_a_block_that_does_not_fit_is_refused(qtbot: QtBot, harness: Harness) -> None:
    QGuiApplication.clipboard().setText("T\tO\tS\n")
    harness.select(1, 1, 1, 1)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.letters() == ["...", "..."]
    assert "does not fit" in harness.errors[0]


def test_one_value_fills_the_selection_and_copy_paste_round_trips(
    qtbot: QtBot, harness: Harness
) -> None:
    QGuiApplication.clipboard().setText("i\n")
    harness.select(0, 0, 1, 1)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.letters() == ["II.", "II."]
    harness.select(0, 0, 1, 1)
    press(qtbot, harness, Qt.Key.Key_C)
    harness.select(0, 1, 0, 1)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.letters() == ["III", "III"]
    assert harness.stack.count() == 2
    harness.select(0, 1, 0, 1)
    press(qtbot, harness, Qt.Key.Key_V)  # the same grades again: a review of each
    assert harness.stack.count() == 3
    def reviews() -> int:
        account_id = harness.small.account.id
        return sum(c.is_review for c in harness.small.opened.contact_maps.load_map(
            account_id).history)

    assert reviews() == 2 + 4  # the copy pasted I over I at (0, 1) and (1, 1) already
    harness.stack.undo()  # the four reviews are taken back out of the history
    assert reviews() == 2
    assert harness.letters() == ["III", "III"]


def test_a_paste_that_fails_to_write_adds_no_undo_step(
        qtbot: QtBot, harness: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk (issue 16 item 8): the clear message, no "Paste" step for what is not in
    the file, and the grid as it was."""
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The disk is full: the change was not saved.")

    monkeypatch.setattr(harness.service, "set_grades", disk_full)
    QGuiApplication.clipboard().setText("T\tO\n")
    harness.select(0, 0, 0, 0)
    press(qtbot, harness, Qt.Key.Key_V)
    assert harness.stack.count() == 0
    assert harness.errors == ["The disk is full: the change was not saved."]
    assert harness.letters() == ["...", "..."]
