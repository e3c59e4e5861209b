"""Python's cycle collector on the GUI thread only.

The collector runs in whichever thread happens to allocate. When a worker thread (an
import, a letter preview) triggers it and it frees a Qt object made on the GUI thread, Qt
crashes. The app therefore turns automatic collection off and collects on the GUI thread,
on a timer, as often as automatic collection would have.

A collection walks every object of the generations it collects while holding the
interpreter's lock, so the window waits that long: about 90 ms for the 235,000 objects alive
with a 1,000 × 100 account open. The collector keeps each walk short:
- The timer ticks often, so a young collection walks only the objects of the last tick.
- While a worker runs (a 100,000-row import, an export), the middle generation is collected
  with the young one at each tick: what survived the tick is walked once and moves on to the
  old generation. The timer ticks five times as often then: a worker allocates fast (what a
  100,000-row import kept in 50 ms took 20-30 ms to walk), and a tick walks only what came
  since the last. The old one is not collected until the workers are done: it holds their
  data, freed by reference counting when they end, and walking it again and again was the
  window's longest wait (130 ms); leaving the middle one to the end was the next (188 ms to
  walk a finished import's rows at once).
- What survives a full collection is frozen (``gc.freeze``): later full collections walk only
  what came after. Python waits until the objects promoted since the last one reach a quarter
  of the long-lived ones, 70,000 with the large account open (40 ms to walk, when a typing
  pause has two lists of its 14,000 findings alive); here one is due at 20,000. Python's
  quarter keeps its full collections from growing quadratic with the heap; freezing does that
  here, and counting the frozen objects (``gc.get_freeze_count`` walks them all, 20-50 ms with
  the large account) was itself a stall.
- A cycle among frozen objects that becomes garbage is not found until they are unfrozen: when
  another account is opened (``account_opened``) the next tick collects everything once, and
  freezes what lives on, the new map included. (Objects freed by reference counting go
  whether frozen or not: the import dialog's file and plan, an earlier list of findings.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 50
WORKER_INTERVAL_MS = 10  # while a worker runs
FULL_AFTER_PROMOTED = 20_000  # a full collection once this many objects were promoted
# Workers running now, and whether everything is to be collected at the next tick. The
# collector is one per process, as the heap it walks.
_workers = 0
_everything_due = False


@contextmanager
def worker_running() -> Iterator[None]:
    """Around a worker's job: until it ends, the old generation is not collected."""
    global _workers
    _workers += 1
    try:
        yield
    finally:
        _workers -= 1


def account_opened() -> None:
    """Another account's map replaced the last one: collect everything once (the old map's
    cycles, whatever was frozen with it), then freeze what lives on."""
    global _everything_due
    _everything_due = True


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._left_old = len(gc.get_objects(generation=2))  # what no full collection froze
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, as Python would,
        within the limits above."""
        global _everything_due
        interval = WORKER_INTERVAL_MS if _workers else INTERVAL_MS
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        if _everything_due and not _workers:
            _everything_due = False
            gc.unfreeze()
            return self._collect(2)
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if not due:
            return 0
        if _workers:
            return gc.collect(1)
        generation = max(due)
        if generation == 2 and not self._old_generation_grew():
            generation = 1
        return self._collect(generation)

    def _collect(self, generation: int) -> int:
        collected = gc.collect(generation)
        if generation == 2:
            gc.freeze()
            self._left_old = 0
        return collected

    def _old_generation_grew(self) -> bool:
        """Python keeps this count as it promotes; here it is read off the old generation (a
        few milliseconds per million objects), which holds what was promoted since the last
        full collection and what that one did not freeze."""
        promoted = len(gc.get_objects(generation=2)) - self._left_old
        return promoted > FULL_AFTER_PROMOTED
