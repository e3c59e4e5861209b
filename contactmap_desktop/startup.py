"""Starting the desktop app: a splash painted at once, then the workspace and its window.

Only Qt and a few small modules load before the first frame. The services, the storage and
every feature load while the splash shows, so the user sees the app answer as fast as a bare
Qt window does, and the window follows with the account painted.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.paths import DEFAULT_WORKSPACE_NAME, default_workspace_path
from contactmap_desktop.ui.core.app_icon import DESKTOP_FILE_NAME, app_icon
from contactmap_desktop.ui.core.error_reporting import ExceptionReporter
from contactmap_desktop.ui.core.main_thread_gc import MainThreadCollector
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.startup_splash import StartupSplash
from contactmap_desktop.ui.core.theme import apply_color_scheme

if TYPE_CHECKING:
    from contactmap_desktop.application import Application
    from contactmap_desktop.storage.quick_read import QuickWorkspace
    from contactmap_desktop.ui.core.main_window import MainWindow

# Should the splash never be painted (a minimised start), the workspace opens after this;
# should the window never be painted, the splash closes this long after it is shown.
OPEN_ANYWAY_MS = 300
CLOSE_SPLASH_ANYWAY_MS = 1500
SETTLE_POLL_MS = 10  # how often ``--smoke`` looks whether the window's findings are shown
SWITCH_INTERVAL_S = 0.0005  # how long a thread may hold the interpreter while another waits


class FirstPaint(QObject):
    """Calls ``painted`` once, when ``widget`` has painted its first frame."""

    def __init__(self, widget: QWidget, painted: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._painted = painted
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after the frame is on screen
        return False


def smoke_report(line: str) -> None:
    """``--smoke`` says what it saw (packaging checks read it; benchmarks time it)."""
    print(f"smoke: {line}", flush=True)


class Startup(QObject):
    """Opens the workspace once the splash is on screen, then hands over to its window.

    ``problem`` is the error that stopped the start, for the command line to report.
    """

    def __init__(self, splash: StartupSplash, workspace: Path | None, ui_settings: UiSettings,
                 *, smoke: bool) -> None:
        super().__init__(splash)
        self._splash, self._workspace, self._ui_settings = splash, workspace, ui_settings
        self._smoke = smoke
        self._started = False
        self.problem: ContactMapError | None = None
        self.application: Application | None = None
        FirstPaint(splash, self._splash_painted)
        QTimer.singleShot(OPEN_ANYWAY_MS, self._open)

    def _splash_painted(self) -> None:
        if self._smoke:
            smoke_report("first frame painted")
        self._open()

    def _open(self) -> None:
        if self._started:
            return
        self._started = True
        # The window's modules and the light read load now, behind the splash.
        import sqlite3

        from contactmap_desktop.storage.quick_read import quick_open

        reads = quick_open(self._workspace or default_workspace_path())
        if reads is not None:
            try:
                self._paint_first(reads)
                return
            except sqlite3.Error:  # damage the quick check missed: the full open names it
                reads.close()
        try:
            # The rest of the app loads now, behind the splash.
            from contactmap_desktop.application import start_application

            self.application = start_application(self._workspace, self._ui_settings,
                                                 self._splash)
        except ContactMapError as error:
            self.problem = error
        except Exception:  # a bug: reported as one, and the start ends
            sys.excepthook(*sys.exc_info())
        window = self.application.window if self.application else None
        if window is None:
            self._splash.close()
            QApplication.exit(1)
            return
        # What the start made lives as long as the window: frozen out of the collector's
        # walks, or its first collections walked all of it, before the window's first paint
        # or just after, as the user could type (60 ms with the sample account, 0.3 to
        # 0.9 s with a 1,000 × 100 one).
        gc.freeze()
        FirstPaint(window, lambda: self._window_painted(window))
        QTimer.singleShot(CLOSE_SPLASH_ANYWAY_MS, self._splash.close)

    def _paint_first(self, reads: QuickWorkspace) -> None:
        """The window painted from the light read; SQLAlchemy, the services and the features
        load right after its first frame (keys typed meanwhile wait in Qt's queue, edits
        made in between in the document's runner)."""
        from contactmap_desktop.ui.core.dates import WindowDates
        from contactmap_desktop.ui.core.first_paint import window_before_services

        WindowDates.use(iso=self._ui_settings.iso_dates())  # before any view is built
        window = window_before_services(reads, self._ui_settings)
        gc.freeze()  # as below, for the window and its map; again once the services load
        window.show()
        FirstPaint(window, lambda: self._window_painted(window, lambda: self._complete(window,
                                                                                  reads)))
        QTimer.singleShot(CLOSE_SPLASH_ANYWAY_MS, self._splash.close)

    def _window_painted(self, window: QWidget,
                        complete: Callable[[], bool] | None = None) -> None:
        self._splash.close()
        if self._smoke:
            smoke_report(f"window painted: {window.windowTitle()}")
        if complete is not None and not complete():
            return
        if self._smoke:
            close_when_settled(window)

    def _complete(self, window: MainWindow, reads: QuickWorkspace) -> bool:
        """The services and the features for the window painted from the light read (the
        map's history is not read: it stays in the file, read when asked)."""
        try:
            from contactmap_desktop.application import complete_application

            self.application = complete_application(window, reads.path, self._ui_settings)
        except ContactMapError as error:
            self.problem = error
        except Exception:  # a bug: reported as one, and the start ends
            sys.excepthook(*sys.exc_info())
        finally:
            reads.close()
        if self.application is None:
            window.close()
            QApplication.exit(1)
            return False
        gc.freeze()
        return True


def close_when_settled(window: QWidget) -> None:
    """``--smoke`` ends once the work the window started on opening is done (the findings,
    worked out after the first paint), so that a run's peak memory includes it."""
    features = getattr(window, "features", None)
    if features is not None and features.coverage.pending:
        QTimer.singleShot(SETTLE_POLL_MS, lambda: close_when_settled(window))
        return
    smoke_report("findings shown")
    window.close()


def create_qt_application() -> QApplication:
    # The window's thread takes the interpreter's lock back after each call into SQLite or Qt
    # that let it go; while a worker computes (findings, an import, an export) each such
    # return waits for the worker's turn to end. At Python's 5 ms, an edit's dozens of
    # returns added up to a 100 ms stall; at 0.5 ms they cost a few milliseconds.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("ContactMap Desktop")
    app.setOrganizationName("ContactMap")
    app.setWindowIcon(app_icon())
    # Wayland and GNOME match the window to its menu entry and icon by this name.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    return app


def run_gui(workspace: Path | None, *, smoke: bool = False) -> int:
    """The window on ``workspace``, or on the default workspace (made with its sample
    account the first time) when None."""
    qt_app = create_qt_application()
    MainThreadCollector(qt_app)
    ExceptionReporter(_log_file, show_dialog=not smoke).install()
    ui_settings = UiSettings()
    apply_color_scheme(qt_app, ui_settings.color_scheme())
    splash = StartupSplash(workspace.name if workspace else DEFAULT_WORKSPACE_NAME)
    startup = Startup(splash, workspace, ui_settings, smoke=smoke)
    splash.show()
    code = qt_app.exec()
    if startup.problem is not None:
        if not smoke:  # started from a menu, nobody reads stderr
            from PySide6.QtWidgets import QMessageBox  # only now: the first frame is the hurry

            QMessageBox.critical(None, "ContactMap", str(startup.problem))
        raise startup.problem
    return code


def _log_file() -> Path:
    from contactmap_desktop.logging_setup import log_file

    return log_file()
