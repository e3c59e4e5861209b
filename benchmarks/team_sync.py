"""Team sync against a private PostgreSQL server on loopback (started and stopped here).

    python benchmarks/team_sync.py [--stakeholders 1000] [--team 100] [--runs 15] [--no-window]

Prints: the first sync of the large account (sending it from one laptop, receiving it on
another) against a COPY of the same rows into a plain table of the same shape (the floor:
the server cannot take the rows faster); the median time of an incremental sync of one
edit; and the window's longest wait (a 10 ms timer on its thread) while a background sync
brings in a batch of edits from another laptop.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from benchmarks.large_account import build_large_account  # noqa: E402
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


def _window_wait(path: Path, edit_elsewhere: Callable[[], object]) -> float:
    """The longest gap between ticks of a 10 ms timer on the window's thread while its
    background sync fetches and applies the edits ``edit_elsewhere`` made on another laptop."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from contactmap_desktop.application import build_window
    from contactmap_desktop.ui.core.settings import UiSettings
    from contactmap_desktop.ui.team.feature import FIRST_SYNC_MS, TeamFeature

    app = QApplication.instance() or QApplication([])
    opened = _open(path)
    settings = UiSettings(QSettings(str(path.parent / "ui.ini"), QSettings.Format.IniFormat))
    window = build_window(opened, settings)
    window.show()
    feature = window.features.team
    assert isinstance(feature, TeamFeature)

    def settle(seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until or feature.task is not None:
            app.processEvents()
            time.sleep(0.002)

    settle(FIRST_SYNC_MS / 1000 + 0.5)  # the sync a connected window starts with
    edit_elsewhere()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    feature.sync_now()
    settle(0.3)  # and the change set applied after the thread ended
    timer.stop()
    window.close()
    opened.close()
    return max(gaps) if gaps else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakeholders", type=int, default=1000)
    parser.add_argument("--team", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=200, help="edits the window receives")
    parser.add_argument("--no-window", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="team-bench-"))
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
            batch = [CellRef(m, s) for m in built.team_member_ids
                     for s in built.stakeholder_ids[:max(1, args.batch // len(
                         built.team_member_ids))]][:args.batch]

            def edit_elsewhere() -> None:
                for number, cell in enumerate(batch):
                    ann.contact_maps.set_grade(cell, Grade("TOSIDM"[number % 6]))
                ann_team.sync()

            wait = _window_wait(folder / "bob.cmap", edit_elsewhere)
            print(f"window's longest wait while a sync brings {len(batch)} edits: "
                  f"{wait * 1000:.0f} ms")
        ann.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
