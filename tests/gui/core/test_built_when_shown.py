"""Tabs and panels built when first shown hold the room their widgets will need, so the window
opens at the size, and gives each tab and panel the room, it would with every one built."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown
from contactmap_desktop.ui.core.main_window import MainWindow


def test_every_tab_and_panel_built_later_fits_the_room_it_held(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    qtbot.waitExposed(window)
    held = window.findChildren(BuiltWhenShown)
    assert {type(page.parentWidget()).__name__ for page in held} >= {"QStackedWidget",
                                                                     "QDockWidget"}
    assert not any(page.built for page in held)
    opened_at, least = window.size(), window.minimumSizeHint()
    for page in held:
        room = page.held_room()
        page.build()
        QApplication.processEvents()
        needed = page.minimumSizeHint()
        assert needed.width() <= room.width() and needed.height() <= room.height(), \
            (page.room, room, needed)
        # Not much more than needed either: a tab holding too much makes the window too big.
        metrics = page.fontMetrics()
        slack = QSize(3 * metrics.averageCharWidth(), 2 * metrics.lineSpacing())
        assert room.width() - needed.width() <= max(slack.width(), needed.width() // 10), \
            (page.room, room, needed)
        assert room.height() - needed.height() <= max(slack.height(), needed.height() // 10), \
            (page.room, room, needed)
    after = window.minimumSizeHint()  # the window needs no more once every tab is built
    assert after.width() <= least.width() and after.height() <= least.height(), (least, after)
    assert window.size() == opened_at
