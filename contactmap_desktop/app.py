"""The desktop application: one window per open workspace, the first frame as early as possible."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from contactmap_desktop import __version__
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.logging_setup import setup_logging
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.ui.app_icon import app_icon
from contactmap_desktop.ui.error_reporting import ExceptionReporter
from contactmap_desktop.ui.features import INSTALLERS
from contactmap_desktop.ui.main_thread_gc import MainThreadCollector
from contactmap_desktop.ui.main_window import MainWindow
from contactmap_desktop.ui.map_document import MapDocument
from contactmap_desktop.ui.settings import UiSettings
from contactmap_desktop.ui.theme import apply_color_scheme
from contactmap_desktop.ui.window_actions import install_core_actions
from contactmap_desktop.ui.workspace_opener import WorkspaceOpener

log = logging.getLogger(__name__)


def build_window(opened: OpenWorkspace, ui_settings: UiSettings) -> MainWindow:
    """A window on an open workspace, with every feature installed and the last account open."""
    window: MainWindow | None = None
    document = MapDocument(opened, lambda message: window.report_error(message) if window else None)
    window = MainWindow(document, ui_settings)
    install_core_actions(window)
    for install in INSTALLERS:
        install(window)
    window.restore_layout()
    window.open_first_account()
    return window


class Application(QObject):
    """Opens workspaces and swaps the window when the user opens another one."""

    def __init__(self, ui_settings: UiSettings, opener: WorkspaceOpener | None = None) -> None:
        super().__init__()
        self._ui_settings = ui_settings
        self._opener = opener or WorkspaceOpener(retention=ui_settings.backup_retention)
        self.window: MainWindow | None = None
        self._opened: OpenWorkspace | None = None

    def open(self, path: Path, *, create: bool, with_sample: bool = False) -> bool:
        """Open ``path`` in a new window, closing the current one if that succeeded."""
        try:
            opened = self._opener.open(path, create=create, with_sample=with_sample,
                                       parent=self.window)
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


class FirstPaint(QObject):
    """Quits the application once the window has painted its first frame (``--smoke``)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._window.close)
        return False


def create_qt_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("ContactMap Desktop")
    app.setOrganizationName("ContactMap")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def run_gui(path: Path, *, smoke: bool = False, is_default: bool = False) -> int:
    log_path = setup_logging()
    qt_app = create_qt_application()
    MainThreadCollector(qt_app)
    ExceptionReporter(str(log_path), show_dialog=not smoke).install()
    log.info("ContactMap %s starting", __version__)
    ui_settings = UiSettings()
    apply_color_scheme(qt_app, ui_settings.color_scheme())
    application = Application(ui_settings)
    if not application.open(path, create=True, with_sample=is_default):
        return 1
    assert application.window is not None
    if smoke:
        FirstPaint(application.window)
    code = qt_app.exec()
    log.info("ContactMap closed")
    return code
