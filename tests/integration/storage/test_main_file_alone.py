"""The .cmap file alone, copied without its -wal, holds every edit once writing pauses."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.storage import checkpoints
from tests.helpers.builders import build_small_map

pytestmark = pytest.mark.sqlite_only("the WAL copied into the main SQLite file")


def _copy_alone(source: Path, target: Path) -> Path:
    """What a user's copy, mail or sync takes: the main file and nothing beside it."""
    shutil.copyfile(source, target)
    return target


def _grades_and_names(path: Path) -> tuple[int, set[str]]:
    connection = sqlite3.connect(path)
    try:
        grades = connection.execute("SELECT count(*) FROM grade_changes").fetchone()[0]
        names = {row[0] for row in connection.execute("SELECT name FROM stakeholders")}
        return grades, names
    finally:
        connection.close()


@pytest.fixture(autouse=True)
def short_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkpoints, "PAUSE_SECONDS", 0.2)


def _wait_until(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_edits_reach_the_main_file_when_typing_pauses(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = small.opened.contact_maps
    for row in range(2):
        for column in range(3):
            service.set_grade(small.cell(row, column), Grade.OPEN)
    wal = tmp_path / "w.cmap-wal"
    assert wal.exists()
    copies = iter(range(1000))

    def copy_has_every_edit() -> bool:
        copy = _copy_alone(tmp_path / "w.cmap", tmp_path / f"copy{next(copies)}.cmap")
        return _grades_and_names(copy) == (6, {"Ada Power", "Uma User", "Abe Advisor"})

    _wait_until(copy_has_every_edit)
    # Still open and still editing: the WAL stays, as kill-safety needs.
    service.set_grade(small.cell(0, 0), Grade.TRUST)
    _wait_until(lambda: _grades_and_names(
        _copy_alone(tmp_path / "w.cmap", tmp_path / f"copy{next(copies)}.cmap"))[0] == 7)
    small.opened.close()


def test_close_leaves_everything_in_the_main_file(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    small.opened.contact_maps.set_grade(small.cell(1, 1), Grade.SATISFIED)
    # A reader left open elsewhere keeps SQLite from removing the WAL at close.
    reader = sqlite3.connect(tmp_path / "w.cmap")
    reader.execute("SELECT count(*) FROM accounts").fetchone()
    try:
        small.opened.close()
        copy = _copy_alone(tmp_path / "w.cmap", tmp_path / "copy.cmap")
        assert _grades_and_names(copy)[0] == 1
        wal = tmp_path / "w.cmap-wal"
        assert not wal.exists() or wal.stat().st_size == 0
    finally:
        reader.close()
