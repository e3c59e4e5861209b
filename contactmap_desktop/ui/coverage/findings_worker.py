"""The open account's findings worked out on another thread, so the window never waits for them.

At 100,000 cells the rules and the replay of the grade history for the timeline take a few
hundred milliseconds of Python: on the window's thread that is a stall after every pause in
typing. The worker reads a snapshot of the map (its values are immutable, only the containers
are copied) and the settings through its own unit of work; its answer reaches the window only
if no newer request was made meanwhile.

The findings of a large account are the window's largest allocation after its map, made just
after it opens: the snapshot (1.5 MB at 1,000 × 100) is let go as soon as the job ends, not
once the answer is shown, and the timeline is replayed before the rules run, so that the
findings reuse the memory the replay worked in rather than adding to it. The window's map
holds no grade history: the timeline and the big-jump rule stream it from the workspace file
one cell at a time (storage/stored_history.py), and never hold it whole.

An answer reuses the Finding objects of the findings on screen that equal its own (after an
edit, nearly all of them). The window then keeps the objects it has, rather than freeing
14,000 and holding 14,000 new ones: those were walked by the next full collection on the
window's thread, 10-45 ms after each sync or pause in typing (ui/core/main_thread_gc.py).

A job whose answer can no longer be shown (an edit, a move of the current cell, or a newer
request came meanwhile) stops within a few milliseconds: after the rule it is in, or within
a few hundred cells of the history. Left to finish, it held the interpreter's lock against
the user's work: every call the window makes into Python waits for the lock while the
worker runs.

The snapshot's relationships and the history streamed are read a moment apart: an edit
committed in between may show in one and not yet in the other. It is never lost: the edit
asks for the findings again after the next pause, and that computation reads both anew.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.finding import Finding
from contactmap_desktop.domain.grade_timeline import DistributionPoint, account_timeline
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.ui.core.background_task import BackgroundTask, Cancelled, Report


@dataclass(frozen=True)
class WorkedOut:
    """What the worker found on one snapshot of the map."""

    account_id: str
    findings: list[Finding]
    timeline: list[DistributionPoint] | None  # None when no one would see it


class FindingsWorker(QObject):
    """One computation at a time; requests made while it runs are folded into the next one."""

    found = Signal(object)  # WorkedOut

    def __init__(self, service: FindingsService, current_map: Callable[[], ContactMap | None],
                 parent: QObject | None = None, *,
                 timeline_wanted: Callable[[], bool] = lambda: True,
                 shown: Callable[[], list[Finding]] = list) -> None:
        """``timeline_wanted``: asked as each computation starts; the timeline reads the
        whole history once more, so it is replayed only when it will be seen. ``shown``:
        the findings on screen, whose objects an answer reuses."""
        super().__init__(parent)
        self._service = service
        self._current_map = current_map
        self._timeline_wanted = timeline_wanted
        self._shown = shown
        self._task: BackgroundTask | None = None
        self._requested = False
        self._generation = 0  # counts requests; an answer for an older one is dropped
        self._stopped = False
        self._retried = False

    @property
    def busy(self) -> bool:
        return self._task is not None or self._requested

    def request(self) -> None:
        """Work out the findings of the map as it is when the computation starts."""
        if self._stopped:  # a timer that fires after the window closed starts no thread
            return
        self._generation += 1
        self._requested = True
        if self._task is None:
            self._start()

    def cancel(self) -> None:
        """Whatever is being worked out is no longer wanted (the window computed it itself)."""
        self._generation += 1
        self._requested = False

    def stop(self) -> None:
        """The window closes: no answer is wanted, and the thread must end before it goes."""
        self._stopped = True
        self.cancel()
        if self._task is not None:
            self._task.wait()

    def _start(self) -> None:
        self._requested = False
        contact_map = self._current_map()
        if contact_map is None:
            return
        generation = self._generation
        snapshots = [contact_map.snapshot()]  # emptied by the job: nothing keeps it after
        with_timeline = self._timeline_wanted()
        shown = self._shown()

        def still_wanted() -> None:
            # An edit or a newer request since: stop, rather than hold the interpreter's
            # lock against the typing for the rest of a few hundred milliseconds of rules.
            if generation != self._generation:
                raise Cancelled()

        def job(report: Report) -> WorkedOut:
            snapshot = snapshots.pop()
            timeline = account_timeline(snapshot) if with_timeline else None
            still_wanted()
            found = self._service.findings_for_map(snapshot, keep_going=still_wanted)
            return WorkedOut(snapshot.account.id, reuse_equal(shown, found, still_wanted),
                             timeline)

        task = BackgroundTask(job, self)
        task.succeeded.connect(lambda answer: self._answered(generation, answer))
        task.failed.connect(lambda _why: self._failed(generation))
        task.finished.connect(self._finished)
        self._task = task
        task.start()

    def _answered(self, generation: int, answer: WorkedOut) -> None:
        self._retried = False
        if generation == self._generation:
            self.found.emit(answer)

    def _failed(self, generation: int) -> None:
        """A read of the history the file failed half way: the history is the services'
        from then on (storage/stored_history.py), so the same request is worked out once
        more; a second failure waits for the next edit."""
        if generation == self._generation and not self._retried:
            self._retried = True
            self._requested = True  # started again once this task has finished

    def _finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        if self._requested:
            self._start()


_REUSE_CHUNK = 2000  # findings hashed between two calls of keep_going


def reuse_equal(shown: list[Finding], found: list[Finding],
                keep_going: Callable[[], None] = lambda: None) -> list[Finding]:
    """``found``, each finding equal to one of ``shown`` replaced by that one;
    ``keep_going`` is called every few thousand findings (hashing 14,000 takes 35 ms)."""
    if not shown:
        return found
    by_value: dict[Finding, Finding] = {}
    for start in range(0, len(shown), _REUSE_CHUNK):
        keep_going()
        by_value.update((finding, finding) for finding in shown[start:start + _REUSE_CHUNK])
    reused: list[Finding] = []
    for start in range(0, len(found), _REUSE_CHUNK):
        keep_going()
        reused += [by_value.get(finding, finding) for finding in found[start:start + _REUSE_CHUNK]]
    return reused
