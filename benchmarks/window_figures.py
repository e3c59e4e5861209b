"""Figures of the window: start-up and peak memory against a bare Qt window, opening a large
account against bare sqlite3, and the cost of a grade edit as the map grows.

Start-up and memory run whole processes (``main.py --smoke``, which ends once the window's
findings are shown, a bare QMainWindow that quits on its first paint, and the same window with
SQLAlchemy's ORM imported), taking turns, after one warm-up run each; their peak memory is the
kernel's count for the process, started from a bare launcher so that the count is the
process's own. Start-up is compared with the bare window's
first paint; peak memory with the stack's own floor, the bare window with the ORM loaded (no
app on this stack can weigh less). The in-window figures run in benchmarks/window_child.py.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bundle_vs_bare import HELLO
from benchmarks.large_account import LargeAccount
from benchmarks.measure import ROOT, Figure, child_env, compared, run_script
from benchmarks.processes import ProcessRun, samples_taking_turns
from contactmap_desktop.services.workspace_service import open_workspace

CHILD = Path(__file__).resolve().parent / "window_child.py"
# The stack's own floor: the bare window with the ORM every workspace is read through.
HELLO_WITH_ORM = HELLO.replace("import sys\n", "import sys\nimport sqlalchemy.orm\n", 1)
IMPORT_CHILD = Path(__file__).resolve().parent / "import_child.py"
WAITS_CHILD = Path(__file__).resolve().parent / "waits_child.py"
WAIT_GOAL_S = 0.050  # no wait over 50 ms on the window's thread


def startup_figures(large: LargeAccount, runs: int) -> list[Figure]:
    """``--smoke`` prints a line when its first frame is painted and one when the window
    with the account is; the bare window prints the first when it paints, then quits."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        sample = folder / "sample.cmap"
        open_workspace(sample, with_sample=True, backups_root=folder / "backups").close()
        hello = folder / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        hello_orm = folder / "hello_orm.py"
        hello_orm.write_text(HELLO_WITH_ORM, encoding="utf-8")
        main = str(ROOT / "main.py")
        samples = samples_taking_turns({
            "app": [sys.executable, main, "--smoke", "--workspace", str(sample)],
            "bare": [sys.executable, str(hello), "--smoke"],
            "bare+orm": [sys.executable, str(hello_orm), "--smoke"],
            "large": [sys.executable, main, "--smoke", "--workspace", str(large.path)],
        }, runs, child_env(folder / "home"), folder)

    def median(name: str, figure: Callable[[ProcessRun], float]) -> float:
        return statistics.median(figure(run) for run in samples[name])

    def peaks(name: str) -> str:
        """The spread of a peak over the runs, and of its ratio to the floor run beside it."""
        values = [run.peak_mb for run in samples[name]]
        ratios = [run.peak_mb / floor.peak_mb
                  for run, floor in zip(samples[name], samples["bare+orm"], strict=True)]
        return (f"{len(values)} runs: {min(values):.0f}–{max(values):.0f} MB, ratio "
                f"{min(ratios):.2f}–{max(ratios):.2f}; the run ends once the findings are shown")

    first_frame = median("bare", lambda run: run.mark("first frame painted"))
    stack_mb = median("bare+orm", lambda run: run.peak_mb)
    size = f"{len(large.stakeholder_ids):,} × {len(large.team_member_ids):,}"
    return [
        compared("1 start-up", "main.py --smoke, sample workspace: first frame",
                 median("app", lambda run: run.mark("first frame painted")), first_frame, "s",
                 1.3, "floor: bare QMainWindow to its first paint"),
        compared("1 start-up", "main.py --smoke, sample workspace: window with the account "
                 "painted", median("app", lambda run: run.mark("window painted")), first_frame,
                 "s", 3.0, "the splash shows until then"),
        compared("1 start-up", f"main.py --smoke, {size} account: window painted",
                 median("large", lambda run: run.mark("window painted")), first_frame, "s",
                 4.0),
        compared("2 large account", f"peak memory, {size} account in the window",
                 median("large", lambda run: run.peak_mb), stack_mb, "MB", 1.6,
                 f"floor: bare QMainWindow with SQLAlchemy's ORM imported; {peaks('large')}"),
        compared("2 large account", "peak memory, sample workspace",
                 median("app", lambda run: run.peak_mb), stack_mb, "MB", None, peaks("app")),
    ]


def _child(*args: str, script: Path = CHILD) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as home:
        return run_script(script, *args, env=child_env(Path(home)))


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


def import_figures(sizes: tuple[int, ...]) -> list[Figure]:
    """CSV imports run as the Import dialog runs them, with the window's thread watched."""
    result = _child(*(str(rows) for rows in sizes), script=IMPORT_CHILD)
    idle_ms: float = result["idle_longest_wait_ms"]
    figures = []
    for rows in sizes:
        measured = result["sizes"][str(rows)]
        figures += [
            Figure("6 CSV import", f"{rows:,} rows, file to workspace",
                   measured["rows_per_second"], "rows/s",
                   note=f"{measured['seconds']:.2f} s, in the background as the dialog runs it"),
            Figure("6 CSV import", f"window's longest wait during the {rows:,}-row import",
                   measured["longest_wait_ms"] / 1000, "s", idle_ms / 1000,
                   note=f"95 % of waits under {measured['p95_wait_ms']:.1f} ms; a pause is "
                        "felt from about 100 ms; floor: the same timer, nothing running"),
        ]
    return figures


def wait_figures(large: LargeAccount, import_rows: int) -> list[Figure]:
    """The longest wait of a 10 ms timer on the window's thread while the user works on the
    large account; the ratio is to the 50 ms goal, the floor the same timer with nothing
    running (on a busy machine the floor itself can pass the goal). The note gives the
    window's own CPU time in its longest slice, which the machine's load does not inflate."""
    result = _child(str(large.path), large.account_id, str(import_rows), script=WAITS_CHILD)
    idle_s = float(result["idle"]) / 1000
    size = f"{len(large.stakeholder_ids):,} × {len(large.team_member_ids):,}"
    what = {
        "typing": "grades typed, findings worked out at each pause",
        "exports": "CSV of people and findings, account file and map PDF at once",
        "import": f"{import_rows:,}-row CSV previewed and imported into another account",
    }
    return [Figure("2 no stalls", f"window's longest wait, {size}: {label}",
                   float(result[key]) / 1000, "s", idle_s,
                   float(result[key]) / 1000 / WAIT_GOAL_S, 1.0,
                   f"the window's own CPU in its longest slice: {result['cpu'][key]:.0f} ms; "
                   "ratio to the 50 ms goal; floor: the same timer, nothing running")
            for key, label in what.items()]
