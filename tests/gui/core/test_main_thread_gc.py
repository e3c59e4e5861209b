"""The app's cycle collection happens on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_thread_gc import (
    INTERVAL_MS,
    MainThreadCollector,
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


def test_while_a_worker_runs_only_young_objects_are_collected(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    generations: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        with worker_running():
            kept = [[] for _ in range(gc.get_threshold()[0] * 30)]
            for _ in range(gc.get_threshold()[1] + 2):
                gc.collect(0)  # the middle generation comes due
                kept += [[] for _ in range(gc.get_threshold()[0] + 1)]
            collector.collect_if_due()
        assert generations[-1] == 0
        collector.collect_if_due()
        assert generations[-1] >= 1  # the worker is done: the older ones again
    finally:
        gc.callbacks.remove(seen)
        collector.deleteLater()
