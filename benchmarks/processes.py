"""Running a whole process for a figure: its wall time, its own peak memory and when it
printed its ``smoke:`` lines (through benchmarks/own_peak.py)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import ROOT

OWN_PEAK = Path(__file__).resolve().parent / "own_peak.py"


@dataclass(frozen=True)
class ProcessRun:
    """One run of a command: wall seconds, its own peak memory, and when it said what."""

    seconds: float
    peak_mb: float
    marks: dict[str, float]  # ``smoke:`` line (up to its first ":") → seconds from the start

    def mark(self, name: str) -> float:
        if name not in self.marks:
            raise RuntimeError(f"the command never printed 'smoke: {name}' ({self.marks})")
        return self.marks[name]


def run_process(command: list[str], env: dict[str, str], errors: Path) -> ProcessRun:
    """One run of ``command``, started through benchmarks/own_peak.py so that its peak is
    not raised to this process's size, and its ``smoke:`` lines are timed as they arrive."""
    with errors.open("wb") as stderr:
        done = subprocess.run([sys.executable, "-I", "-S", str(OWN_PEAK), *command], env=env,
                              stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT, text=True,
                              check=False)
    lines = done.stdout.splitlines() if done.returncode == 0 else ["? 0 0"]
    code, seconds, kilobytes = lines[0].split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} exited {code}: "
                           f"{errors.read_text(errors='replace')[-2000:]}")
    marks = {}
    for line in lines[1:]:
        at, text = line.split(" ", 1)
        marks[text.split(":")[0]] = float(at)
    return ProcessRun(float(seconds), int(kilobytes) / 1024, marks)  # kilobytes on Linux


def samples_taking_turns(commands: dict[str, list[str]], runs: int, env: dict[str, str],
                         folder: Path) -> dict[str, list[ProcessRun]]:
    """Each command run ``runs`` times, taking turns, after one warm-up run each."""
    samples: dict[str, list[ProcessRun]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, command in commands.items():
            measured = run_process(command, env, folder / f"{name}.err")
            if run:  # the first run fills the disk cache and creates the user's folders
                samples[name].append(measured)
    return samples
