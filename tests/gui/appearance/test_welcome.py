"""The first-start welcome: shown until dismissed, then never again on this computer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.ui.appearance.welcome_banner import WelcomeBanner
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from tests.helpers.builders import SmallMap


def test_welcome_until_dismissed(qtbot: QtBot, window: MainWindow, small_map: SmallMap,
                                 ui_settings: UiSettings) -> None:
    banner = window.map_page.findChild(WelcomeBanner)
    assert banner is not None and banner.isVisible()
    assert "Northwind Logistics" in banner.text.text()
    qtbot.keyClick(banner.close_button, Qt.Key.Key_Space)
    assert not banner.isVisible() and ui_settings.welcome_dismissed()
    window.close()
    again = build_window(small_map.opened, ui_settings)
    qtbot.addWidget(again)
    assert again.map_page.findChild(WelcomeBanner) is None
    again.close()
