"""A CSV import run as the Import dialog runs it, timed while the window's thread is watched.

    python benchmarks/import_child.py ROWS…

Prints one JSON object. For each size, a LinkedIn-style file (benchmarks/csv_import.py) is read
and imported into a fresh workspace by a BackgroundTask, as the dialog does, while a window is
open on that workspace and a 10 ms timer on the window's thread records when it fires: the
longest wait beyond its 10 ms is how long the window could not answer. The same timer's
longest wait with nothing running is the floor.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from benchmarks.csv_import import make_file  # noqa: E402
from benchmarks.window_child import window_on  # noqa: E402
from contactmap_desktop.services.csv_import import CsvImportService, ImportOptions  # noqa: E402
from contactmap_desktop.services.workspace_service import open_workspace  # noqa: E402
from contactmap_desktop.startup import create_qt_application  # noqa: E402
from contactmap_desktop.ui.core.background_task import BackgroundTask, Report  # noqa: E402
from contactmap_desktop.ui.core.main_thread_gc import MainThreadCollector  # noqa: E402

TICK_MS = 10


def watch(until: Callable[[QEventLoop], None],
          on_tick: Callable[[], None] | None = None) -> list[float]:
    """Milliseconds between the ticks of a 10 ms timer on this thread, from its start until
    the loop quits (so a task shorter than a tick still has one wait); ``on_tick`` is called
    at each tick (the tracer of slow slices)."""
    timer = QTimer()
    timer.setInterval(TICK_MS)
    ticks = [time.perf_counter()]

    def tick() -> None:
        ticks.append(time.perf_counter())
        if on_tick is not None:
            on_tick()

    timer.timeout.connect(tick)
    loop = QEventLoop()
    timer.start()
    until(loop)
    loop.exec()
    timer.stop()
    tick()
    return [(later - earlier) * 1000 for earlier, later in zip(ticks, ticks[1:], strict=False)]


def idle(loop: QEventLoop) -> None:
    QTimer.singleShot(1000, loop.quit)


def measure(rows: int, folder: Path) -> dict[str, float]:
    path = folder / f"import-{rows}.cmap"
    open_workspace(path, create=True, backups_root=folder / "backups").close()
    opened, window = window_on(path, create_qt_application())
    account = opened.accounts.create_account(f"Import {rows:,}").value
    data = make_file(rows)
    service = CsvImportService(opened.workspace)

    def job(report: Report) -> object:
        source = service.read(data)
        return service.apply_for_undo(source, account.id, ImportOptions(source.fields), report)

    task = BackgroundTask(job)
    started = time.perf_counter()

    def run(loop: QEventLoop) -> None:
        task.finished.connect(loop.quit)
        task.start()

    gaps = watch(run)
    seconds = time.perf_counter() - started
    task.wait()
    if task.result is None:
        raise RuntimeError(f"the import of {rows:,} rows failed")
    window.close()
    opened.close()
    return {"rows_per_second": rows / seconds, "seconds": seconds,
            "longest_wait_ms": max(0.0, max(gaps) - TICK_MS),
            "p95_wait_ms": max(0.0, sorted(gaps)[int(0.95 * (len(gaps) - 1))] - TICK_MS)}


def main() -> None:
    MainThreadCollector(create_qt_application())  # collections on the window's thread, as the app
    floor = max(0.0, max(watch(idle)) - TICK_MS)
    with tempfile.TemporaryDirectory() as folder:
        sizes = {str(rows): measure(rows, Path(folder)) for rows in map(int, sys.argv[1:])}
    print(json.dumps({"idle_longest_wait_ms": floor, "sizes": sizes}))


if __name__ == "__main__":
    main()
