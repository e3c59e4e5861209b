"""Backups as offered to the user: listing, the newest good one, restoring beside the file."""

import sqlite3
from pathlib import Path

import pytest

from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.services.diagnostics import collect_diagnostics
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.schema import SCHEMA_VERSION
from tests.helpers.fake_clock import FakeClock

pytestmark = pytest.mark.sqlite_only("backups are copies of the SQLite file (a server has its own)")


def test_restore_the_newest_good_backup_of_a_file_that_got_damaged(tmp_path: Path) -> None:
    clock, root, path = FakeClock(), tmp_path / "backups", tmp_path / "plan.cmap"
    opened = open_workspace(path, clock=clock, backups_root=root)
    opened.accounts.create_account("Acme")
    opened.close()
    path.write_bytes(path.read_bytes()[:3000])  # the disk lost the end of the file

    service = BackupService.of_file(path, root, clock)
    good = service.newest_good()
    assert good is not None and good.account_count == 1
    target = service.suggested_target(good)
    assert target.parent == path.parent and target.name.startswith("plan (restored ")
    target.touch()
    second = service.suggested_target(good)
    assert second != target and second.name.endswith(" 2.cmap")
    target.unlink()
    service.restore(good, target)
    reopened = open_workspace(target, backups_root=root)
    assert [a.name for a in reopened.accounts.list_accounts()] == ["Acme"]
    reopened.close()
    # The damaged file itself was not touched by any of this.
    assert len(path.read_bytes()) == 3000


def test_a_workspace_without_backups_has_none_to_offer(tmp_path: Path) -> None:
    service = BackupService.of_file(tmp_path / "never-opened.cmap", tmp_path / "backups")
    assert service.list_backups() == []
    assert service.newest_good() is None


def test_diagnostics_name_versions_and_folders_but_no_workspace_content() -> None:
    diagnostics = collect_diagnostics("6.9.9", "6.9.8")
    text = diagnostics.as_text()
    assert f"Workspace format (schema): {SCHEMA_VERSION}" in text
    assert sqlite3.sqlite_version in text
    assert "Qt:" in text and "6.9.9" in text and "6.9.8" in text
    assert str(diagnostics.log_folder) in text and str(diagnostics.data_folder) in text
