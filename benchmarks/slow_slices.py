"""What the window's thread did during its long waits, for ``waits_child.py --trace``.

Between two ticks of the wait benchmark's 10 ms timer the window's thread runs one slice of
the event loop. The tracer keeps the slices longer than a threshold: their wall time, the
thread's own CPU time in them (the rest is time spent waiting for a core or for the
interpreter's lock: on a busy machine most of it), and the garbage collections that ran.
With ``profile`` it also profiles every slice (cProfile, which sees the window's thread only)
and lists the functions that took the time. Qt's own C++ work between two Python calls is not
seen by the profiler: it is the part of the slice no function accounts for. cProfile slows
Python code down, so profiled waits are longer than others: read the shares, not the figures.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import time
from dataclasses import dataclass, field
from typing import Any

SHOWN = 12  # functions listed per slow slice


@dataclass
class Slice:
    """One slow slice of the event loop and what ran in it."""

    phase: str
    wall_ms: float
    cpu_ms: float
    collections: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = (f"{self.phase}: {self.wall_ms:.0f} ms wall, {self.cpu_ms:.0f} ms CPU of the "
                f"window's thread")
        gcs = f"  collections: {', '.join(self.collections)}" if self.collections else ""
        return [head, *([gcs] if gcs else []), *(f"  {line}" for line in self.functions)]


class SliceTracer:
    """Call ``tick(phase)`` at every tick of the timer; slow slices gather in ``slow``."""

    def __init__(self, threshold_ms: float = 30.0, *, profile: bool = False) -> None:
        self.threshold_ms = threshold_ms
        self.profiling = profile
        self.longest_cpu_ms: dict[str, float] = {}
        self.slow: list[Slice] = []
        self._profile: cProfile.Profile | None = None
        self._started = (0.0, 0.0)
        self._collections: list[tuple[float, float, int, int]] = []
        self._gc_started = 0.0
        gc.callbacks.append(self._gc)

    def pause(self) -> None:
        """Between phases: the slice going on is not kept, the next tick starts afresh."""
        if self._profile is not None:
            self._profile.disable()
            self._profile = None
        self._started = (0.0, 0.0)

    def close(self) -> None:
        self.pause()
        gc.callbacks.remove(self._gc)

    def tick(self, phase: str) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        if self._profile is not None:
            self._profile.disable()
        if self._started[0]:
            wall_ms, cpu_ms = (wall - self._started[0]) * 1000, (cpu - self._started[1]) * 1000
            self.longest_cpu_ms[phase] = max(cpu_ms, self.longest_cpu_ms.get(phase, 0.0))
            if wall_ms > self.threshold_ms:
                self.slow.append(self._slice(phase, wall_ms, cpu_ms))
        self._collections = []
        self._profile = cProfile.Profile() if self.profiling else None
        self._started = (time.perf_counter(), time.thread_time())
        if self._profile is not None:
            self._profile.enable()

    def report(self) -> str:
        longest = ", ".join(f"{phase} {ms:.0f} ms" for phase, ms in self.longest_cpu_ms.items())
        return "\n".join([*(line for one in self.slow for line in one.lines()),
                          f"longest slice in CPU time of the window's thread: {longest}"])

    def _slice(self, phase: str, wall_ms: float, cpu_ms: float) -> Slice:
        collections = [f"gen {generation} {(stop - begin) * 1000:.0f} ms ({collected} freed)"
                       for begin, stop, generation, collected in self._collections]
        if self._profile is None:
            return Slice(phase, wall_ms, cpu_ms, collections)
        stats: dict[Any, Any] = pstats.Stats(self._profile).stats  # type: ignore[attr-defined]
        rows = sorted(stats.items(), key=lambda item: item[1][3], reverse=True)[:SHOWN]
        functions = [f"{ct * 1000:7.1f} cum {tt * 1000:7.1f} own {calls:>7}×  "
                     f"{_where(key)}" for key, (_cc, calls, tt, ct, _callers) in rows]
        return Slice(phase, wall_ms, cpu_ms, collections, functions)

    def _gc(self, event: str, info: dict[str, int]) -> None:
        if event == "start":
            self._gc_started = time.perf_counter()
        else:
            self._collections.append((self._gc_started, time.perf_counter(),
                                      info["generation"], info["collected"]))


def _where(key: tuple[str, int, str]) -> str:
    path, line, name = key
    if path == "~":
        return name
    short = path.split("contactmap_desktop/")[-1].split("site-packages/")[-1]
    return f"{short}:{line} {name}"
