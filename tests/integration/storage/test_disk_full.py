"""A full disk or an I/O error during an edit, a backup, a copy or an export: a clear error,
the edit rolled back, no half-written file, and the previous file intact."""

import errno
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage import atomic_file
from contactmap_desktop.storage.atomic_file import write_text_atomically
from tests.helpers.builders import build_small_map
from tests.helpers.processes import ROOT

# The tests of the SQLite file itself; the others run on both engines.
FILE_ITSELF = pytest.mark.sqlite_only("a full disk under the SQLite file")


def _sound(path: Path) -> bool:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


@FILE_ITSELF
def test_a_commit_on_a_full_database_is_rolled_back_with_a_clear_error(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "full.cmap")
    opened, account = small.opened, small.account
    # SQLite's own "database or disk is full" (SQLITE_FULL): cap the file at its current size.
    engine = opened.workspace.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    event.listen(engine, "connect", cap)
    engine.dispose()
    with pytest.raises(StorageError, match="The change was not saved: the disk is full"):
        for index in range(20):
            opened.contact_maps.add_stakeholder(Stakeholder(
                id=new_id(), account_id=account.id, name=f"Big {index}",
                notes="x" * 19_000, position=-1,
            ))
    names_during = [s.name for s in opened.contact_maps.load_map(account.id).stakeholders]
    event.remove(engine, "connect", cap)
    opened.close()

    reopened = open_workspace(tmp_path / "full.cmap")
    names = [s.name for s in reopened.contact_maps.load_map(account.id).stakeholders]
    reopened.close()
    assert names == names_during
    assert names[:3] == ["Ada Power", "Uma User", "Abe Advisor"]
    assert _sound(tmp_path / "full.cmap")


@FILE_ITSELF
def test_everything_written_on_a_tiny_disk_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "tiny.cmap"
    opened = open_workspace(path)
    account = opened.accounts.create_account("Big").value
    for index in range(40):  # about 800 KB, well past the limit below
        opened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=account.id, name=f"Existing {index}",
            notes="e" * 19_000, position=-1,
        ))
    opened.close()
    export = tmp_path / "export.pdf"
    export.write_bytes(b"%PDF an earlier export")
    limit = 256 * 1024
    assert path.stat().st_size > limit
    backups_root = tmp_path / "fresh-backups"

    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.tiny_disk_child", str(path), str(backups_root),
         str(limit)],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)

    # The edit that hit the limit was refused in words, the ones before it kept.
    assert "The change was not saved: the disk" in report["commit_error"]
    assert report["committed"], "some edits fit before the limit"
    assert report["small_edit_after_failure"] == "ok"
    # The backup on open, the explicit backup, the copy and the export all said why.
    assert any("Cannot write a backup" in w for w in report["open_warnings"])
    # SQLite reports the failed write as an I/O error; Python's own writes keep the errno.
    assert "input/output error" in report["backup_error"]
    assert "input/output error" in report["copy_error"]
    assert "does not accept a file this large" in report["export_error"]
    assert report["close_problem"] and "Cannot write a backup" in report["close_problem"]
    # No half-written file anywhere, and the earlier export untouched.
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".partial")]
    assert leftovers == []
    assert not (tmp_path / "copy.cmap").exists()
    assert export.read_bytes() == b"%PDF an earlier export"
    assert not backups_root.exists() or not any(backups_root.rglob("*.cmap"))

    assert _sound(path)
    reopened = open_workspace(path)
    contact_map = reopened.contact_maps.load_map(reopened.accounts.find_by_name("Big").id)
    names = {s.name for s in contact_map.stakeholders}
    reopened.close()
    assert set(report["committed"]) <= names
    assert report["failed_name"] not in names
    assert {f"Existing {index}" for index in range(40)} <= names


def test_an_export_that_fails_midway_leaves_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")
    before = hashlib.sha256(target.read_bytes()).hexdigest()

    def failing_fsync(_descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic_file.os, "fsync", failing_fsync)
    with pytest.raises(StorageError, match="input/output error"):
        write_text_atomically(target, lambda handle: handle.write("new letter"))
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_an_export_is_private_and_complete(tmp_path: Path) -> None:
    target = tmp_path / "map.pdf"
    write_text_atomically(target, lambda handle: handle.write("%PDF-1.4 complete"))
    assert target.read_bytes() == b"%PDF-1.4 complete"
    assert target.stat().st_mode & 0o777 == 0o600
