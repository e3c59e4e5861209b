"""The window's map reads its grade history from the file when asked: the same changes the
repositories read, one cell or cell by cell, from any thread, and never a crash when the file
fails a read."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.domain.grade_history import GradeHistory, HeldHistory
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.stored_history import StoredHistory
from tests.helpers.builders import SmallMap, build_small_map

pytestmark = pytest.mark.sqlite_only("the window reads the SQLite file with sqlite3")


def _changes(history: GradeHistory) -> list[GradeChange]:
    """Every change, oldest first."""
    return sorted((change for _cell, changes in history.by_cell() for change in changes),
                  key=lambda change: (change.changed_at, change.id))


def _same_reads(stored: GradeHistory, held: HeldHistory, cells: list[CellRef]) -> None:
    assert _changes(stored) == list(held)
    by_cell = list(stored.by_cell())
    assert len({cell for cell, _changes in by_cell}) == len(by_cell)  # each cell once
    assert dict(by_cell) == dict(held.by_cell())
    for cell in cells:
        assert stored.of(cell) == held.of(cell)


def test_the_sample_workspace_reads_the_same_as_the_repositories(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "sample.cmap", with_sample=True,
                            backups_root=tmp_path / "backups")
    try:
        for account in opened.accounts.list_accounts():
            held = opened.contact_maps.load_map(account.id)
            assert len(held.history) > 0
            cells = [CellRef(member.id, person.id) for member in held.team_members
                     for person in held.stakeholders]
            _same_reads(StoredHistory(opened.path, account.id), held.history, cells)
    finally:
        opened.close()


def _graded(tmp_path: Path) -> SmallMap:
    """Changes, a review, a note and a second account's changes, in no single order."""
    small = build_small_map(tmp_path / "work.cmap")
    maps = small.opened.contact_maps
    for cell, grade in ((small.cell(1, 2), Grade.OPEN), (small.cell(0, 0), Grade.TRUST),
                        (small.cell(1, 2), Grade.SATISFIED), (small.cell(0, 1), Grade.MOTIVATED),
                        (small.cell(0, 0), Grade.TRUST), (small.cell(0, 1), None)):
        maps.set_grade(cell, grade, note="why" if grade is Grade.SATISFIED else "")
    other = build_small_map(tmp_path / "other.cmap")  # another file: its own ids
    other.opened.close()
    return small


def test_each_order_gives_the_changes_the_repositories_give(tmp_path: Path) -> None:
    small = _graded(tmp_path)
    held = small.opened.contact_maps.load_map(small.account.id).history
    stored = StoredHistory(small.opened.path, small.account.id)
    cells = [small.cell(row, column) for row in range(2) for column in range(3)]

    _same_reads(stored, held, cells)
    assert [c.new_grade for c in stored.of(small.cell(0, 0))] == [Grade.TRUST, Grade.TRUST]
    assert stored.of(small.cell(1, 1)) == []  # never graded
    for _cell, changes in stored.by_cell():  # each cell's oldest first
        assert list(changes) == sorted(changes, key=lambda c: (c.changed_at, c.id))
    small.opened.close()


def test_a_file_named_with_url_syntax_is_the_one_read(tmp_path: Path) -> None:
    """``?``, ``#`` and ``%41`` in a name address that file, as the services' engine does."""
    small = build_small_map(tmp_path / "plans?v=2#draft%41.cmap")
    small.opened.contact_maps.set_grade(small.cell(0, 0), Grade.OPEN)
    stored = small.opened.contact_maps.stored_history(small.account.id)

    # Read-only: a name read as a URL would fail to open another file, not create it.
    assert [c.new_grade for c in stored.of(small.cell(0, 0))] == [Grade.OPEN]
    small.opened.close()


def test_an_edit_committed_after_the_history_was_made_is_read(tmp_path: Path) -> None:
    small = _graded(tmp_path)
    stored = small.opened.contact_maps.stored_history(small.account.id)
    before = len(_changes(stored))
    small.opened.contact_maps.set_grade(small.cell(1, 1), Grade.INDIFFERENT)

    assert len(_changes(stored)) == before + 1
    assert [c.new_grade for c in stored.of(small.cell(1, 1))] == [Grade.INDIFFERENT]
    small.opened.close()


def test_the_changes_of_people_removed_are_left_out(tmp_path: Path) -> None:
    small = _graded(tmp_path)
    gone = small.stakeholders[2].id
    small.opened.contact_maps.remove_stakeholder(gone)
    stored = StoredHistory(small.opened.path, small.account.id)

    assert stored.of(small.cell(1, 2)) == []
    assert all(cell.stakeholder_id != gone for cell, _changes in stored.by_cell())
    assert all(c.cell.stakeholder_id != gone for c in _changes(stored))
    _same_reads(stored, small.opened.contact_maps.load_map(small.account.id).history,
                [small.cell(1, 2), small.cell(0, 0)])
    small.opened.close()


def test_another_thread_reads_while_this_one_does(tmp_path: Path) -> None:
    small = _graded(tmp_path)
    stored = StoredHistory(small.opened.path, small.account.id)
    here = stored.by_cell()
    first = next(here)  # a read left open on this thread
    there: list[list[tuple[CellRef, tuple[GradeChange, ...]]]] = []
    thread = threading.Thread(target=lambda: there.append(list(stored.by_cell())))
    thread.start()
    thread.join()

    assert there and there[0] == [first, *here]
    small.opened.close()


def _unreadable(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.cmap"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    return path


def test_a_file_that_fails_a_read_is_a_known_error_without_services(tmp_path: Path) -> None:
    stored = StoredHistory(_unreadable(tmp_path), "any account")
    with pytest.raises(WorkspaceError):
        stored.of(CellRef("t", "s"))
    with pytest.raises(WorkspaceError):
        list(stored.by_cell())


def test_a_file_that_fails_a_read_is_read_by_the_services_from_then_on(
        tmp_path: Path) -> None:
    change = GradeChange("c1", CellRef("t", "s"), None, Grade.OPEN, datetime(2026, 1, 1))
    asked: list[bool] = []

    def services() -> HeldHistory:
        asked.append(True)
        return HeldHistory([change])

    stored = StoredHistory(_unreadable(tmp_path), "any account", unreadable=services)
    assert not stored.follows_writes  # the file has every write: none is asked for

    assert list(stored.by_cell()) == [(change.cell, (change,))]
    assert stored.follows_writes  # held from now on: each write's changes are asked for
    assert stored.of(change.cell) == [change]
    later = GradeChange("c2", change.cell, Grade.OPEN, Grade.TRUST, datetime(2026, 2, 1))
    stored.refresh(change.cell, [change, later])  # held now: edits reach it
    assert stored.of(change.cell) == [change, later]
    assert stored.frozen() is not stored and asked == [True]


def test_a_read_the_file_fails_half_way_ends_as_a_known_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _graded(tmp_path)
    held = small.opened.contact_maps.load_map(small.account.id).history
    stored = small.opened.contact_maps.stored_history(small.account.id)
    rows = StoredHistory._rows

    def failing_half_way(self: StoredHistory, query: str, *cell: str):  # type: ignore[no-untyped-def]
        import sqlite3

        for number, row in enumerate(rows(self, query, *cell)):
            if number == 3:  # once the first cell (two rows) was given
                raise sqlite3.DatabaseError("database disk image is malformed")
            yield row

    monkeypatch.setattr(StoredHistory, "_rows", failing_half_way)
    with pytest.raises(WorkspaceError):
        list(stored.by_cell())
    assert _changes(stored) == list(held)  # the services' read, held from now on
    small.opened.close()
