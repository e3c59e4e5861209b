"""How long the window's thread cannot answer while the user works on a large account.

    python benchmarks/waits_child.py WORKSPACE ACCOUNT_ID ROWS [--trace | --profile]

Prints one JSON object: the longest wait of a 10 ms timer on the window's thread (beyond its
10 ms) while grades are typed with pauses (the findings worked out after each pause), while
every export runs (CSV of stakeholders and of findings, the account file, the map PDF), and
while a CSV file of ROWS people is read, previewed and imported into another account of the
same workspace as the Import dialog does (each watched on for 200 ms after the work ends, so
that the collection of what it left counts); and the same timer's longest wait with nothing
running (the floor). With each, under ``cpu``, the window's thread's own CPU time in its
longest slice of the event loop: what the window itself did, whatever the machine's load (a
waiting thread uses none).
``--trace`` also prints to stderr each slice longer than 30 ms, with that CPU time and the
collections in it; ``--profile`` adds the functions that ran (benchmarks/slow_slices.py).
"""

from __future__ import annotations

import atexit
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from benchmarks.csv_import import make_file  # noqa: E402
from benchmarks.import_child import TICK_MS, idle, watch  # noqa: E402
from benchmarks.slow_slices import SliceTracer  # noqa: E402
from benchmarks.window_child import window_on  # noqa: E402
from contactmap_desktop.domain.import_plan import PlanPreview  # noqa: E402
from contactmap_desktop.services.csv_import import (  # noqa: E402
    CsvImportService,
    ImportOptions,
    ImportSource,
)
from contactmap_desktop.startup import create_qt_application  # noqa: E402
from contactmap_desktop.ui.core.background_task import BackgroundTask, Report  # noqa: E402
from contactmap_desktop.ui.core.main_thread_gc import MainThreadCollector  # noqa: E402
from contactmap_desktop.ui.core.main_window import MainWindow  # noqa: E402
from contactmap_desktop.ui.coverage.feature import CoverageFeature  # noqa: E402
from contactmap_desktop.ui.data.feature import DataFeature  # noqa: E402
from contactmap_desktop.ui.data.import_models import PREVIEW_ROWS  # noqa: E402
from contactmap_desktop.ui.data.map_export import MapExport  # noqa: E402

KEYS = (Qt.Key.Key_O, Qt.Key.Key_S, Qt.Key.Key_I, Qt.Key.Key_T)
PAUSE_MS = 600  # longer than the findings' delay: each pause lets them be worked out
# Watched on after the work ends: the collection of what a worker left is part of its cost.
SETTLE_MS = 200


Run = Callable[[QEventLoop], None]
tracer = SliceTracer()  # every phase's slices; --profile profiles them


def longest(phase: str, run: Run) -> float:
    """The timer's longest wait beyond its 10 ms while ``run`` goes on."""
    gaps = watch(run, lambda: tracer.tick(phase))
    tracer.pause()
    return max(0.0, max(gaps) - TICK_MS)


def when(done: Callable[[], bool], then: Callable[[], None]) -> None:
    """Call ``then`` from the event loop once ``done()`` holds, checking every 20 ms."""
    QTimer.singleShot(20, lambda: then() if done() else when(done, then))


def settled(loop: QEventLoop) -> Callable[[], None]:
    """Quit ``loop`` ``SETTLE_MS`` after being called."""
    return lambda: QTimer.singleShot(SETTLE_MS, loop.quit)


def typing(window: MainWindow) -> float:
    grid = window.map_page.grid
    model = grid.model()
    coverage = window.features.coverage
    assert isinstance(coverage, CoverageFeature)
    steps = list(range(12))

    def run(loop: QEventLoop) -> None:
        def step() -> None:
            if not steps:
                when(lambda: not coverage.pending, settled(loop))
                return
            number = steps.pop(0)
            grid.setCurrentIndex(model.index(number % 7, number // 3))
            QTest.keyClick(grid, KEYS[number % len(KEYS)])
            QTimer.singleShot(PAUSE_MS if number % 4 == 3 else 60, step)
        QTimer.singleShot(0, step)

    return longest("typing", run)


def exports(window: MainWindow, folder: Path) -> float:
    data, pdf = window.features.data, window.features.map_export
    assert isinstance(data, DataFeature) and isinstance(pdf, MapExport)
    names = iter(["stakeholders.csv", "findings.csv", "account.cmacct"])
    QFileDialog.getSaveFileName = lambda *_a, **_k: (str(folder / next(names)), "")  # type: ignore[method-assign, assignment]

    def run(loop: QEventLoop) -> None:
        data.export_stakeholders()
        data.export_findings()
        data.export_account()
        pdf.export(folder / "map.pdf")
        when(lambda: not data.exports and pdf.task is None, settled(loop))

    return longest("exports", run)


def csv_import(window: MainWindow, rows: int) -> float:
    opened = window.document.opened
    account = opened.accounts.create_account(f"Import {rows:,}").value
    service = CsvImportService(opened.workspace)
    source = make_file(rows)
    # The file as read and its preview, held as the Import dialog holds them while open.
    held: list[ImportSource] = []
    shown: list[PlanPreview] = []

    def read_and_preview(report: Report) -> None:
        held.append(service.read(source))
        shown.append(service.preview_shown(held[0], account.id, ImportOptions(held[0].fields),
                                           PREVIEW_ROWS, report))

    def job(report: Report) -> object:
        return service.apply_for_undo(held[0], account.id, ImportOptions(held[0].fields),
                                      report)

    previewing, task = BackgroundTask(read_and_preview), BackgroundTask(job)

    def run(loop: QEventLoop) -> None:
        # As in the dialog: the preview's worker, a moment of looking at it, the import's.
        previewing.finished.connect(lambda: QTimer.singleShot(SETTLE_MS, task.start))
        task.finished.connect(settled(loop))
        previewing.start()

    wait = longest("import", run)
    task.wait()
    if task.result is None:
        raise RuntimeError(f"the import of {rows:,} rows failed")
    return wait


def main() -> None:
    source, account_id, rows = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    tracer.profiling = "--profile" in sys.argv[4:]
    app = create_qt_application()
    MainThreadCollector(app)  # collections on the window's thread, as the app
    scratch = Path(tempfile.mkdtemp(prefix="bench-waits-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)  # a 40 MB copy each run
    copy = scratch / source.name
    shutil.copyfile(source, copy)  # the edits and the import stay out of the shared account
    opened, window = window_on(copy, app)
    window.open_account(account_id)
    coverage = window.features.coverage
    assert isinstance(coverage, CoverageFeature)
    loop = QEventLoop()
    when(lambda: not coverage.pending, loop.quit)
    loop.exec()
    with tempfile.TemporaryDirectory() as folder:
        result = {"idle": longest("idle", idle), "typing": typing(window),
                  "exports": exports(window, Path(folder)), "import": csv_import(window, rows)}
    window.close()
    opened.close()
    tracer.close()
    if {"--trace", "--profile"} & set(sys.argv[4:]):
        print(tracer.report(), file=sys.stderr)
    print(json.dumps({**result, "cpu": tracer.longest_cpu_ms}))


if __name__ == "__main__":
    main()
