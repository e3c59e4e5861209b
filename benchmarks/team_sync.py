"""Team sync against a private PostgreSQL server on loopback (started and stopped here).

    python benchmarks/team_sync.py [--stakeholders 1000] [--team 100] [--runs 15] [--no-window]
                                   [--batch 200 2000] [--window-runs 3]

Prints: the first sync of the large account (sending it from one laptop, receiving it on
another) against a COPY of the same rows into a plain table of the same shape (the floor:
the server cannot take the rows faster); the median time of an incremental sync of one
edit; and the window's longest wait (a 10 ms timer on its thread) while a background sync
brings in a batch of edits from another laptop, for each batch size, and the second after.
Beside each wait, the window thread's own CPU time in its longest slice: on a busy machine
the wait grows with the others' work, this much less (the thread waiting for a core or
for the interpreter's lock is not counted).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from benchmarks.large_account import build_large_account  # noqa: E402
from benchmarks.slow_slices import SliceTracer  # noqa: E402
from contactmap_desktop.domain.grades import Grade  # noqa: E402
from contactmap_desktop.domain.model import CellRef  # noqa: E402
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace  # noqa: E402
from tests.helpers.postgres_server import start_server  # noqa: E402
from tests.helpers.team_logins import new_login, prepared  # noqa: E402


def _open(path: Path) -> OpenWorkspace:
    return open_workspace(path, backups_root=path.parent / f"{path.stem}-backups")


def _copy_floor(url: str) -> tuple[float, int]:
    """Seconds to COPY the server's change rows into a plain table of the same columns."""
    with psycopg.connect(url) as connection:
        buffer = io.BytesIO()
        with connection.cursor().copy(
                "COPY (SELECT change_id, account_id, section, record_key, fields, bases, stamp,"
                " login FROM contactmap.changes) TO STDOUT") as copy:
            for data in copy:
                buffer.write(data)
        rows = connection.execute("SELECT count(*) FROM contactmap.changes").fetchone()
        connection.execute("CREATE TABLE copy_floor (seq bigserial PRIMARY KEY, change_id uuid"
                           " UNIQUE, account_id text, section text, record_key text, fields"
                           " jsonb, bases jsonb, stamp text, login name)")
        connection.commit()
        started = time.perf_counter()
        with connection.cursor().copy(
                "COPY copy_floor (change_id, account_id, section, record_key, fields, bases,"
                " stamp, login) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        connection.commit()
        return time.perf_counter() - started, int(rows[0]) if rows else 0


# About how long a sync of a burst takes here: the floor is timed for as long.
SYNC_SECONDS = 1.0


Wait: TypeAlias = tuple[float, float]  # the longest gap and the longest CPU time of a slice


def _longest_wait(start: Callable[[], object], until_done: Callable[[], object],
                  tracer: SliceTracer, phase: str) -> Wait:
    """The longest gap between ticks of a 10 ms timer from ``start`` to ``until_done``, and
    the most CPU time the window's thread spent between two ticks (the tracer's count of
    ``phase``, a name of its own)."""
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        tracer.tick(phase)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    tracer.tick(phase)  # the first slice starts here, ``start`` included
    start()
    until_done()
    timer.stop()
    tracer.pause()
    if not gaps:
        return 0.0, 0.0
    return max(gaps), tracer.longest_cpu_ms[phase] / 1000


def _window_waits(path: Path, bursts: list[tuple[str, Callable[[], object]]],
                  tracer: SliceTracer) -> list[Wait]:
    """The floor, then for each burst: the longest gap between ticks of a 10 ms timer on the
    window's thread while its background sync fetches and applies the edits the burst made on
    another laptop, and for a second after, while the window refreshes what depends on them
    (the plans' grades, the findings worked out again)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from contactmap_desktop.application import build_window
    from contactmap_desktop.startup import create_qt_application
    from contactmap_desktop.ui.core.main_thread_gc import MainThreadCollector
    from contactmap_desktop.ui.core.settings import UiSettings
    from contactmap_desktop.ui.team.feature import FIRST_SYNC_MS, TeamFeature

    app = create_qt_application()  # the window's thread switches as in the app
    MainThreadCollector(app)  # and collects on its own thread, as in the app
    opened = _open(path)
    settings = UiSettings(QSettings(str(path.parent / "ui.ini"), QSettings.Format.IniFormat))
    window = build_window(opened, settings)
    window.show()
    feature = window.features.team
    assert isinstance(feature, TeamFeature)

    def settle(seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until or feature.task is not None or feature.arrivals.busy:
            app.processEvents()
            time.sleep(0.002)

    gc.freeze()  # what the start made, out of the collector's walks, as startup.py does
    settle(FIRST_SYNC_MS / 1000 + 0.5)  # the sync a connected window starts with
    # The floor: the same timer for as long with nothing running (a busy machine shows here).
    waits = [_longest_wait(lambda: None, lambda: settle(1.0 + SYNC_SECONDS), tracer, "idle")]
    for phase, burst in bursts:
        burst()
        settle(1.0)
        # After the sync and the arrivals, a second more: the refreshes they cause.
        waits.append(_longest_wait(feature.sync_now, lambda: settle(1.0), tracer, phase))
    window.close()
    opened.close()
    return waits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakeholders", type=int, default=1000)
    parser.add_argument("--team", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, nargs="+", default=[200, 2000],
                        help="edits the window receives in one sync (each size in turn)")
    parser.add_argument("--window-runs", type=int, default=3,
                        help="syncs measured in the window for each batch size")
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--trace", action="store_true",
                        help="list the window's slices over 30 ms (benchmarks/slow_slices.py)")
    parser.add_argument("--profile", action="store_true", help="--trace, with cProfile")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="team-bench-"))
    try:
        _measure(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(args: argparse.Namespace, folder: Path) -> None:
    """The measurements, with their workspaces in ``folder``."""
    os.environ["PGPASSFILE"] = str(folder / "pgpass")
    server = start_server()
    try:
        url = server.url("postgres")
        prepared(url)
        _, ann_url = new_login(url, "rep")
        bob, bob_url = new_login(url, "rep")
        built = build_large_account(folder / "ann.cmap", args.stakeholders, args.team)
        ann = _open(folder / "ann.cmap")
        ann_team = ann.services.team
        ann_team.connect(ann_url)
        started = time.perf_counter()
        ann_team.share(built.account_name, [bob])
        send = time.perf_counter() - started
        bob_ws = _open(folder / "bob.cmap")
        bob_team = bob_ws.services.team
        bob_team.connect(bob_url)
        started = time.perf_counter()
        bob_team.sync()
        receive = time.perf_counter() - started
        floor, rows = _copy_floor(url)
        print(f"first sync of {built.account_name} ({rows:,} changes): send {send:.2f} s, "
              f"receive {receive:.2f} s; COPY of the same rows {floor:.2f} s; "
              f"ratio {send / floor:.1f} / {receive / floor:.1f}")
        cells = [CellRef(m, s) for m in built.team_member_ids[:10]
                 for s in built.stakeholder_ids[:20]]
        times = []
        for run in range(args.runs):
            ann.contact_maps.set_grade(cells[run], Grade("TOSIDM"[run % 6]))
            started = time.perf_counter()
            ann_team.sync()
            times.append(time.perf_counter() - started)
        print(f"incremental sync of one edit: median {statistics.median(times) * 1000:.0f} ms"
              f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs)")
        if not args.no_window:
            bob_ws.close()
            members, people = built.team_member_ids, built.stakeholder_ids
            plan = [size for size in args.batch for _ in range(args.window_runs)]
            done = [0]  # stakeholders used so far: each burst grades cells of new columns

            def burst(size: int) -> Callable[[], object]:
                def edit_elsewhere() -> None:
                    columns = max(1, -(-size // len(members)))
                    start, done[0] = done[0], done[0] + columns
                    cells = [CellRef(m, s) for s in people[start:start + columns]
                             for m in members][:size]
                    for number, cell in enumerate(cells):
                        ann.contact_maps.set_grade(cell, Grade("TOSIDM"[number % 6]))
                    ann_team.sync()
                return edit_elsewhere

            tracer = SliceTracer(profile=args.profile)
            idle, *waits = _window_waits(
                folder / "bob.cmap",
                [(f"sync {run + 1}: {size} edits", burst(size)) for run, size in enumerate(plan)],
                tracer)
            tracer.close()
            if args.trace or args.profile:
                print(tracer.report(), file=sys.stderr)
            print(f"window's longest wait with nothing running (floor): {idle[0] * 1000:.0f} ms"
                  f" (CPU {idle[1] * 1000:.0f} ms)")
            for size in args.batch:
                mine = [w for w, n in zip(waits, plan, strict=True) if n == size]
                print(f"window's longest wait while a sync brings {size} edits: "
                      f"{max(w for w, _ in mine) * 1000:.0f} ms (runs: "
                      f"{', '.join(f'{w * 1000:.0f}' for w, _ in mine)}); longest CPU time of"
                      f" a slice {max(c for _, c in mine) * 1000:.0f} ms (runs: "
                      f"{', '.join(f'{c * 1000:.0f}' for _, c in mine)})")
            print(f"load average: {os.getloadavg()[0]:.2f}")
        ann.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
