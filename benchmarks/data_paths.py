"""Figures below the window: reading an account against bare sqlite3, findings, grade edits."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.large_account import LargeAccount
from benchmarks.measure import Figure, alternate, compared, median_seconds
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace

_LIVE = "SELECT id FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL"
# Every row the Contact Map of one account is made of, as the app asks for them.
FLOOR_QUERIES = (
    "SELECT * FROM accounts WHERE id = ?",
    "SELECT * FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL "
    "ORDER BY position, name",
    "SELECT t.* FROM team_members t JOIN account_team a ON a.team_member_id = t.id "
    "WHERE a.account_id = ? ORDER BY a.position, t.name",
    f"SELECT * FROM relationships WHERE stakeholder_id IN ({_LIVE})",
    f"SELECT * FROM leverage_links WHERE source_stakeholder_id IN ({_LIVE})",
    f"SELECT * FROM grade_changes WHERE stakeholder_id IN ({_LIVE}) ORDER BY changed_at, id",
)


def read_with_sqlite(path: Path, account_id: str) -> int:
    """The floor: the same rows fetched with the sqlite3 module alone, on a new connection."""
    connection = sqlite3.connect(path)
    try:
        return sum(len(connection.execute(query, (account_id,)).fetchall())
                   for query in FLOOR_QUERIES)
    finally:
        connection.close()


def _opened(account: LargeAccount, backups: Path) -> OpenWorkspace:
    return open_workspace(account.path, backups_root=backups)


def load_figures(account: LargeAccount, runs: int) -> list[Figure]:
    """The account read into its domain value (the grid's data) against the sqlite3 floor."""
    with tempfile.TemporaryDirectory() as temp:
        opened = _opened(account, Path(temp))
        try:
            medians = alternate({
                "load": _timer(lambda: opened.contact_maps.load_map(account.account_id)),
                "floor": _timer(lambda: read_with_sqlite(account.path, account.account_id)),
            }, runs)
        finally:
            opened.close()
    return [
        Figure("2 large account", f"sqlite3 floor: read the rows of {account.cells:,} cells",
               medians["floor"], "s",
               note=f"{account.graded_cells:,} graded, {account.grade_changes:,} changes"),
        compared("2 large account", "load the account's map (services, no window)",
                 medians["load"], medians["floor"], "s", None,
                 "share of the open-account budget (target 3 with model and paint)"),
    ]


def findings_figures(small: LargeAccount, large: LargeAccount, runs: int) -> list[Figure]:
    """Every coverage finding of a map already in memory, the two sizes taking turns."""
    with tempfile.TemporaryDirectory() as temp:
        timers: dict[str, Callable[[], float]] = {}
        opened = [_opened(small, Path(temp) / "small"), _opened(large, Path(temp) / "large")]
        try:
            for name, account, workspace in zip(("small", "large"), (small, large), opened,
                                                strict=True):
                findings = FindingsService(workspace.contact_maps,
                                           SettingsService(workspace.workspace))
                contact_map = workspace.contact_maps.load_map(account.account_id)
                findings.findings_for_map(contact_map)  # settings read once before timing
                timers[name] = _timer(lambda f=findings, m=contact_map: f.findings_for_map(m))
            seconds = alternate(timers, runs)
        finally:
            for workspace in opened:
                workspace.close()
    scale = large.cells / small.cells
    return [
        Figure("4 findings", f"all coverage findings, {small.cells:,} cells", seconds["small"],
               "s"),
        Figure("4 findings", f"all coverage findings, {large.cells:,} cells", seconds["large"],
               "s", seconds["small"], seconds["large"] / seconds["small"], scale * 1.2,
               f"linear would be {scale:.0f}×; target allows 20 % over"),
    ]


def _timer(action: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        started = time.perf_counter()
        action()
        return time.perf_counter() - started
    return timed


def grade_edit_seconds(account: LargeAccount, runs: int) -> float:
    """Median time of one committed grade edit through the service (no window)."""
    with tempfile.TemporaryDirectory() as temp:
        opened = _opened(account, Path(temp))
        try:
            cells = [CellRef(member, stakeholder) for member in account.team_member_ids[:3]
                     for stakeholder in account.stakeholder_ids[:3]]
            grades = [Grade.OPEN, Grade.SATISFIED]
            edits = iter(range(10**9))

            def edit() -> None:
                number = next(edits)
                opened.contact_maps.set_grade(cells[number % len(cells)], grades[number % 2])

            return median_seconds(edit, runs)
        finally:
            opened.close()


def service_edit_figures(accounts: list[LargeAccount], runs: int) -> list[Figure]:
    seconds = [grade_edit_seconds(account, runs) for account in accounts]
    figures = [Figure("3 edit cost", f"grade edit committed (service), {a.cells:,} cells", s, "s")
               for a, s in zip(accounts, seconds, strict=True)]
    figures.append(Figure("3 edit cost", "service edit, largest / smallest", seconds[-1], "s",
                          seconds[0], seconds[-1] / seconds[0], 1.5))
    return figures
