"""Opening workspace files: settings, persistence, and files that must be refused untouched."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION

# Every test here but the foreign keys' is of the SQLite file itself.
FILE_ITSELF = pytest.mark.sqlite_only("the SQLite file: its header, PRAGMAs, refusals, copies")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@FILE_ITSELF
def test_new_workspace_is_stamped_and_private(tmp_path: Path) -> None:
    path = tmp_path / "new.cmap"
    Workspace.open(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert path.stat().st_mode & 0o777 == 0o600


@FILE_ITSELF
def test_connection_pragmas_are_in_force(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.cmap")
    with workspace.engine.connect() as connection:
        def pragma(name: str) -> object:
            return connection.execute(text(f"PRAGMA {name}")).scalar()
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000
    workspace.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.cmap")
    with pytest.raises(IntegrityError), workspace.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO stakeholders (id, account_id, name, title, department, seniority, roles,"
            " email, phone, notes, position, updated_at) VALUES ('s', 'no-such-account', 'X',"
            " '', '', 'manager', '', '', '', '', 0, '2026-01-01')"
        ))
    workspace.close()


@FILE_ITSELF
@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"name,title\nAda,CEO\n", "not an SQLite database"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "not an SQLite database"),
    (b"SQLite format 3\x00" + bytes(20), "truncated"),
])
def test_files_that_are_not_workspaces_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "odd.cmap"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(WorkspaceError, match=message):
        Workspace.open(path)
    assert _digest(path) == before


@FILE_ITSELF
def test_an_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(WorkspaceError, match="another program"):
        Workspace.open(path)
    assert _digest(path) == before


@FILE_ITSELF
def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.cmap"
    Workspace.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = _digest(path)
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace.open(path)
    assert _digest(path) == before


@FILE_ITSELF
def test_a_damaged_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.cmap"
    workspace = Workspace.open(path)
    with workspace.engine.begin() as connection:
        for index in range(300):
            connection.execute(text(
                "INSERT INTO settings (key, value) VALUES (:k, :v)"
            ), {"k": f"key-{index}", "v": "x" * 200})
    workspace.close()
    data = bytearray(path.read_bytes())
    # Scribble over the middle of the file, leaving the header readable.
    for offset in range(4096 + 100, len(data) - 4096, 97):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(WorkspaceError, match="damaged"):
        Workspace.open(path)
    assert _digest(path) == before


@FILE_ITSELF
def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="is a folder"):
        Workspace.open(tmp_path)


@FILE_ITSELF
def test_save_copy_is_a_consistent_private_workspace(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.cmap")
    with workspace.engine.begin() as connection:
        connection.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
    workspace.save_copy(tmp_path / "copy.cmap")
    workspace.close()
    copy = Workspace.open(tmp_path / "copy.cmap")
    with copy.engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM settings")).scalar() == "1"
    assert (tmp_path / "copy.cmap").stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "copy.cmap.partial").exists()
