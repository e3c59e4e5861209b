"""Work that waits until edits pause: one timer and one interval for the whole window.

Typing grades sends one change set per key. What needs only the map as it ends up (the
findings, the plans' current grades, the agenda, the team's waiting count) asks to run after
the pause instead: every request restarts the timer, and once it runs out each job asked for
runs once, one per turn of the event loop, so the window never waits for all of them at once.
An edit made between those turns puts the rest off until the next pause.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# Longer than the gap between keys of someone typing grades, short enough to feel immediate.
EDIT_PAUSE_MS = 150

Job = Callable[[], None]


class EditPause(QObject):
    """Runs each job asked for once edits have paused for ``EDIT_PAUSE_MS``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._due: dict[Job, None] = {}  # an ordered set: first asked, first run
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_next)

    def call_after(self, job: Job) -> None:
        """Run ``job`` once edits pause (once, however often it is asked for meanwhile)."""
        self._due[job] = None
        self._timer.start(EDIT_PAUSE_MS)

    def call_soon(self, job: Job) -> None:
        """Run ``job`` at the next turn of the event loop, with nothing to wait for (another
        account opened: the grid paints first, then the job runs)."""
        self._due[job] = None
        self._timer.start(0)

    def cancel(self, job: Job) -> None:
        self._due.pop(job, None)
        if not self._due:
            self._timer.stop()

    def is_due(self, job: Job) -> bool:
        return job in self._due

    def run_due(self) -> None:
        """Run every job that is due now, as if edits had paused (a test's pause in typing)."""
        self._timer.stop()
        while self._due:
            self._take_next()()

    def _run_next(self) -> None:
        if self._due:
            job = self._take_next()
            if self._due:
                self._timer.start(0)  # the next job at the next turn, unless an edit comes first
            job()

    def _take_next(self) -> Job:
        job = next(iter(self._due))
        del self._due[job]
        return job
