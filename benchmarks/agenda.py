"""Time of reading the Agenda (every account) and one account's lifecycle overview, for
workspaces of 10, 100 and 500 accounts with four engagements each.

    python benchmarks/agenda.py [--accounts 10 100 500] [--engagements 4] [--runs 5]

Each account has a review, CEO visit and renewal due, two open engagements gone passive, a
blueprint and a letter with milestones, so every part of the agenda has rows to read. Prints
the median of ``--runs`` reads in milliseconds and the SQL statements each read ran.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from benchmarks.measure import median_seconds  # noqa: E402
from contactmap_desktop.services.agenda_service import AgendaService  # noqa: E402
from contactmap_desktop.services.workspace_service import open_workspace  # noqa: E402
from contactmap_desktop.storage.database import Workspace  # noqa: E402
from tests.helpers.busy_accounts import add_busy_account  # noqa: E402


def statement_count(workspace: Workspace, action: Callable[[], object]) -> int:
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(workspace.engine, "before_cursor_execute", note)
    return len(seen)


def measure(accounts: int, engagements: int, runs: int, folder: Path) -> str:
    opened = open_workspace(folder / f"agenda-{accounts}.cmap",
                            backups_root=folder / "backups")
    try:
        today = date.today()
        started = time.perf_counter()
        ids = [add_busy_account(opened.workspace, f"Account {n:04}", engagements, today)
               for n in range(accounts)]
        built = time.perf_counter() - started
        service = AgendaService(opened.workspace)
        items = len(service.agenda().items)
        agenda = median_seconds(service.agenda, runs)
        overview = median_seconds(lambda: service.overview(ids[-1]), runs)
        agenda_statements = statement_count(opened.workspace, service.agenda)
        overview_statements = statement_count(opened.workspace,
                                              lambda: service.overview(ids[-1]))
    finally:
        opened.close()
    return (f"{accounts:>5} accounts × {engagements} engagements ({items:,} agenda items, "
            f"built in {built:.1f} s): agenda {agenda * 1000:.1f} ms "
            f"({agenda_statements} statements), one account's overview "
            f"{overview * 1000:.1f} ms ({overview_statements} statements)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--engagements", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        for accounts in args.accounts:
            print(measure(accounts, args.engagements, args.runs, Path(temporary)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
