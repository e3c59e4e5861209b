"""Python's cycle collector on the GUI thread only.

The collector runs in whichever thread happens to allocate. When a worker thread (an
import, a letter preview) triggers it and it frees a Qt object made on the GUI thread, Qt
crashes. The app therefore turns automatic collection off and collects on the GUI thread,
on a timer, as often as automatic collection would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    @staticmethod
    def collect_if_due() -> int:
        """Collect the oldest generation whose count passed its threshold, as Python would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if not due:
            return 0
        return gc.collect(max(due))
