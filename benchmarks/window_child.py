"""The window's figures, measured in a fresh interpreter that benchmarks/window_figures.py starts.

    python benchmarks/window_child.py open RUNS WORKSPACE ACCOUNT_ID
    python benchmarks/window_child.py edits RUNS WORKSPACE…

Prints one JSON object. ``open``: the account opened in a full window (every feature
installed) until the window has painted, against the same rows read with sqlite3 alone, the
two taking turns. ``edits``: a grade typed on the current cell of each workspace's window until
the cell is repainted, the windows taking turns; between edits the window is left idle long
enough for the deferred findings refresh, which is timed on its own.
"""

from __future__ import annotations

import atexit
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.data_paths import read_with_sqlite  # noqa: E402
from contactmap_desktop.application import build_window  # noqa: E402
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace  # noqa: E402
from contactmap_desktop.startup import create_qt_application  # noqa: E402
from contactmap_desktop.ui.core.edit_pause import EDIT_PAUSE_MS  # noqa: E402
from contactmap_desktop.ui.core.main_window import MainWindow  # noqa: E402
from contactmap_desktop.ui.core.settings import UiSettings  # noqa: E402

BACKUPS = Path(tempfile.mkdtemp(prefix="bench-backups-"))
atexit.register(shutil.rmtree, BACKUPS, ignore_errors=True)


def settle(app: QApplication, seconds: float = (EDIT_PAUSE_MS + 150) / 1000) -> None:
    """Let the window finish what it does after an edit (deferred findings, paints)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def window_on(path: Path, app: QApplication) -> tuple[OpenWorkspace, MainWindow]:
    opened = open_workspace(path, backups_root=BACKUPS)
    window = build_window(opened, UiSettings())
    window.show()
    settle(app)
    return opened, window


def open_account(runs: int, path: Path, account_id: str) -> dict[str, float]:
    app = create_qt_application()
    opened, window = window_on(path, app)
    away = opened.accounts.create_account("Somewhere else").value.id
    app_times, floor_times = [], []
    for _ in range(runs):
        window.open_account(away)
        settle(app)
        started = time.perf_counter()
        window.open_account(account_id)
        window.repaint()  # paints the whole window now: grid, headers, docks
        app_times.append(time.perf_counter() - started)
        settle(app)
        started = time.perf_counter()
        read_with_sqlite(path, account_id)
        floor_times.append(time.perf_counter() - started)
    opened.accounts.delete_account(away)
    window.close()
    return {"open": statistics.median(app_times), "floor": statistics.median(floor_times)}


def edits(runs: int, paths: list[Path]) -> dict[str, list[float]]:
    app = create_qt_application()
    windows = [window_on(path, app)[1] for path in paths]
    for window in windows:
        grid = window.map_page.grid
        grid.setCurrentIndex(grid.model().index(0, 0))
        settle(app)
    keys = (Qt.Key.Key_O, Qt.Key.Key_S)
    edit_times: list[list[float]] = [[] for _ in windows]
    refresh_times: list[list[float]] = [[] for _ in windows]
    for number in range(runs):
        for position, window in enumerate(windows):
            grid = window.map_page.grid
            started = time.perf_counter()
            QTest.keyClick(grid, keys[number % 2])  # command, commit, model update
            app.processEvents()  # the repaint of the cell
            edit_times[position].append(time.perf_counter() - started)
            settle(app)
            coverage = window.features.coverage
            started = time.perf_counter()
            coverage.recompute()
            refresh_times[position].append(time.perf_counter() - started)
    for window in windows:
        window.close()
    return {"edit": [statistics.median(times) for times in edit_times],
            "refresh": [statistics.median(times) for times in refresh_times]}


def main() -> None:
    mode, runs = sys.argv[1], int(sys.argv[2])
    if mode == "open":
        result: object = open_account(runs, Path(sys.argv[3]), sys.argv[4])
    else:
        result = edits(runs, [Path(arg) for arg in sys.argv[3:]])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
