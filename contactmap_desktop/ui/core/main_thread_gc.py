"""Python's cycle collector on the GUI thread only.

The collector runs in whichever thread happens to allocate. When a worker thread (an
import, a letter preview) triggers it and it frees a Qt object made on the GUI thread, Qt
crashes. The app therefore turns automatic collection off and collects on the GUI thread,
on a timer, as often as automatic collection would have.

The timer ticks often, so each young collection walks only the objects of the last tick. While
a worker runs (a 100,000-row import) only the young generation is collected: the older ones
hold the worker's data, alive until it ends and then freed by reference counting, and walking
them again and again was the window's longest wait (130 ms). A full collection, which walks
every object alive, waits as in Python until the objects promoted since the last one reach a
quarter of those that survived it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 50
FULL_AFTER_GROWTH = 4  # a full collection once the old generation grew by a quarter
# Workers running now. The collector is one per process, as this count is.
_workers = 0


@contextmanager
def worker_running() -> Iterator[None]:
    """Around a worker's job: until it ends, only young objects are collected."""
    global _workers
    _workers += 1
    try:
        yield
    finally:
        _workers -= 1


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._long_lived = len(gc.get_objects(generation=2))
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, as Python would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if not due:
            return 0
        generation = 0 if _workers else max(due)
        if generation == 2 and not self._old_generation_grew():
            generation = 1
        collected = gc.collect(generation)
        if generation == 2:
            self._long_lived = len(gc.get_objects(generation=2))
        return collected

    def _old_generation_grew(self) -> bool:
        """Python keeps this count as it promotes; here it is read off the old generation, a
        few milliseconds per million objects, at most once per collection of the middle one."""
        promoted = len(gc.get_objects(generation=2)) - self._long_lived
        return promoted > self._long_lived // FULL_AFTER_GROWTH
