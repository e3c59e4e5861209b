"""A map's recorded grade history, read the two ways the app reads it: one cell's changes, or
each cell's changes in turn.

Services, reports and the command line hold it (``HeldHistory``, built from a list of
changes); the window's map leaves it in the workspace file and reads it when asked
(storage/stored_history.py): at 1,000 × 100, 35,000 changes held took 11 MB of its peak.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Protocol, overload

from contactmap_desktop.domain.model import CellRef, GradeChange


class GradeHistory(Protocol):
    """The recorded changes of one account's live cells, each cell's oldest first."""

    def of(self, cell: CellRef) -> list[GradeChange]:
        """The cell's changes, oldest first ([] for a cell never graded)."""
        ...

    def by_cell(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        """Each cell that has a recorded history, with its changes oldest first."""
        ...

    def frozen(self) -> GradeHistory:
        """This history as it is now, for a snapshot of the map read on another thread."""
        ...

    @property
    def follows_writes(self) -> bool:
        """True when it keeps changes in memory, so that each write's must be given to
        ``refresh``; a history read from the file has them already."""
        ...

    def refresh(self, cell: CellRef, changes: Sequence[GradeChange]) -> None:
        """The cell's changes as the workspace now holds them, after a write (a history read
        from the file has them already)."""
        ...


def _when(change: GradeChange) -> tuple[datetime, str]:
    """The order of a cell's changes, as the workspace reads them."""
    return change.changed_at, change.id


class HeldHistory(Sequence[GradeChange]):
    """The whole history in memory, oldest first, indexed by cell; read as a list too."""

    def __init__(self, changes: Iterable[GradeChange] = ()) -> None:
        """``changes``: oldest first, as the repositories read them."""
        self._changes = list(changes)
        # Tuples, not lists: at 1,000 × 100, 20,000 cells' histories in lists with room to
        # grow took 2 MB (and 2 MB more while they were built); in tuples, 1 MB. A change
        # makes a new one.
        changes_of: dict[CellRef, tuple[GradeChange, ...]] = {}
        self._changes_of = changes_of
        earlier_of = changes_of.get
        for change in self._changes:  # a tuple replaced is reused at once (the free list)
            cell = change.cell
            earlier = earlier_of(cell)
            changes_of[cell] = (change,) if earlier is None else (*earlier, change)

    follows_writes = True

    def of(self, cell: CellRef) -> list[GradeChange]:
        return list(self._changes_of.get(cell, ()))

    def by_cell(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        return iter(self._changes_of.items())

    def frozen(self) -> HeldHistory:
        """A copy later edits leave as it is; the changes themselves are immutable."""
        copied = HeldHistory()
        copied._changes = list(self._changes)
        copied._changes_of = dict(self._changes_of)
        return copied

    def refresh(self, cell: CellRef, changes: Sequence[GradeChange]) -> None:
        """New changes are added at the end, edited notes replaced, reviews taken back by
        undo dropped."""
        known = {change.id: change for change in self._changes_of.get(cell, ())}
        for change in changes:
            if change.id not in known:
                self.add(change)
            elif known[change.id] != change:
                self.replace(change)
        fresh = {change.id for change in changes}
        for change in known.values():
            if change.id not in fresh:
                self.drop(change)

    def add(self, change: GradeChange) -> None:
        """A grade change just recorded, at the end of the history; in its cell's place by
        time, which for a change a sync brought may be before the cell's latest."""
        self._changes.append(change)
        earlier = self._changes_of.get(change.cell, ())
        changes = (*earlier, change)
        if earlier and _when(earlier[-1]) > _when(change):
            changes = tuple(sorted(changes, key=_when))
        self._changes_of[change.cell] = changes

    def replace(self, saved: GradeChange) -> None:
        """A recorded change saved again (its note edited): the same change, new values."""
        self._changes[:] = [saved if c.id == saved.id else c for c in self._changes]
        self._changes_of[saved.cell] = tuple(saved if c.id == saved.id else c
                                             for c in self._changes_of.get(saved.cell, ()))

    def drop(self, change: GradeChange) -> None:
        """A review taken back by undo: it leaves the history."""
        self._changes[:] = [c for c in self._changes if c.id != change.id]
        self._changes_of[change.cell] = tuple(c for c in self._changes_of.get(change.cell, ())
                                              if c.id != change.id)

    # As a list of the changes in the order they were recorded (the services' and the
    # tests' reads of a loaded map).
    @overload
    def __getitem__(self, index: int) -> GradeChange: ...

    @overload
    def __getitem__(self, index: slice) -> list[GradeChange]: ...

    def __getitem__(self, index: int | slice) -> GradeChange | list[GradeChange]:
        return self._changes[index]

    def __len__(self) -> int:
        return len(self._changes)

    def __iter__(self) -> Iterator[GradeChange]:
        return iter(self._changes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, HeldHistory):
            return self._changes == other._changes
        if isinstance(other, list | tuple):
            return self._changes == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as the list it stands for

    def __repr__(self) -> str:
        return f"HeldHistory({self._changes!r})"
