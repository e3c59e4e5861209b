"""The status bar counts the current account's people, relationships and open concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def _counts(window: MainWindow) -> str:
    return next(label.text() for label in window.statusBar().findChildren(QLabel)
                if "stakeholders" in label.text())


def test_counts_follow_the_edits(window: MainWindow, small_map: SmallMap) -> None:
    assert _counts(window).endswith("0 relationships · 0 open concerns")
    window.map_page.set_grades({small_map.cell(0, 0): Grade.DISSATISFIED,
                                small_map.cell(1, 1): Grade.TRUST})
    assert _counts(window) == ("3 stakeholders · 2 team members · 2 relationships · "
                               "1 open concern")
    window.document.undo_stack.undo()
    assert _counts(window).endswith("0 relationships · 0 open concerns")
