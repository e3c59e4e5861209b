"""Opening a workspace: backups on open and close, a backup before an upgrade, warnings for
risky folders, private folders, read-only viewing."""

import sqlite3
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.backups import BackupStore
from contactmap_desktop.storage.schema import SCHEMA_VERSION
from tests.helpers.fake_clock import FakeClock
from tests.helpers.old_schemas import write_v1_workspace

pytestmark = pytest.mark.sqlite_only("backups, upgrades, folders and viewing of the SQLite file")


def _store(path: Path, root: Path, clock: FakeClock) -> BackupStore:
    return BackupStore.for_workspace(path, root, clock)


def test_backups_on_close_and_on_open_when_changed_and_not_too_soon(tmp_path: Path) -> None:
    clock, root, path = FakeClock(), tmp_path / "backups", tmp_path / "plan.cmap"
    opened = open_workspace(path, clock=clock, backups_root=root)
    opened.accounts.create_account("Acme")
    assert opened.close() is None
    store = _store(path, root, clock)
    assert [b.account_count for b in store.list_backups()] == [1]  # on close

    clock.advance(minutes=5)
    opened = open_workspace(path, clock=clock, backups_root=root)
    assert len(store.list_backups()) == 1  # unchanged: no backup on open
    opened.accounts.create_account("Beta")
    clock.advance(minutes=5)
    opened.close()
    assert [b.account_count for b in store.list_backups()] == [2, 1]

    # Changed behind the app's back (another tool), reopened within the interval: no backup.
    connection = sqlite3.connect(path)
    connection.execute("UPDATE accounts SET notes = 'edited elsewhere'")
    connection.commit()
    connection.close()
    clock.advance(minutes=5)
    open_workspace(path, clock=clock, backups_root=root).workspace.close()
    assert len(store.list_backups()) == 2
    clock.advance(minutes=40)
    opened = open_workspace(path, clock=clock, backups_root=root)
    assert len(store.list_backups()) == 3
    opened.close()


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_file(tmp_path: Path) -> None:
    clock, root, path = FakeClock(), tmp_path / "backups", tmp_path / "old.cmap"
    write_v1_workspace(path)
    old_bytes = path.read_bytes()
    opened = open_workspace(path, clock=clock, backups_root=root)
    opened.workspace.close()
    opened.lock.release()  # type: ignore[union-attr]
    [backup] = _store(path, root, clock).list_backups()
    connection = sqlite3.connect(backup.path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    connection.close()
    assert backup.account_count == 1
    assert len(old_bytes) > 0
    current = sqlite3.connect(path)
    assert current.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    current.close()


def test_no_upgrade_without_its_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.cmap"
    write_v1_workspace(path)
    before = path.read_bytes()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StorageError("Cannot write a backup: the disk is full.")

    monkeypatch.setattr(BackupStore, "back_up", refuse)
    with pytest.raises(StorageError, match="disk is full"):
        open_workspace(path, backups_root=tmp_path / "backups")
    assert path.read_bytes() == before
    assert not Path(str(path) + ".lock").exists()


def test_a_new_default_folder_and_its_backups_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "ContactMap" / "workspace.cmap"
    opened = open_workspace(path, with_sample=True, backups_root=tmp_path / "data" / "b")
    opened.close()
    for folder in (tmp_path / "data", path.parent, tmp_path / "data" / "b"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert path.stat().st_mode & 0o777 == 0o600
    for backup in (tmp_path / "data" / "b").rglob("*.cmap"):
        assert backup.stat().st_mode & 0o777 == 0o600
        assert backup.parent.stat().st_mode & 0o777 == 0o700


def test_a_synced_folder_gets_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "Dropbox" / "plans" / "plan.cmap"
    path.parent.mkdir(parents=True)
    opened = open_workspace(path, backups_root=tmp_path / "local-backups")
    assert opened.location is not None and opened.location.kind == "cloud"
    assert "Dropbox" in opened.location.message
    opened.close()
    assert list((tmp_path / "local-backups").rglob("*.cmap"))  # backups went to local data
    assert not list((tmp_path / "Dropbox").rglob("*backup*"))


def test_a_local_folder_gets_no_warning(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "plan.cmap")
    assert opened.location is None
    opened.close()


def test_read_only_viewing_reads_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "plan.cmap"
    writer = open_workspace(path)
    writer.accounts.create_account("Acme")
    viewer = open_workspace(path, read_only=True, backups_root=tmp_path / "b")
    assert [a.name for a in viewer.accounts.list_accounts()] == ["Acme"]
    with pytest.raises(StorageError, match="read-only"):
        viewer.accounts.create_account("Beta")
    viewer.close()
    assert not (tmp_path / "b").exists()  # viewing takes no backups
    writer.close()


def test_a_workspace_whose_folder_cannot_be_made_is_a_clear_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")

    with pytest.raises(StorageError, match="Cannot create the folder .*a file/inside"):
        open_workspace(blocker / "inside" / "work.cmap", create=True,
                       backups_root=tmp_path / "backups")
