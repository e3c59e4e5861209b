"""A shortcut one test sends leaves no modifier held in the next (tests/gui/conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot


def _table(qtbot: QtBot) -> QTableWidget:
    table = QTableWidget(3, 3)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_shortcut_with_every_modifier(qtbot: QtBot) -> None:
    held = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            | Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(_table(qtbot), Qt.Key.Key_Home, held)
    assert QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier  # the cause


def test_a_ctrl_shortcut(qtbot: QtBot) -> None:
    qtbot.keyClick(_table(qtbot), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier


def test_the_next_test_starts_with_no_modifier_held(qtbot: QtBot) -> None:
    """Runs after the two above (one file runs in one process, in order)."""
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    table = _table(qtbot)
    table.setCurrentCell(0, 0)
    table.setCurrentCell(2, 2)
    assert [(i.row(), i.column()) for i in table.selectedIndexes()] == [(2, 2)]
