"""Running a long service call (reading a big file, an import) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.core.main_thread_gc import worker_running

log = logging.getLogger(__name__)
Report = Callable[[int, int], None]
Job = Callable[[Report], Any]


class Cancelled(Exception):
    """Raised from the progress callback when the user cancelled the task."""


class BackgroundTask(QThread):
    """Runs ``job(report)`` in a thread; results come back as queued signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, parent: QObject | None = None, *,
                 nothing_done: str = "Nothing was imported.") -> None:
        """``nothing_done``: what the user is told did not happen when the job meets a bug."""
        super().__init__(parent)
        self._job = job
        self._nothing_done = nothing_done
        self._cancelled = False
        self.result: Any = None

    def cancel(self) -> None:
        self._cancelled = True

    def _report(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            with worker_running():
                self.result = self._job(self._report)
        except Cancelled:
            return
        except ContactMapError as error:
            self.failed.emit(str(error))
            return
        except Exception:  # a bug: keep the window alive and say so
            log.exception("Background task failed")
            self.failed.emit("Something went wrong (a bug); the details are in the log. "
                             + self._nothing_done)
            return
        self.succeeded.emit(self.result)
