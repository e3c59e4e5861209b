"""Bring a docked panel forward as a user does: a click on its tab in the window's tab bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar
from pytestqt.qtbot import QtBot


def click_panel_tab(qtbot: QtBot, window: QMainWindow, title: str) -> None:
    """Click the tab of the panel whose title starts with ``title`` ("Findings (14)")."""
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabText(index).startswith(title):
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no tab for the {title} panel")
