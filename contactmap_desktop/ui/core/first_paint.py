"""The window painted from the light read, before the services and the features are loaded.

The accounts list, the open account's grid and the welcome are all the first paint shows;
they read through ``WorkspaceReads`` (storage/quick_read.py at the start). The composition root
(``application.complete_window``) brings the services, the menus' actions and the features
in right after the first frame; edits made before then are kept and written in order.
"""

from __future__ import annotations

from contactmap_desktop.ui.appearance.welcome_banner import WelcomeBanner
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.map_document import MapDocument, WorkspaceReads
from contactmap_desktop.ui.core.settings import UiSettings


def window_on(document: MapDocument, ui_settings: UiSettings) -> MainWindow:
    """The window with all it shows before the services load (the accounts, the grid and,
    until dismissed, the welcome above it), so that it looks the same once they have."""
    window = MainWindow(document, ui_settings)
    if not ui_settings.welcome_dismissed():
        banner = WelcomeBanner()
        banner.dismissed.connect(ui_settings.dismiss_welcome)
        window.map_page.add_banner(banner)
    return window


def window_before_services(reads: WorkspaceReads, ui_settings: UiSettings) -> MainWindow:
    """The window on ``reads``, with the account open last time (or the first) painted."""
    window: MainWindow | None = None
    document = MapDocument(None, lambda message: window.report_error(message) if window else None,
                           reads=reads)
    window = window_on(document, ui_settings)
    window.reserve_panels()
    window.restore_layout()
    window.open_first_account()
    window.map_page.grid.setFocus()  # as in the whole window: keys typed at once grade a cell
    return window
