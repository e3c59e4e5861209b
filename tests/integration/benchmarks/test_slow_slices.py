"""The wait benchmark's tracer keeps the slow slices of the event loop with what ran in them."""

from __future__ import annotations

import gc
import time

from benchmarks.slow_slices import SliceTracer


def _busy(seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass


def test_a_slow_slice_is_kept_with_its_cpu_time_collections_and_functions() -> None:
    tracer = SliceTracer(threshold_ms=20, profile=True)
    try:
        tracer.tick("typing")
        _busy(0.001)
        tracer.tick("typing")  # a fast slice: not kept
        _busy(0.04)
        gc.collect(0)
        tracer.tick("typing")
        tracer.pause()
        _busy(0.04)  # between phases: not a slice
        tracer.tick("import")
    finally:
        tracer.close()
    [slow] = tracer.slow
    assert slow.phase == "typing" and slow.wall_ms >= 40 and slow.cpu_ms > 0
    assert slow.collections and slow.collections[0].startswith("gen 0")
    assert any("_busy" in line for line in slow.functions)
    report = tracer.report()
    assert report.startswith("typing: ") and "longest slice in CPU time" in report
    assert "import" not in tracer.longest_cpu_ms
