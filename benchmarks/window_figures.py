"""Figures of the window: start-up and peak memory against a bare Qt window, opening a large
account against bare sqlite3, and the cost of a grade edit as the map grows.

Start-up and memory run whole processes (``main.py --smoke`` and a bare QMainWindow that
quits on its first paint), taking turns, after one warm-up run each; their peak memory is the
kernel's count for the process, started from a bare launcher so that the count is the process's
own. The in-window figures run in benchmarks/window_child.py.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.bundle_vs_bare import HELLO
from benchmarks.large_account import LargeAccount
from benchmarks.measure import ROOT, Figure, child_env, compared, run_script
from contactmap_desktop.services.workspace_service import open_workspace

CHILD = Path(__file__).resolve().parent / "window_child.py"
OWN_PEAK = Path(__file__).resolve().parent / "own_peak.py"


def run_process(command: list[str], env: dict[str, str], errors: Path) -> tuple[float, float]:
    """Wall seconds and the command's own peak resident memory (MB) in one run.

    The command is started through benchmarks/own_peak.py, so its peak is not raised to this
    process's size (see there)."""
    with errors.open("wb") as stderr:
        done = subprocess.run([sys.executable, "-I", "-S", str(OWN_PEAK), *command], env=env,
                              stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT, text=True,
                              check=False)
    code, seconds, kilobytes = done.stdout.split() if done.returncode == 0 else ("?", "0", "0")
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} exited {code}: "
                           f"{errors.read_text(errors='replace')[-2000:]}")
    return float(seconds), int(kilobytes) / 1024  # kilobytes on Linux


def _samples(commands: dict[str, list[str]], runs: int, folder: Path
             ) -> dict[str, list[tuple[float, float]]]:
    """Each command run ``runs`` times, taking turns, after one warm-up run each."""
    env = child_env(folder / "home")
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, command in commands.items():
            measured = run_process(command, env, folder / f"{name}.err")
            if run:  # the first run fills the disk cache and creates the user's folders
                samples[name].append(measured)
    return samples


def _median(values: list[tuple[float, float]], field: int) -> float:
    return statistics.median(value[field] for value in values)


def startup_figures(large: LargeAccount, runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        sample = folder / "sample.cmap"
        open_workspace(sample, with_sample=True, backups_root=folder / "backups").close()
        hello = folder / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        main = str(ROOT / "main.py")
        samples = _samples({
            "app": [sys.executable, main, "--smoke", "--workspace", str(sample)],
            "bare": [sys.executable, str(hello), "--smoke"],
            "large": [sys.executable, main, "--smoke", "--workspace", str(large.path)],
        }, runs, folder)
    bare_s, bare_mb = _median(samples["bare"], 0), _median(samples["bare"], 1)
    size = f"{len(large.stakeholder_ids):,} × {len(large.team_member_ids):,}"
    return [
        compared("1 start-up", "main.py --smoke, sample workspace", _median(samples["app"], 0),
                 bare_s, "s", 1.3, "floor: bare QMainWindow to its first paint"),
        compared("1 start-up", f"main.py --smoke, {size} account", _median(samples["large"], 0),
                 bare_s, "s", None),
        compared("2 large account", f"peak memory, {size} account in the window",
                 _median(samples["large"], 1), bare_mb, "MB", 2.0,
                 "floor: bare QMainWindow's peak"),
        compared("2 large account", "peak memory, sample workspace", _median(samples["app"], 1),
                 bare_mb, "MB", None),
    ]


def _child(*args: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as home:
        return run_script(CHILD, *args, env=child_env(Path(home)))


def open_figures(large: LargeAccount, runs: int) -> list[Figure]:
    result = _child("open", str(runs), str(large.path), large.account_id)
    opened, floor = float(result["open"]), float(result["floor"])
    return [compared("2 large account",
                     f"open the {large.cells:,}-cell account in the window, to painted", opened,
                     floor, "s", 3.0, "floor: the same rows read with sqlite3")]


def edit_figures(accounts: list[LargeAccount], runs: int) -> list[Figure]:
    result = _child("edits", str(runs * 3), *(str(account.path) for account in accounts))
    edits: list[float] = result["edit"]
    refreshes: list[float] = result["refresh"]
    figures = [Figure("3 edit cost", f"grade typed to cell repainted, {a.cells:,} cells", s, "s")
               for a, s in zip(accounts, edits, strict=True)]
    figures.append(Figure("3 edit cost", "grade edit, largest / smallest map", edits[-1], "s",
                          edits[0], edits[-1] / edits[0], 1.5))
    figures += [Figure("3 edit cost", f"findings refresh after edits, {a.cells:,} cells", s, "s",
                       note="deferred until typing pauses")
                for a, s in zip(accounts, refreshes, strict=True)]
    return figures
