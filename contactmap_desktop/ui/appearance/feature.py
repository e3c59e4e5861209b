"""What belongs to this computer: Preferences ▸ Appearance and Backups (the first-start
welcome is part of the window's first paint: ui/core/first_paint.py). The grid follows a
change of scheme by itself: its cells and headers take their colors from the palette at
every paint."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from contactmap_desktop.ui.appearance.appearance_page import AppearancePage
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.preferences_dialog import PreferencesPage
from contactmap_desktop.ui.core.theme import ColorScheme, apply_color_scheme


def apply_scheme(scheme: ColorScheme) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_color_scheme(app, scheme)


def install(window: MainWindow) -> None:
    window.add_preferences_page(lambda: AppearancePage(window.ui_settings, apply_scheme))
    window.add_preferences_page(lambda: _backups_page(window))


def _backups_page(window: MainWindow) -> PreferencesPage:
    """Its module loads when Preferences first opens, not with the window."""
    from contactmap_desktop.ui.safety.backups_page import BackupsPage

    return BackupsPage(window.ui_settings)
