"""The one timer behind everything the window redoes once edits pause."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.core.edit_pause import EDIT_PAUSE_MS, EditPause
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap

# Qt's coarse timers may fire up to 5 % early, on a whole millisecond.
PAUSE_S = (0.95 * EDIT_PAUSE_MS - 1) / 1000


class Jobs:
    """Jobs that write down when they ran."""

    def __init__(self) -> None:
        self.ran: list[tuple[str, float]] = []

    def findings(self) -> None:
        self.ran.append(("findings", time.perf_counter()))

    def agenda(self) -> None:
        self.ran.append(("agenda", time.perf_counter()))

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.ran]


def test_jobs_asked_during_a_burst_run_once_after_it_in_the_order_asked(qtbot: QtBot) -> None:
    parent = QObject()
    pause, jobs = EditPause(parent), Jobs()
    for _ in range(5):  # five keys typed
        last_key = time.perf_counter()  # before the timer starts: it may fire 5 % early
        pause.call_after(jobs.agenda)
        pause.call_after(jobs.findings)
        qtbot.wait(20)
    assert jobs.ran == [] and pause.is_due(jobs.findings)

    qtbot.waitUntil(lambda: len(jobs.ran) == 2)
    assert jobs.names == ["agenda", "findings"]
    assert jobs.ran[0][1] - last_key >= PAUSE_S
    assert not pause.is_due(jobs.findings)
    qtbot.wait(EDIT_PAUSE_MS + 50)
    assert len(jobs.ran) == 2


def test_each_job_has_its_own_turn_and_an_edit_between_puts_the_rest_off(
        qtbot: QtBot) -> None:
    parent = QObject()
    pause, jobs = EditPause(parent), Jobs()
    typed_again: list[float] = []

    def agenda_then_a_key() -> None:
        jobs.agenda()
        typed_again.append(time.perf_counter())  # before the timer starts again
        pause.call_after(jobs.agenda)  # a key typed between the two jobs' turns

    pause.call_after(agenda_then_a_key)
    pause.call_after(jobs.findings)
    qtbot.waitUntil(lambda: jobs.names == ["agenda", "findings", "agenda"])
    assert jobs.ran[1][1] - typed_again[0] >= PAUSE_S


def test_soon_needs_no_pause_and_cancel_drops_a_job(qtbot: QtBot) -> None:
    parent = QObject()
    pause, jobs = EditPause(parent), Jobs()
    pause.call_after(jobs.agenda)
    pause.cancel(jobs.agenda)
    started = time.perf_counter()
    pause.call_soon(jobs.findings)
    qtbot.waitUntil(lambda: jobs.names == ["findings"])
    assert time.perf_counter() - started < EDIT_PAUSE_MS / 1000
    qtbot.wait(EDIT_PAUSE_MS + 50)
    assert jobs.names == ["findings"]


def test_run_due_runs_everything_now(qtbot: QtBot) -> None:
    parent = QObject()
    pause, jobs = EditPause(parent), Jobs()
    pause.call_after(jobs.findings)
    pause.call_after(jobs.agenda)
    pause.run_due()
    assert jobs.names == ["findings", "agenda"]
    assert not pause.is_due(jobs.findings) and not pause.is_due(jobs.agenda)


def test_a_typed_grade_leaves_the_window_features_waiting_on_the_one_pause(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    features = window.features
    pause = window.document.edit_pause
    qtbot.waitUntil(lambda: not features.coverage.pending)
    pause.run_due()
    window.map_page.grid.setCurrentIndex(window.map_page.model.index_of(small_map.cell(0, 0)))

    qtbot.keyClicks(window.map_page.grid, "S")

    assert window.document.contact_map is not None
    assert window.document.contact_map.grade(small_map.cell(0, 0)) == Grade.SATISFIED
    assert features.coverage.pending
    assert pause.is_due(features.blueprints._map_changed)
    assert pause.is_due(features.team.show_status)
    qtbot.waitUntil(lambda: not features.coverage.pending)
    assert not pause.is_due(features.blueprints._map_changed)
    assert not pause.is_due(features.team.show_status)
