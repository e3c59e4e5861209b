"""The coverage docks in the window follow the grid and the edits, and lead back to the map."""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, FocusPeriod
from contactmap_desktop.storage.stored_history import StoredHistory
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.coverage import findings_worker
from contactmap_desktop.ui.coverage.feature import CoverageFeature
from contactmap_desktop.ui.coverage.findings_worker import FindingsWorker, WorkedOut
from tests.helpers.builders import SmallMap


def _coverage(window: MainWindow) -> CoverageFeature:
    feature = window.features.coverage
    assert isinstance(feature, CoverageFeature)
    return feature


def test_findings_follow_edits_and_lead_to_the_cell(qtbot: QtBot, window: MainWindow,
                                                    small_map: SmallMap) -> None:
    coverage = _coverage(window)
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(1, 2))
    qtbot.keyClick(grid, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: any(f.rule is Rule.BELOW_SATISFIED for f in coverage.findings))
    concern = next(f for f in coverage.findings if f.rule is Rule.BELOW_SATISFIED)
    grid.setCurrentIndex(grid.model().index(0, 0))
    coverage.findings_panel.finding_activated.emit(concern)
    assert grid.current_cell() == small_map.cell(1, 2)
    concerns = sum(1 for f in coverage.findings if f.severity.value == "concern")
    assert coverage.findings_panel.summary.text().startswith(f"{concerns} concerns")
    assert coverage.findings_dock.windowTitle() == f"Findings ({len(coverage.findings)})"


def test_details_and_history_show_the_selected_cell(qtbot: QtBot, window: MainWindow,
                                                    small_map: SmallMap) -> None:
    coverage = _coverage(window)
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    window.map_page.set_grades({small_map.cell(0, 0): Grade.SATISFIED})
    window.map_page.set_grades({small_map.cell(0, 0): Grade.OPEN})
    window.map_page.grid.go_to(small_map.cell(0, 0))
    assert "Rep One" in coverage.details_panel.text()
    assert coverage.history_panel.model.rowCount() == 2
    assert "2 grade changes" in coverage.history_panel.heading.text()


def test_the_window_reads_history_big_jumps_and_timeline_from_the_file(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    """The window's map holds no history: each read goes to the workspace file, and sees
    every edit as soon as it is committed (undo of a review included)."""
    coverage = _coverage(window)
    contact_map = window.document.contact_map
    assert contact_map is not None and isinstance(contact_map.history, StoredHistory)
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    jumped = small_map.cell(0, 2)
    window.map_page.set_grades({jumped: Grade.DISSATISFIED})
    window.map_page.set_grades({jumped: Grade.TRUST})  # three levels at once
    window.map_page.set_grades({jumped: Grade.TRUST})  # a review
    window.map_page.grid.go_to(jumped)
    assert "2 grade changes, 1 review" in coverage.history_panel.heading.text()
    window.document.undo_stack.undo()  # the review is taken back out of the history
    assert coverage.history_panel.heading.text().split(": ")[1] == "2 grade changes"

    window.document.edit_pause.run_due()
    qtbot.waitUntil(lambda: not coverage.pending)
    assert [f.cells for f in coverage.findings if f.rule is Rule.BIG_JUMP] == [(jumped,)]
    qtbot.waitUntil(lambda: bool(coverage.history_panel.timeline.points()))
    assert coverage.history_panel.timeline.points()[-1].counts[Grade.TRUST] == 1
    assert [len(changes) for _cell, changes in contact_map.histories()] == [2]


def test_findings_follow_a_history_read_the_file_failed_half_way(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The read ends as a known error, and the findings are worked out again at once, from
    the services' read of the history."""
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    for cell in (small_map.cell(0, 0), small_map.cell(0, 1), small_map.cell(1, 2)):
        window.map_page.set_grades({cell: Grade.SATISFIED})
        window.map_page.set_grades({cell: Grade.TRUST})
    rows = StoredHistory._rows
    failures: list[bool] = []

    def failing_once_half_way(history: StoredHistory, query: str, *cell: str
                              ) -> Iterator[object]:
        for number, row in enumerate(rows(history, query, *cell)):
            if number == 3 and not failures:  # once the first cell was given
                failures.append(True)
                raise sqlite3.DatabaseError("database disk image is malformed")
            yield row

    monkeypatch.setattr(StoredHistory, "_rows", failing_once_half_way)
    # Parented to the window, as the feature's own worker is: a worker left to Python's
    # collector was freed at an arbitrary moment with its thread's deleteLater still queued,
    # and the event loop then crashed deleting the thread (2 runs in 10).
    worker = FindingsWorker(coverage.findings_service, lambda: window.document.contact_map,
                            window)
    answers: list[WorkedOut] = []
    worker.found.connect(answers.append)
    worker.request()
    qtbot.waitUntil(lambda: not worker.busy)

    assert failures == [True]
    assert [len([f for f in answer.findings if f.rule is Rule.BIG_JUMP])
            for answer in answers] == [3]
    worker.stop()


def test_a_note_on_a_grade_change_is_saved_and_undone(qtbot: QtBot, window: MainWindow,
                                                      small_map: SmallMap,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    coverage = _coverage(window)
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    window.map_page.set_grades({small_map.cell(0, 1): Grade.TRUST})
    window.map_page.grid.go_to(small_map.cell(0, 1))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *_args: ("Met at the trade fair, then two workshops", True))
    table = coverage.history_panel.table
    table.doubleClicked.emit(table.model().index(0, 0))
    note = lambda: window.document.opened.contact_maps.load_map(  # noqa: E731
        small_map.account.id).history_of(small_map.cell(0, 1))[0].note
    assert note() == "Met at the trade fair, then two workshops"
    assert coverage.history_panel.model.change_at(0).note == note()  # type: ignore[union-attr]
    window.document.undo_stack.undo()
    assert note() == ""


def test_focus_filter_hides_what_needs_no_action(qtbot: QtBot, window: MainWindow,
                                                 small_map: SmallMap) -> None:
    coverage = _coverage(window)
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED,
                                small_map.cell(0, 0): Grade.OPEN})
    coverage.recompute()
    coverage.focus.set_period(FocusPeriod.DAYS_30)
    grid = window.map_page.grid
    assert [grid.isColumnHidden(c) for c in range(3)] == [True, True, False]
    assert [grid.isRowHidden(r) for r in range(2)] == [True, False]
    coverage.focus.set_period(None)
    assert not any(grid.isColumnHidden(c) for c in range(3))


