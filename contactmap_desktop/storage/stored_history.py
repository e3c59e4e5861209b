"""An account's grade history read from its workspace file when asked, never held whole.

The window's map keeps no history (35,000 changes took 11 MB at 1,000 × 100, at the peak of
its start): the History panel reads the selected cell's changes, the findings worker streams
them cell by cell. Each read opens its own short read-only connection with the standard
library's sqlite3, as the first paint's light read does (storage/quick_read.py), so that any
thread may read; it sees what was last committed, so an edit written by the window is there
at its next read. The values are those the repositories read
(``tests/integration/storage/test_stored_history.py`` compares both).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.domain.grade_history import GradeHistory
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.storage.row_values import (
    GRADE_CHANGE_FIELDS,
    LIVE_STAKEHOLDERS,
    grade_change_from_values,
)

_CHANGES = (f"SELECT {', '.join(GRADE_CHANGE_FIELDS)} FROM grade_changes "
            f"WHERE stakeholder_id IN ({LIVE_STAKEHOLDERS})")
# ix_grade_changes_cell (stakeholder_id, team_member_id) gives the rows cell by cell; SQLite
# sorts only each cell's few changes by time.
_BY_CELL = f"{_CHANGES} ORDER BY stakeholder_id, team_member_id, changed_at, id"
_OF_CELL = f"{_CHANGES} AND stakeholder_id = ? AND team_member_id = ? ORDER BY changed_at, id"

_CACHE_KB = 256
_BATCH_ROWS = 1000
Row = tuple[Any, ...]


class StoredHistory:
    """The grade history of one account's live cells, as the workspace file holds it.

    A read that fails (damage SQLite's quick check missed, a file another program holds) goes
    where the light read's failures go: to the services (``unreadable``), whose read of the
    history is held from then on; with no services to ask, it is a WorkspaceError.
    """

    def __init__(self, path: Path, account_id: str,
                 unreadable: Callable[[], GradeHistory] | None = None) -> None:
        self.path = Path(path)
        self.account_id = account_id
        self._uri = f"{self.path.resolve().as_uri()}?mode=ro"
        self._unreadable = unreadable
        self._held: GradeHistory | None = None

    def of(self, cell: CellRef) -> list[GradeChange]:
        if self._held is not None:
            return self._held.of(cell)
        try:
            return [_change(row, _the(cell))
                    for row in self._rows(_OF_CELL, cell.stakeholder_id, cell.team_member_id)]
        except sqlite3.Error as error:
            return self._fall_back(error).of(cell)

    def by_cell(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        if self._held is not None:
            return self._held.by_cell()
        return self._streamed()

    def frozen(self) -> GradeHistory:
        """Itself: the file is what it reads (the services' copy once it has fallen back)."""
        return self if self._held is None else self._held.frozen()

    @property
    def follows_writes(self) -> bool:
        return self._held is not None

    def refresh(self, cell: CellRef, changes: Sequence[GradeChange]) -> None:
        if self._held is not None:
            self._held.refresh(cell, changes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StoredHistory):
            return NotImplemented
        return (self.path, self.account_id) == (other.path, other.account_id)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StoredHistory({str(self.path)!r}, {self.account_id!r})"

    def _streamed(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        """Each cell's changes as the cursor gives them; a failure before the first row is
        read from the services instead."""
        started = False
        try:
            for value in _by_cell(self._rows(_BY_CELL)):
                started = True
                yield value
        except sqlite3.Error as error:
            fallen_back = self._fall_back(error)
            if started:  # half read: this read ends as a known error, the next one is whole
                raise WorkspaceError(_UNREADABLE) from error
            yield from fallen_back.by_cell()

    def _rows(self, query: str, *cell: str) -> Iterator[Row]:
        # Closed by whichever thread drops a read left half done.
        connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        try:
            # A read passes over its rows once: SQLite's default 2 MB page cache added 1.5 MB
            # to the window's peak at 1,000 × 100, for a read of every cell 5 % faster.
            connection.execute(f"PRAGMA cache_size = -{_CACHE_KB}")
            cursor = connection.execute(query, (self.account_id, *cell))
            # A batch of rows at a time: row by row, each let go of the interpreter's lock,
            # and the window's thread, woken every time, lost the race to take it back
            # (typing waits of 45-48 ms while the findings worker streamed the history).
            while batch := cursor.fetchmany(_BATCH_ROWS):
                yield from batch
        finally:
            connection.close()

    def _fall_back(self, error: sqlite3.Error) -> GradeHistory:
        if self._unreadable is None:
            raise WorkspaceError(_UNREADABLE) from error
        held = self._unreadable()
        self._held = held
        return held


_UNREADABLE = "The grade history could not be read from the workspace file."


def _by_cell(rows: Iterator[Row]) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
    for (person, member), cell_rows in groupby(rows, key=lambda row: (row[2], row[1])):
        cell = CellRef(member, person)
        yield cell, tuple(_change(row, _the(cell)) for row in cell_rows)


def _the(cell: CellRef) -> Callable[[str, str], CellRef]:
    """The one cell every row of a cell's read names: one CellRef, no new strings."""
    return lambda _member, _person: cell


def _change(row: Row, cell_of: Callable[[str, str], CellRef]) -> GradeChange:
    change_id, member, person, old, new, changed_at, note, changed_by = row
    return grade_change_from_values(change_id, member, person, old, new,
                                    datetime.fromisoformat(changed_at), note, changed_by,
                                    cell_of=cell_of)
