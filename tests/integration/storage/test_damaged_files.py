"""Damaged and foreign files: each refused with its own message, on open and by
``contactmap check``, and never changed (the bytes hash the same before and after)."""

import hashlib
import random
import sqlite3
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.schema import SCHEMA_VERSION
from tests.helpers.builders import build_small_map

pytestmark = pytest.mark.sqlite_only("damaged SQLite files and SQLite's integrity check")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _workspace_bytes(tmp_path: Path) -> bytes:
    """A real workspace with enough rows to span several pages, fully checkpointed."""
    source = tmp_path / "source.cmap"
    small = build_small_map(source)
    for index in range(60):
        small.opened.accounts.create_account(f"Account {index:03}", "Industry " * 20)
    small.opened.close()
    return source.read_bytes()


def _truncated(tmp_path: Path, path: Path) -> None:
    data = _workspace_bytes(tmp_path)
    path.write_bytes(data[: len(data) // 2])


def _bit_flipped(tmp_path: Path, path: Path) -> None:
    data = bytearray(_workspace_bytes(tmp_path))
    page_size = struct.unpack(">H", data[16:18])[0]
    rng = random.Random(8)
    # Flip random bits in the header of every b-tree page after the first, where SQLite's
    # checks are certain to notice (a flip in free space could go unseen by any reader).
    for page_start in range(page_size, len(data), page_size):
        for _ in range(3):
            data[page_start + rng.randrange(1, 8)] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def _png(_tmp_path: Path, path: Path) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
                     + chunk(b"IEND", b""))


def _empty(_tmp_path: Path, path: Path) -> None:
    path.write_bytes(b"")


def _newer(tmp_path: Path, path: Path) -> None:
    path.write_bytes(_workspace_bytes(tmp_path))
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


def _foreign(_tmp_path: Path, path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB)")
    connection.commit()
    connection.close()


def _missing_table(tmp_path: Path, path: Path) -> None:
    path.write_bytes(_workspace_bytes(tmp_path))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DROP TABLE grade_changes")
    connection.commit()
    connection.close()


CASES: list[tuple[str, Callable[[Path, Path], None], str]] = [
    ("truncated", _truncated, r"is damaged: SQLite"),
    ("bit-flipped", _bit_flipped, r"is damaged: SQLite"),
    ("png", _png, r"is not a ContactMap workspace \(it is not an SQLite database\)"),
    ("empty", _empty, r"is empty"),
    ("newer", _newer, r"newer version of ContactMap Desktop \(schema \d+; this version reads"),
    ("foreign", _foreign, r"an SQLite database from another program"),
    ("missing table", _missing_table, r"is damaged: the table “grade_changes” is missing"),
]


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_opening_refuses_it_and_leaves_it_unchanged(
    tmp_path: Path, name: str, make: Callable[[Path, Path], None], message: str
) -> None:
    path = tmp_path / "damaged.cmap"
    make(tmp_path, path)
    before = _digest(path)
    with pytest.raises(WorkspaceError, match=message):
        open_workspace(path)
    assert _digest(path) == before
    assert not Path(str(path) + ".lock").exists()  # the refused file is not left locked


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_check_reports_it_on_one_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, make: Callable[[Path, Path], None], message: str,
) -> None:
    path = tmp_path / "damaged.cmap"
    make(tmp_path, path)
    before = _digest(path)
    assert main(["check", "--workspace", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.err.startswith("contactmap: ")
    import re
    assert re.search(message, captured.err)
    assert _digest(path) == before


def test_check_passes_a_sound_workspace(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sound.cmap"
    path.write_bytes(_workspace_bytes(tmp_path))
    assert main(["check", "--workspace", str(path)]) == 0
    assert f"schema version {SCHEMA_VERSION}" in capsys.readouterr().out


def test_check_reports_broken_links_between_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "links.cmap"
    path.write_bytes(_workspace_bytes(tmp_path))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM accounts")
    connection.commit()
    connection.close()
    assert main(["check", "--workspace", str(path)]) == 1
    assert "point to missing rows of “accounts”" in capsys.readouterr().err


def test_check_of_a_missing_file_exits_1(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--workspace", str(tmp_path / "nope.cmap")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nope.cmap").exists()
