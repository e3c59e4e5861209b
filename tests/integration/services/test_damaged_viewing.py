"""A workspace failing the integrity check is looked at read-only, never written, never
backed up; the command line still refuses it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.domain.errors import DamagedWorkspaceError, StorageError
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.damaged_files import write_damaged_workspace

pytestmark = pytest.mark.sqlite_only("damaged SQLite files opened for viewing")


def test_a_damaged_file_opens_read_only_and_is_never_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "damaged.cmap"
    write_damaged_workspace(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    backups = tmp_path / "backups"
    with pytest.raises(DamagedWorkspaceError, match="is damaged"):
        open_workspace(path, backups_root=backups)
    opened = open_workspace(path, backups_root=backups, view_damaged=True)
    assert opened.read_only and opened.damage is not None and "is damaged" in opened.damage
    assert [a.name for a in opened.accounts.list_accounts()] == ["Acme Corp"]
    with pytest.raises(StorageError):
        opened.accounts.create_account("Not written", "")
    assert opened.close() is None
    assert not backups.exists() or not any(backups.rglob("*.cmap"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_command_line_still_refuses_a_damaged_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "damaged.cmap"
    write_damaged_workspace(path)
    assert main(["accounts", "--workspace", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is damaged" in err