def test_another_account_shows_at_once_and_its_findings_follow(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: bool(coverage.findings))
    window.document.open_account(window.document.account_id)
    assert coverage.findings == []
    assert coverage.findings_panel.summary.text() == "Reading the map…"
    assert sum(coverage.findings_panel.model.count(severity) for severity in Severity) == 0
    qtbot.waitUntil(lambda: bool(coverage.findings))
    assert coverage.findings_dock.windowTitle() == f"Findings ({len(coverage.findings)})"


def test_findings_are_worked_out_off_the_window_thread_and_only_current_ones_shown(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    threads: list[bool] = []
    service = coverage.findings_service
    compute = service.findings_for_map

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(QThread.currentThread() is QApplication.instance().thread())  # type: ignore[union-attr]
        return compute(*args, **kwargs)

    service.findings_for_map = watched  # type: ignore[method-assign]
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    qtbot.waitUntil(lambda: any(f.rule is Rule.BELOW_SATISFIED for f in coverage.findings))
    assert threads and not any(threads)  # never on the window's thread
    qtbot.waitUntil(lambda: not coverage.pending)
    window.map_page.set_grades({small_map.cell(1, 2): Grade.OPEN})
    window.document.edit_pause.run_due()  # the pause in typing, now
    window.map_page.set_grades({small_map.cell(1, 2): Grade.MOTIVATED})  # while it computes
    qtbot.waitUntil(lambda: not coverage.pending)
    assert any(f.rule is Rule.BELOW_SATISFIED and small_map.cell(1, 2) in f.cells
               for f in coverage.findings)  # the map as it is, not the answer for Open


@pytest.mark.parametrize("interruption", ["edit", "move"])
def test_findings_being_worked_out_stop_when_the_user_edits_or_moves(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, interruption: str) -> None:
    """They wait for the next pause: left to finish, they held the interpreter's lock against
    the user's work (an edit makes them useless besides)."""
    coverage = _coverage(window)
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.waitUntil(lambda: not coverage.pending)
    service = coverage.findings_service
    compute = service.findings_for_map
    rules_run: list[int] = []  # per computation, the rules it finished
    interrupted = threading.Event()

    def watched(contact_map: ContactMap, thresholds: object = None,
                keep_going: Callable[[], None] = lambda: None) -> list[Finding]:
        rules_run.append(0)

        def counted() -> None:
            rules_run[-1] += 1
            if len(rules_run) == 1:
                interrupted.wait(10)  # the user is back while the first rule's answer is out
            keep_going()

        return compute(contact_map, None, counted)

    service.findings_for_map = watched  # type: ignore[method-assign]
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    window.document.edit_pause.run_due()  # the pause in typing: the worker starts
    qtbot.waitUntil(lambda: rules_run == [1])
    if interruption == "edit":
        window.map_page.set_grades({small_map.cell(1, 2): Grade.OPEN})
    else:
        qtbot.keyClick(grid, Qt.Key.Key_Right)
        assert grid.current_cell() == small_map.cell(0, 1)
    interrupted.set()
    window.document.edit_pause.run_due()  # the next pause: worked out again, in full
    qtbot.waitUntil(lambda: not coverage.pending)
    assert rules_run[0] == 1 and rules_run[-1] > 1  # the first stopped after its first rule
    below = any(f.rule is Rule.BELOW_SATISFIED and small_map.cell(1, 2) in f.cells
                for f in coverage.findings)
    assert below is (interruption == "move")  # the map as it is


def test_findings_an_edit_left_alone_keep_their_objects(qtbot: QtBot, window: MainWindow,
                                                        small_map: SmallMap) -> None:
    """The window keeps the findings it shows that an edit did not change: a new object for
    each of 14,000 findings was walked by the next full collection on its thread."""
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    before = {id(f): f for f in coverage.findings}
    assert len(before) > 1
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    qtbot.waitUntil(lambda: any(f.rule is Rule.BELOW_SATISFIED for f in coverage.findings))
    kept = [f for f in coverage.findings if id(f) in before]
    new = [f for f in coverage.findings if id(f) not in before]
    assert kept and new
    assert not any(f in before.values() for f in new)  # only what changed is new


def test_reusing_the_findings_on_screen_asks_to_keep_going_every_few_thousand() -> None:
    def finding(number: int) -> Finding:
        return Finding(Rule.NOT_REVIEWED, Severity.INFO, str, (number,))

    shown = [finding(n) for n in range(4500)]
    found = [finding(n) for n in range(4000, 9000)]  # 500 equal to those on screen
    asked: list[int] = []
    reused = findings_worker.reuse_equal(shown, found, lambda: asked.append(1))
    assert reused == found and len(asked) == 3 + 3
    assert [r is s for r, s in zip(reused, shown[4000:], strict=False)] == [True] * 500


def test_no_findings_thread_starts_once_the_window_closed(qtbot: QtBot, window: MainWindow,
                                                          small_map: SmallMap) -> None:
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    assert coverage.pending
    window.close()
    worker = coverage._worker
    before = worker._task
    window.document.edit_pause.run_due()  # findings due just as the window closed (--smoke)
    # No thread is started or asked for: one still running when the app exits aborts it.
    assert worker._task is before and not worker._requested
    assert before is None or before.isFinished()


def test_the_worker_lets_go_of_its_snapshot_when_its_job_ends(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    snapshots: list[weakref.ref[ContactMap]] = []
    take = ContactMap.snapshot

    def watched(contact_map: ContactMap) -> ContactMap:
        snapshot = take(contact_map)
        snapshots.append(weakref.ref(snapshot))
        return snapshot

    monkeypatch.setattr(ContactMap, "snapshot", watched)
    window.map_page.set_grades({small_map.cell(1, 2): Grade.DISSATISFIED})
    window.document.edit_pause.run_due()
    qtbot.waitUntil(lambda: not coverage.pending)
    assert any(f.rule is Rule.BELOW_SATISFIED for f in coverage.findings)
    # Freed by reference counting once the job returned: the answer holds the account's id.
    assert snapshots and all(ref() is None for ref in snapshots)


def test_the_history_panel_behind_details_reads_nothing_until_shown(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each read of a cell's changes goes to the workspace file: behind the Details panel,
    where the History panel starts, typing grades reads none; shown, it reads the cell the
    user is on."""
    coverage = _coverage(window)
    reads: list[CellRef] = []
    of = StoredHistory.of
    monkeypatch.setattr(StoredHistory, "of",
                        lambda history, cell: reads.append(cell) or of(history, cell))
    grid = window.map_page.grid
    grid.go_to(small_map.cell(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_S)
    qtbot.keyClick(grid, Qt.Key.Key_O)
    grid.go_to(small_map.cell(1, 0))
    qtbot.keyClick(grid, Qt.Key.Key_T)
    assert reads == []

    coverage.history_dock.raise_()
    assert reads == [small_map.cell(1, 0)]
    assert "1 grade change" in coverage.history_panel.heading.text()
    grid.go_to(small_map.cell(0, 1))  # on screen: it follows the selection at once
    assert coverage.history_panel.model.rowCount() == 2


def test_the_timeline_is_replayed_only_while_the_history_panel_is_on_screen(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeline reads the whole history from the file a second time: behind the Details
    panel the worker leaves it out; shown, the panel gets it from the worker's thread."""
    coverage = _coverage(window)
    qtbot.waitUntil(lambda: not coverage.pending)
    replayed_on: list[bool] = []
    replay = findings_worker.account_timeline
    monkeypatch.setattr(findings_worker, "account_timeline", lambda contact_map: (
        replayed_on.append(QThread.currentThread() is QApplication.instance().thread())
        or replay(contact_map)))
    window.map_page.set_grades({small_map.cell(0, 0): Grade.OPEN})
    window.document.edit_pause.run_due()
    qtbot.waitUntil(lambda: not coverage.pending)
    assert replayed_on == [] and coverage.findings

    coverage.history_dock.raise_()
    qtbot.waitUntil(lambda: bool(coverage.history_panel.timeline.points()))
    assert replayed_on == [False]  # once, off the window's thread
    assert coverage.history_panel.timeline.points()[-1].counts[Grade.OPEN] == 1
