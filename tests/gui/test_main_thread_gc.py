"""The app's cycle collection happens on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.main_thread_gc import INTERVAL_MS, MainThreadCollector


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
            for _ in range(threshold * 3):
                _Cycle()

        worker = threading.Thread(target=allocate_in_a_worker, name="worker")
        worker.start()
        worker.join()
        assert _freed == []  # nothing was collected in the worker
        qtbot.wait(INTERVAL_MS * 2 + 100)
        assert _freed and set(_freed) == {threading.main_thread().name}
    finally:
        collector.deleteLater()
