"""Files from outside: links at the lock's name, exports aimed at the workspace, hard links,
pipes and devices, oversized files and schema objects the app never made."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.domain.errors import StorageError, ValidationError, WorkspaceError
from contactmap_desktop.services import csv_import
from contactmap_desktop.services.account_exchange import read_account_file
from contactmap_desktop.services.letter_report import usable_logo
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.inbound_files import check_ordinary_file, read_bounded
from tests.helpers.builders import build_small_map

# The tests of the SQLite file itself; the others run on both engines.
FILE_ITSELF = pytest.mark.sqlite_only("what stands at the SQLite file's name and beside it")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.cmap"
    build_small_map(path).opened.close()
    return path


# --- the lock file ------------------------------------------------------------------------

@FILE_ITSELF
@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_a_link_at_the_lock_name_is_refused_and_its_target_untouched(
        workspace: Path, tmp_path: Path, link: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    lock = tmp_path / "w.cmap.lock"
    if link == "symbolic":
        lock.symlink_to(victim)
    else:
        os.link(victim, lock)
    with pytest.raises(StorageError, match="lock file"):
        open_workspace(workspace, backups_root=tmp_path / "backups")
    assert victim.read_text() == "precious\n"


# --- exports never replace the workspace --------------------------------------------------

def _targets(workspace: Path, backups: Path) -> list[Path]:
    """The workspace, what SQLite and the app keep beside it, and one of its backups."""
    opened = open_workspace(workspace, backups_root=backups)
    opened.accounts.create_account("Another", "")
    backup = opened.backups.back_up(workspace)
    opened.close()
    assert backup is not None
    beside = [workspace.with_name(workspace.name + s) for s in ("-wal", "-shm", ".lock")]
    return [workspace, *beside, backup.path]


@FILE_ITSELF
@pytest.mark.parametrize("command", [
    ["export-account", "--account", "Acme Corp"],
    ["export-csv", "--account", "Acme Corp"],
    ["export-csv", "--findings", "--account", "Acme Corp"],
    ["export-pdf", "map", "--account", "Acme Corp"],
    ["export-pdf", "blueprints", "--account", "Acme Corp"],
])
def test_out_never_replaces_the_workspace_its_side_files_or_backups(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    targets = _targets(workspace, tmp_path / "backups")
    kept = {path: path.read_bytes() for path in (targets[0], targets[-1])}
    for target in targets:  # the -wal, -shm and lock exist while the command runs
        code = main([*command, "--out", str(target), "--workspace", str(workspace)])
        err = capsys.readouterr().err
        assert code == 1, target
        assert err.count("\n") == 1 and "choose another name" in err
    assert {path: path.read_bytes() for path in kept} == kept
    assert main(["accounts", "--workspace", str(workspace)]) == 0
    assert capsys.readouterr().out.splitlines() == ["Acme Corp", "Another"]


@FILE_ITSELF
def test_save_a_copy_refuses_the_files_beside_the_workspace(workspace: Path) -> None:
    opened = Workspace.open(workspace)
    try:
        for suffix in ("-wal", "-shm"):
            with pytest.raises(WorkspaceError, match="belongs to the workspace"):
                opened.save_copy(workspace.with_name(workspace.name + suffix))
    finally:
        opened.close()


# --- workspaces that are not ordinary files with one name ------------------------------------

@FILE_ITSELF
def test_a_hard_linked_workspace_is_refused_by_open_and_check(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.link(workspace, tmp_path / "second name.cmap")
    before = _digest(workspace)
    with pytest.raises(WorkspaceError, match="hard links"):
        open_workspace(workspace, backups_root=tmp_path / "backups")
    assert main(["accounts", "--workspace", str(tmp_path / "second name.cmap")]) == 1
    assert main(["check", "--workspace", str(workspace)]) == 1
    assert "2 names (hard links)" in capsys.readouterr().err
    assert _digest(workspace) == before


@FILE_ITSELF
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_special_files_are_refused_as_workspace(tmp_path: Path, kind: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _special(tmp_path, kind)
    assert main(["accounts", "--workspace", str(path)]) == 1
    assert main(["check", "--workspace", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "not a file" in err


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe.cmap"
        os.mkfifo(path)
        return path
    if kind == "folder":
        path = tmp_path / "folder.cmap"
        path.mkdir()
        return path
    return Path("/dev/zero")


# --- files read from outside -----------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_special_files_are_refused_as_csv_vcard_account_file_and_logo(
        workspace: Path, tmp_path: Path, kind: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _special(tmp_path, kind)
    for command in (["import-csv", str(path), "--account", "Acme Corp"],
                    ["import-account", str(path)]):
        assert main([*command, "--workspace", str(workspace)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{_kind_words(kind)}, not a file" in err
    with pytest.raises(ValidationError, match="not a file"):
        read_account_file(path)
    with pytest.raises(ValidationError, match="not a file"):
        check_ordinary_file(path, 1 << 20, "a logo")
    assert usable_logo(str(path)) is None


def _kind_words(kind: str) -> str:
    return {"fifo": "a named pipe", "device": "a device", "folder": "a folder"}[kind]


def test_every_read_has_a_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "people.vcf"
    big.write_bytes(b"BEGIN:VCARD\r\n" * 1000)
    monkeypatch.setattr(csv_import, "MAX_FILE_BYTES", 4096)
    with pytest.raises(ValidationError, match="larger than 1 MB, the limit for a file to import"):
        csv_import.read_source_file(big)
    assert read_bounded(big, 20_000, "a test") == big.read_bytes()
    with pytest.raises(ValidationError, match="larger than"):
        read_bounded(big, 12_999, "a test")


def test_a_mapping_file_that_is_a_device_is_refused(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Title\nAnn Lee,CTO\n", encoding="utf-8")
    assert main(["import-csv", str(source), "--account", "Acme Corp", "--mapping",
                 "/dev/zero", "--workspace", str(workspace)]) == 1
    assert "a device, not a file" in capsys.readouterr().err


# --- schema objects the app never creates ----------------------------------------------------

@FILE_ITSELF
@pytest.mark.parametrize("statement, named", [
    ("CREATE TRIGGER wipe AFTER INSERT ON stakeholders BEGIN DELETE FROM accounts; END",
     "trigger “wipe”"),
    ("CREATE VIEW peek AS SELECT name FROM stakeholders", "view “peek”"),
    # The name of the app's own team tracking, doing something else.
    ("CREATE TRIGGER team_track_accounts_insert AFTER INSERT ON accounts BEGIN "
     "DELETE FROM stakeholders; END", "trigger “team_track_accounts_insert”"),
    ("CREATE TABLE extra (x)", "table “extra”"),
    ("CREATE INDEX ix_extra ON stakeholders (notes)", "index “ix_extra”"),
])
def test_foreign_schema_objects_are_refused_by_open_and_check(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        statement: str, named: str) -> None:
    connection = sqlite3.connect(workspace)
    connection.execute(statement)
    connection.commit()
    connection.close()
    before = _digest(workspace)
    with pytest.raises(WorkspaceError, match=named):
        open_workspace(workspace, backups_root=tmp_path / "backups")
    source = tmp_path / "people.csv"
    source.write_text("Name,Title\nAnn Lee,CTO\n", encoding="utf-8")
    assert main(["import-csv", str(source), "--account", "Acme Corp",
                 "--workspace", str(workspace)]) == 1
    assert main(["check", "--workspace", str(workspace)]) == 1
    assert named in capsys.readouterr().err
    assert _digest(workspace) == before
