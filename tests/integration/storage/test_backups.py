"""Backups: verified private copies, skipped when nothing changed, rotated, listed, restored."""

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from contactmap_desktop.domain.errors import StorageError, WorkspaceError
from contactmap_desktop.storage import backups as backups_module
from contactmap_desktop.storage.backup_rotation import RetentionPolicy
from contactmap_desktop.storage.backups import BackupStore
from contactmap_desktop.storage.database import Workspace
from tests.helpers.fake_clock import FakeClock

pytestmark = pytest.mark.sqlite_only("backups are copies of the SQLite file (a server has its own)")


def _add_account(workspace: Workspace, name: str) -> None:
    with workspace.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO accounts (id, name, industry, stage, annual_value, notes, updated_at)"
            " VALUES (:id, :name, '', 'prospect', 0, '', '2026-01-01')"
        ), {"id": name, "name": name})


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "plan.cmap")
    _add_account(workspace, "Acme")
    yield workspace
    workspace.close()


def _store(tmp_path: Path, workspace: Workspace, clock: FakeClock,
           policy: RetentionPolicy | None = None) -> BackupStore:
    return BackupStore.for_workspace(workspace.path, tmp_path / "data" / "backups", clock, policy)


def test_a_backup_is_a_verified_private_single_file(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock)
    info = store.back_up(workspace.path)
    assert info is not None
    assert info.taken_at == clock.now
    assert info.account_count == 1
    assert info.path.stat().st_mode & 0o777 == 0o600
    assert store.folder.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in store.folder.iterdir()) == [info.path.name]  # no -wal, no partial
    connection = sqlite3.connect(info.path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


def test_no_new_backup_when_nothing_changed_or_too_soon(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    from datetime import timedelta
    store = _store(tmp_path, workspace, clock)
    assert store.back_up(workspace.path) is not None
    clock.advance(hours=5)
    assert store.back_up(workspace.path) is None  # unchanged, however long ago
    assert len(list(store.folder.iterdir())) == 1  # and its copy was not left behind
    _add_account(workspace, "Beta")
    assert store.back_up(workspace.path) is not None
    _add_account(workspace, "Gamma")
    clock.advance(minutes=10)
    assert store.back_up(workspace.path, min_interval=timedelta(minutes=30)) is None
    clock.advance(minutes=30)
    info = store.back_up(workspace.path, min_interval=timedelta(minutes=30))
    assert info is not None and info.account_count == 3
    assert [b.account_count for b in store.list_backups()] == [3, 2, 1]


def test_rotation_with_a_fake_clock_keeps_days_weeks_and_months(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    policy = RetentionPolicy(last=1, daily=3, weekly=2, monthly=2)
    store = _store(tmp_path, workspace, clock, policy)
    for day in range(70):  # one changed backup every day, for ten weeks
        _add_account(workspace, f"Account {day}")
        assert store.back_up(workspace.path) is not None
        clock.advance(days=1)
    kept = [b.taken_at for b in store.list_backups()]
    newest = kept[0]
    assert newest.date().isoformat() == "2026-03-15"
    # 3 newest days, the newest of the 2 newest weeks, and of the 2 newest months.
    assert [k.date().isoformat() for k in kept] == [
        "2026-03-15", "2026-03-14", "2026-03-13", "2026-03-08", "2026-02-28",
    ]
    assert len(list(store.folder.iterdir())) == len(kept)


def test_list_shows_dates_and_account_counts_newest_first(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock)
    store.back_up(workspace.path)
    clock.advance(hours=1)
    _add_account(workspace, "Beta")
    store.back_up(workspace.path)
    listed = store.list_backups()
    assert [(b.taken_at, b.account_count) for b in listed] == [
        (clock.now, 2), (clock.now.replace(hour=clock.now.hour - 1), 1)
    ]
    assert all(b.size > 0 for b in listed)


def test_restore_writes_a_new_file_equal_to_the_backup(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock)
    info = store.back_up(workspace.path)
    assert info is not None
    _add_account(workspace, "Added after the backup")
    target = tmp_path / "restored.cmap"
    store.restore(info, target)
    assert _dump(target) == _dump(info.path)
    assert "Added after the backup" not in "".join(_dump(target))
    assert target.stat().st_mode & 0o777 == 0o600
    reopened = Workspace.open(target)  # a workspace like any other
    reopened.close()


def test_restore_never_replaces_an_existing_file(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock)
    info = store.back_up(workspace.path)
    assert info is not None
    before = workspace.path.read_bytes()
    with pytest.raises(WorkspaceError, match="already exists"):
        store.restore(info, workspace.path)
    assert workspace.path.read_bytes() == before


def test_newest_good_skips_a_damaged_backup(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock)
    good = store.back_up(workspace.path)
    clock.advance(hours=1)
    _add_account(workspace, "Beta")
    damaged = store.back_up(workspace.path)
    assert good is not None and damaged is not None
    damaged.path.write_bytes(damaged.path.read_bytes()[:2000])
    assert store.newest_good() == store.list_backups()[1]
    assert store.newest_good().path == good.path  # type: ignore[union-attr]


def test_a_full_disk_during_a_backup_leaves_no_partial_file_and_says_so(
    tmp_path: Path, workspace: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, workspace, clock)
    first = store.back_up(workspace.path)
    assert first is not None
    first_bytes = first.path.read_bytes()
    _add_account(workspace, "Beta")
    clock.advance(hours=1)

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module.os, "replace", full_disk)
    with pytest.raises(StorageError, match="the disk is full"):
        store.back_up(workspace.path)
    assert [p.name for p in store.folder.iterdir()] == [first.path.name]
    assert first.path.read_bytes() == first_bytes


def test_a_backup_failing_its_integrity_check_is_not_kept(
    tmp_path: Path, workspace: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, workspace, clock)
    # Damage the check's answer rather than the file: SQLite writes what it is given.
    monkeypatch.setattr(backups_module, "_integrity_messages",
                        lambda _connection: ["*** in database main *** Page 3 is never used"])
    with pytest.raises(StorageError, match="integrity check"):
        store.back_up(workspace.path)
    assert not store.folder.exists() or list(store.folder.iterdir()) == []



def test_two_backups_in_the_same_second_are_both_kept(
    tmp_path: Path, workspace: Workspace, clock: FakeClock
) -> None:
    store = _store(tmp_path, workspace, clock, RetentionPolicy(last=1, daily=1, weekly=0,
                                                               monthly=0))
    store.back_up(workspace.path)
    _add_account(workspace, "Beta")
    store.back_up(workspace.path)  # the clock did not move: an upgrade's backup and the next
    assert sorted(b.account_count for b in store.list_backups()) == [1, 2]
