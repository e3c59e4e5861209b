"""What every benchmark shares: a measured figure, medians of timed runs, child processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    """One line of the table: a value, and when it has one, the floor it is compared with.

    ``ratio`` is value / floor (or, for a scaling figure, large / small); ``target`` is the
    most the ratio may be. A figure without a target is reported, not judged.
    """

    item: str
    what: str
    value: float
    unit: str
    floor: float | None = None
    ratio: float | None = None
    target: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.ratio is None or self.target is None:
            return ""
        return "ok" if self.ratio <= self.target else "MISS"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "verdict": self.verdict}


def compared(item: str, what: str, value: float, floor: float, unit: str,
             target: float | None, note: str = "") -> Figure:
    return Figure(item, what, value, unit, floor, value / floor if floor else None, target,
                  note)


def median_seconds(action: Callable[[], object], runs: int,
                   before: Callable[[], object] | None = None) -> float:
    """Median wall time of ``action`` over ``runs`` runs; ``before`` runs untimed each time."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def alternate(sides: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median of each side, the sides taking turns run by run so drift hits them alike."""
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, measure in sides.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


def child_env(home: Path | None = None) -> dict[str, str]:
    """A child's environment: offscreen Qt, and (given a folder) its own data and settings."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # An installed app runs from bytecode (pip and PyInstaller compile it); a development
    # shell that forbids writing it would add compiling every module to every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if home is not None:
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                         "XDG_CACHE_HOME"):
            env[variable] = str(home / variable.lower())
    return env


def run_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    return run_python(["-c", code, *args], env)


def run_script(script: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a benchmark script in a fresh interpreter; it prints one JSON object last."""
    return run_python([str(script), *args], env)


def run_python(arguments: list[str], env: dict[str, str] | None) -> dict[str, Any]:
    done = subprocess.run([sys.executable, *arguments], env=env or child_env(),
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
