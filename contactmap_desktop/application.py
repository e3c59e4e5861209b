"""The composition root of a window: a workspace opened, every feature installed, and the
window swapped when the user opens another workspace."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from contactmap_desktop import __version__
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.logging_setup import setup_logging
from contactmap_desktop.paths import default_workspace_path
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.ui.core.dates import WindowDates
from contactmap_desktop.ui.core.long_tooltips import LongToolTips
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.window_actions import install_core_actions
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from contactmap_desktop.ui.features import install_features

log = logging.getLogger(__name__)


def build_window(opened: OpenWorkspace, ui_settings: UiSettings) -> MainWindow:
    """A window on an open workspace, with every feature installed and the last account open."""
    window: MainWindow | None = None
    document = MapDocument(opened, lambda message: window.report_error(message) if window else None)
    window = MainWindow(document, ui_settings)
    install_core_actions(window)
    window.features = install_features(window, opened.services)
    LongToolTips(window).watch(window)
    window.restore_layout()
    window.open_first_account()
    return window


def start_application(workspace: Path | None, ui_settings: UiSettings,
                      splash: QWidget | None = None) -> Application | None:
    """Start logging, then open ``workspace`` in a window: the default workspace (made with
    its sample account the first time) when None. None if the user chose not to go on.

    Questions asked while opening (a file in use, a damaged file) sit on ``splash``, so that
    they show above it rather than hidden behind it."""
    log_path = setup_logging()
    # Dates follow the system locale or the user's ISO choice, set before any view is built
    # (and after the splash's first frame: the date rules are not needed to paint it).
    WindowDates.use(iso=ui_settings.iso_dates())
    QApplication.setApplicationVersion(__version__)
    log.info("ContactMap %s starting (log: %s)", __version__, log_path)
    application = Application(ui_settings, dialog_parent=splash)
    qt_app = QApplication.instance()
    if qt_app is not None:
        qt_app.aboutToQuit.connect(lambda: log.info("ContactMap closed"))
    if not application.open(workspace or default_workspace_path(), create=True,
                            with_sample=workspace is None):
        return None
    return application


class Application(QObject):
    """Opens workspaces and swaps the window when the user opens another one."""

    def __init__(self, ui_settings: UiSettings, opener: WorkspaceOpener | None = None,
                 dialog_parent: QWidget | None = None) -> None:
        super().__init__()
        self._ui_settings = ui_settings
        self._dialog_parent = dialog_parent  # until there is a window
        self._opener = opener or WorkspaceOpener(retention=ui_settings.backup_retention)
        self.window: MainWindow | None = None
        self._opened: OpenWorkspace | None = None

    def open(self, path: Path, *, create: bool, with_sample: bool = False) -> bool:
        """Open ``path`` in a new window, closing the current one if that succeeded."""
        try:
            opened = self._opener.open(path, create=create, with_sample=with_sample,
                                       parent=self.window or self._dialog_parent)
        except ContactMapError as error:
            if self.window is None:
                raise
            self.window.report_error(str(error))
            return False
        if opened is None:
            return False
        previous = self.window
        self._close_workspace()
        self._opened = opened
        self.window = build_window(opened, self._ui_settings)
        self.window.workspace_requested.connect(
            lambda new_path, new: self.open(Path(new_path), create=new))
        self.window.closing.connect(self._close_workspace)
        self._ui_settings.add_recent(opened.path)
        if previous is not None:
            gc.unfreeze()  # the start's objects, frozen (startup.py): the old window's go
            self.window.setGeometry(previous.geometry())
            previous.closing.disconnect()
            previous.close()
            previous.deleteLater()
        self.window.show()
        return True

    def _close_workspace(self) -> None:
        if self._opened is None:
            return
        problem = self._opened.close()
        self._opened = None
        if problem and self.window is not None:
            self.window.report_error(problem)
