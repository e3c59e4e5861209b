"""The window painted from the light read, before the services and the features are loaded.

The accounts list and the open account's grid are all the first paint shows; they read
through ``WorkspaceReads`` (storage/quick_read.py at the start). The composition root
(``application.complete_window``) brings the services, the menus' actions and the features
in right after the first frame; edits made before then are kept and written in order.
"""

from __future__ import annotations

from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.map_document import MapDocument, WorkspaceReads
from contactmap_desktop.ui.core.settings import UiSettings


def window_before_services(reads: WorkspaceReads, ui_settings: UiSettings) -> MainWindow:
    """The window on ``reads``, with the account open last time (or the first) painted."""
    window: MainWindow | None = None
    document = MapDocument(None, lambda message: window.report_error(message) if window else None,
                           reads=reads)
    window = MainWindow(document, ui_settings)
    window.restore_layout()
    window.open_first_account()
    window.map_page.grid.setFocus()  # as in the whole window: keys typed at once grade a cell
    return window
