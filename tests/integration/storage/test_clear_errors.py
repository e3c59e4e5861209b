"""One clear line instead of a traceback: schema versions a file claims, read-only folders and
full disks (which are not damage), and a lock that cannot be written."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers import old_schemas
from tests.helpers.builders import build_small_map

pytestmark = pytest.mark.sqlite_only("disk errors under the SQLite file and its old versions")

OLD_WRITERS: dict[int, Callable[[Path], None]] = {
    1: old_schemas.write_v1_workspace, 2: old_schemas.write_v2_workspace,
    3: old_schemas.write_v3_workspace, 4: old_schemas.write_v4_workspace,
    5: old_schemas.write_v5_workspace,
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("version", sorted(OLD_WRITERS))
def test_files_of_versions_1_to_5_upgrade(tmp_path: Path, version: int,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"v{version}.cmap"
    OLD_WRITERS[version](path)
    assert main(["accounts", "--workspace", str(path)]) == 0
    assert main(["check", "--workspace", str(path)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("version", [0, 1, 2, 3, 4, 5])
def test_a_file_claiming_a_version_it_is_not_gets_one_line(
        tmp_path: Path, version: int, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stamped.cmap"
    build_small_map(path).opened.close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()
    before = _digest(path)
    assert main(["accounts", "--workspace", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"schema version {version}" in err
    assert "left as it was" in err
    assert _digest(path) == before


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` at ``folder``: a real full or read-only disk (needs mount rights)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("mounting a small disk needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with _small_disk(tmp_path / f"disk-{uuid.uuid4().hex[:6]}", "2m") as folder:
        yield folder


def _healthy_copy(tmp_path: Path, disk: Path) -> Path:
    source = tmp_path / "healthy.cmap"
    build_small_map(source).opened.close()
    shutil.copyfile(source, disk / "w.cmap")
    return disk / "w.cmap"


def test_a_healthy_file_in_a_read_only_folder_is_not_called_damaged(
        tmp_path: Path, disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _healthy_copy(tmp_path, disk)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    assert main(["check", "--workspace", str(path)]) == 1
    assert main(["accounts", "--workspace", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" not in err and err.count("\n") == 2
    assert "is read-only" in err


def test_a_healthy_file_on_a_full_disk_is_not_called_damaged(
        tmp_path: Path, disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _healthy_copy(tmp_path, disk)
    with (disk / "filler").open("wb") as filler, contextlib.suppress(OSError):
        filler.write(bytes(4 * 1024 * 1024))
    assert main(["check", "--workspace", str(path)]) == 1
    assert main(["accounts", "--workspace", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" not in err and err.count("\n") == 2
    assert "full" in err
    (disk / "filler").unlink()
    assert not (disk / "w.cmap.lock").exists()
    opened = open_workspace(path, create=False, backups_root=tmp_path / "backups")
    assert [a.name for a in opened.accounts.list_accounts()] == ["Acme Corp"]
    opened.close()
