"""The composition root: every service built once per open workspace, the team's on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from contactmap_desktop.services.clock import ServerTime
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.fake_clock import FakeClock

ROOT = Path(__file__).resolve().parents[3]


def test_the_team_service_is_built_once_on_the_workspace_and_clock_of_the_root(
        tmp_path: Path) -> None:
    clock = FakeClock()
    opened = open_workspace(tmp_path / "w.cmap", clock=clock)
    try:
        team = opened.services.team
        assert team is opened.services.team
        assert not team.is_connected()
        assert team.engine._workspace is opened.workspace
        # The root's clock: the laptop's own, dated by the team server's time once synced.
        assert team.engine._clock is opened.services.clock
        assert isinstance(opened.services.clock, ServerTime) and opened.services.clock.base is clock
    finally:
        opened.close()


def test_a_command_that_never_syncs_does_not_load_the_sync_engine(tmp_path: Path) -> None:
    """Nor the import's and the account files' modules before their first use (the window
    asks whether the workspace is in a team at every start)."""
    loaded = ("print(*(f'contactmap_desktop.services.{name}' in sys.modules for name in "
              "('team_sync', 'csv_import', 'account_exchange')))\n")
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from contactmap_desktop.services.workspace_service import open_workspace\n"
            f"opened = open_workspace(Path({str(tmp_path / 'w.cmap')!r}))\n"
            "opened.accounts.list_accounts()\n"
            "opened.services.team.is_connected()\n"
            f"{loaded}"
            "opened.services.team.engine, opened.services.imports, opened.services.exchange\n"
            f"{loaded}"
            "opened.close()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)

    assert result.stdout.split() == ["False"] * 3 + ["True"] * 3, result.stderr


@pytest.mark.sqlite_only("backups are copies of the workspace's file")
def test_the_backups_service_lists_from_the_store_the_opening_backs_up_into(
        tmp_path: Path) -> None:
    # One store per workspace folder: the service took a second one, built apart.
    opened = open_workspace(tmp_path / "w.cmap", backups_root=tmp_path / "backups")
    try:
        assert opened.services.backups._store is opened.backups
        taken = opened.backups.back_up(opened.path)
        assert taken is not None and opened.services.backups.list_backups()[0].path == taken.path
    finally:
        opened.close()
