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
from contactmap_desktop.ui.core.first_paint import window_on
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
    window = window_on(document, ui_settings)
    _install(window, opened)
    window.restore_layout()
    window.open_first_account()
    return window


def complete_window(window: MainWindow, opened: OpenWorkspace) -> None:
    """The services and every feature for a window painted from the light read
    (ui/core/first_paint.py); then the edits typed meanwhile are written, in order."""
    document = window.document
    same_file = Path(document.reads.path).resolve() == Path(opened.path).resolve()
    document.attach(opened)
    _install(window, opened)
    window.restore_layout()  # the features' panels, arranged as the user left them
    if same_file:
        grid = window.map_page.grid
        current = grid.current_cell()
        document.map_loaded.emit()  # the features read the open account (the grid resets)
        if current is not None:
            grid.go_to(current)
    else:  # a backup restored in its place
        window.open_first_account()
    document.runner.release()


def _install(window: MainWindow, opened: OpenWorkspace) -> None:
    install_core_actions(window)
    window.features = install_features(window, opened.services)
    LongToolTips(window).watch(window)


def start_application(workspace: Path | None, ui_settings: UiSettings,
                      splash: QWidget | None = None) -> Application | None:
    """Start logging, then open ``workspace`` in a window: the default workspace (made with
    its sample account the first time) when None. None if the user chose not to go on.

    Questions asked while opening (a file in use, a damaged file) sit on ``splash``, so that
    they show above it rather than hidden behind it."""
    application = _started(ui_settings, splash)
    if not application.open(workspace or default_workspace_path(), create=True,
                            with_sample=workspace is None):
        return None
    return application


def complete_application(window: MainWindow, path: Path,
                         ui_settings: UiSettings) -> Application | None:
    """Start logging, then open ``path`` for ``window``, painted already from the light read;
    None (and the window left to close) if the user chose not to go on."""
    application = _started(ui_settings, window)
    if not application.complete(window, path):
        return None
    return application


def _started(ui_settings: UiSettings, dialog_parent: QWidget | None) -> Application:
    log_path = setup_logging()
    # Dates follow the system locale or the user's ISO choice, set before any view is built
    # (and after the splash's first frame: the date rules are not needed to paint it).
    WindowDates.use(iso=ui_settings.iso_dates())
    QApplication.setApplicationVersion(__version__)
    log.info("ContactMap %s starting (log: %s)", __version__, log_path)
    application = Application(ui_settings, dialog_parent=dialog_parent)
    qt_app = QApplication.instance()
    if qt_app is not None:
        qt_app.aboutToQuit.connect(lambda: log.info("ContactMap closed"))
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
        window = build_window(opened, self._ui_settings)
        if previous is not None:
            gc.unfreeze()  # the start's objects, frozen (startup.py): the old window's go
            window.setGeometry(previous.geometry())
            # Closed while its workspace is still open: its features stop their workers (a
            # window deleted with a thread running aborts) and save what waits for a pause
            # into the file, before the closing backup and before the lock is let go.
            previous.closing.disconnect(self._close_workspace)
            previous.close()
            previous.deleteLater()
        self._close_workspace()
        self._adopt(window, opened)
        window.show()
        return True

    def complete(self, window: MainWindow, path: Path) -> bool:
        """Open ``path`` for ``window``, painted from the light read, and complete it."""
        opened = self._opener.open(path, parent=window)
        if opened is None:
            return False
        complete_window(window, opened)
        self._adopt(window, opened)
        return True

    def _adopt(self, window: MainWindow, opened: OpenWorkspace) -> None:
        self._opened = opened
        self.window = window
        window.workspace_requested.connect(
            lambda new_path, new: self.open(Path(new_path), create=new))
        window.closing.connect(self._close_workspace)
        self._ui_settings.add_recent(opened.path)

    def _close_workspace(self) -> None:
        if self._opened is None:
            return
        problem = self._opened.close()
        self._opened = None
        if problem and self.window is not None:
            self.window.report_error(problem)
