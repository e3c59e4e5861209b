"""The team sync benchmark's window waits: the CPU time beside each is the slice tracer's."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.slow_slices import SliceTracer
from benchmarks.team_sync import _longest_wait


def _busy(seconds: float) -> None:
    """Spend this much of the thread's own CPU time: a wall-clock spin gets less when other
    processes take the core, and the test would then depend on the machine's load."""
    deadline = time.thread_time() + seconds
    while time.thread_time() < deadline:
        pass


def test_a_wait_gives_the_cpu_time_the_tracer_counted_in_its_slowest_slice(
        qapp: QApplication) -> None:
    tracer = SliceTracer()

    def events_for(seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            qapp.processEvents()
            time.sleep(0.002)

    try:
        wait, cpu = _longest_wait(lambda: QTimer.singleShot(30, lambda: _busy(0.06)),
                                  lambda: events_for(0.3), tracer, "sync 1: 200 edits")
        assert _longest_wait(lambda: None, lambda: events_for(0.1), tracer, "idle")[1] < cpu
    finally:
        tracer.close()
    assert wait >= 0.06 and cpu >= 0.05
    assert cpu == tracer.longest_cpu_ms["sync 1: 200 edits"] / 1000
