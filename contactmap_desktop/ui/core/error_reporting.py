"""Uncaught exceptions: logged with their traceback and shown as a bug, never a silent crash."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

BUG_TEXT = ("Something went wrong inside ContactMap — this is a bug, not something you did.\n\n"
            "Every change you made before this is saved in the workspace. The details are in "
            "the log file:\n{log}\n\nPlease send that file to the ContactMap team.")


class ExceptionReporter:
    """Installed before anything else; what reporting needs is loaded when there is a report."""

    def __init__(self, log_path: Callable[[], Path], show_dialog: bool = True) -> None:
        self._log_path = log_path
        self._show_dialog = show_dialog
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        import logging
        import traceback

        from PySide6.QtWidgets import QMessageBox

        details = "".join(traceback.format_exception(kind, error, trace))
        logging.getLogger("contactmap_desktop.crash").error("Uncaught exception:\n%s", details)
        if sys.__stderr__ is not None:  # a windowed build has no console
            sys.__stderr__.write(details)
        if not self._show_dialog or self._showing or QApplication.instance() is None:
            return
        self._showing = True  # one dialog at a time, even if the dialog itself fails
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, "ContactMap — unexpected error",
                              BUG_TEXT.format(log=self._log_path()))
            box.setDetailedText(f"{kind.__name__}: {error}")
            box.exec()
        finally:
            self._showing = False
