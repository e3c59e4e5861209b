"""The app's cycle collection happens on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_thread_gc import (
    FULL_AFTER_PROMOTED,
    INTERVAL_MS,
    WORKER_INTERVAL_MS,
    MainThreadCollector,
    account_opened,
    worker_running,
)


class _Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _freed.append(threading.current_thread().name)


_freed: list[str] = []


def test_cycles_are_collected_by_the_timer_on_the_gui_thread(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled()
        threshold = gc.get_threshold()[0]
        _freed.clear()

        def allocate_in_a_worker() -> None:
            # Well past the threshold: objects of earlier tests freed meanwhile lower the count.
            for _ in range(threshold * 20):
                _Cycle()

        worker = threading.Thread(target=allocate_in_a_worker, name="worker")
        worker.start()
        worker.join()
        assert _freed == []  # nothing was collected in the worker
        qtbot.waitUntil(lambda: bool(_freed), timeout=INTERVAL_MS * 20)
        assert set(_freed) == {threading.main_thread().name}
    finally:
        collector.deleteLater()


def _generations_collected() -> tuple[list[int], object]:
    generations: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    gc.callbacks.append(seen)
    return generations, seen


def test_while_a_worker_runs_the_old_generation_waits(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    generations, seen = _generations_collected()
    try:
        with worker_running():
            kept = [[] for _ in range(gc.get_threshold()[0] * 30)]
            for _ in range(gc.get_threshold()[2] + 2):
                # Each tick's survivors move on at once: the old generation comes due.
                kept += [[] for _ in range(gc.get_threshold()[0] + 1)]
                collector.collect_if_due()
        assert generations and set(generations) == {1}
        kept += [[] for _ in range(gc.get_threshold()[0] * 30)]  # a quarter more, and more
        kept += [[] for _ in range(len(gc.get_objects(generation=2)) // 3)]
        gc.collect(1)
        collector.collect_if_due()
        assert generations[-1] == 2  # the worker is done: the old one too
    finally:
        gc.callbacks.remove(seen)
        collector.deleteLater()


def test_what_survives_a_full_collection_is_frozen_until_another_account(
        qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    try:
        _freed.clear()
        kept = [_Cycle()]  # alive now: frozen with the rest
        account_opened()
        collector.collect_if_due()
        frozen = gc.get_freeze_count()
        assert frozen > 0 and not gc.get_objects(generation=2)
        kept.clear()  # a cycle among frozen objects: no full collection finds it now
        gc.collect(2)
        assert _freed == []
        account_opened()  # another account: everything is walked once
        collector.collect_if_due()
        assert _freed == [threading.main_thread().name]
        assert gc.get_freeze_count() > 0
    finally:
        collector.deleteLater()



def _not_counted() -> int:
    raise AssertionError("the frozen objects were counted: that walks them all")


def test_a_full_collection_comes_once_enough_was_promoted_frozen_uncounted(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc, "get_freeze_count", _not_counted)
    collector = MainThreadCollector()
    account_opened()
    collector.collect_if_due()  # everything alive is frozen now
    generations, seen = _generations_collected()
    try:
        kept = [[] for _ in range(FULL_AFTER_PROMOTED - 5000)]
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)  # promoted to the old generation; a full collection is asked for
        collector.collect_if_due()
        assert generations[-1] == 1  # not enough yet, however small the frozen heap
        kept += [[] for _ in range(10_000)]
        gc.collect(1)
        collector.collect_if_due()
        assert generations[-1] == 2
        assert not gc.get_objects(generation=2)  # and what survived it is frozen
    finally:
        gc.callbacks.remove(seen)
        collector.deleteLater()


def test_the_timer_ticks_faster_while_a_worker_runs(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    timer = collector.findChild(QTimer)
    try:
        with worker_running():
            collector.collect_if_due()
            assert timer.interval() == WORKER_INTERVAL_MS  # each walk covers less
        collector.collect_if_due()
        assert timer.interval() == INTERVAL_MS
    finally:
        collector.deleteLater()
