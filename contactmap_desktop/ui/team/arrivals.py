"""What a team sync wrote reaches the open map without a wait on the window's thread: a
worker reads the cells the change set names, and the window takes them in a few at a time.

Reading the arriving cells on the window's thread was its longest wait during a sync
(a few milliseconds a cell, more on a busy machine); bringing states already read into
the map and redrawing them costs a fraction of that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.contact_map_service import CellState
from contactmap_desktop.ui.core.background_task import BackgroundTask
from contactmap_desktop.ui.core.map_document import MapDocument

# Arriving cells the window takes in per turn of its event loop.
CELLS_PER_TURN = 25


@dataclass(frozen=True)
class Slice:
    """A few arriving cells: their change set and their states as read."""

    changes: Changes
    states: tuple[CellState, ...]


class Arrivals(QObject):
    """Brings arriving change sets into the document one after another, in order.

    A cell changed here while its arriving state was read or waited its turn (an edit, an
    undo) keeps what that change read: it was read after the sync wrote, so it is as new."""

    def __init__(self, document: MapDocument, parent: QObject) -> None:
        super().__init__(parent)
        self._document = document
        self._queue: list[Changes] = []
        self._reader: BackgroundTask | None = None
        self._slices = Slices(Changes(), [])
        self._touched: set[CellRef] = set()
        self._applying = False
        document.changed.connect(self._note_change)

    @property
    def busy(self) -> bool:
        return bool(self._queue or self._slices) or self._reader is not None

    def arrive(self, changes: Changes) -> None:
        idle = not self.busy
        self._queue.append(changes)
        if idle:
            self._next()

    def stop(self) -> None:
        """The window closes: nothing more is brought in, and the reader ends before it."""
        self._queue.clear()
        self._slices.clear()
        if self._reader is not None:
            self._reader.wait()

    def _next(self) -> None:
        while self._queue and self._reader is None and not self._slices:
            changes = self._queue.pop(0)
            # Everything but cells first: it may read the whole map again (new people).
            self._document.apply(replace(changes, cells=frozenset(), marks=frozenset()))
            contact_map = self._document.contact_map
            cells: list[CellRef] = []
            if contact_map is not None:  # the open map's cells (a sync may bring others)
                people = {person.id for person in contact_map.stakeholders}
                team = {member.id for member in contact_map.team_members}
                cells = sorted((c for c in changes.cells | changes.marks
                                if c.stakeholder_id in people and c.team_member_id in team),
                               key=lambda c: (c.stakeholder_id, c.team_member_id))
            if cells:
                self._read(changes, cells)

    def _read(self, changes: Changes, cells: list[CellRef]) -> None:
        self._touched = set()
        read_cells = self._document.opened.contact_maps.read_cells
        contact_map = self._document.contact_map
        with_history = contact_map is not None and contact_map.history.follows_writes
        reader = self._reader = BackgroundTask(
            lambda _report: read_cells(cells, with_history=with_history), self)
        reader.succeeded.connect(lambda states: self._take(changes, states))
        # Unreadable here (a storage error): the window reads them itself, as for any edit.
        reader.failed.connect(lambda _message: self._take(changes, None))
        reader.finished.connect(self._read_done)
        reader.start()

    def _take(self, changes: Changes, states: list[CellState] | None) -> None:
        if states is None:
            self._document.apply(Changes(cells=changes.cells, marks=changes.marks))
            return
        self._slices = Slices(changes, states)

    def _read_done(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.deleteLater()
        self._apply_next()

    def _apply_next(self) -> None:
        if self._slices:
            part = self._slices.pop()
            touched = self._touched
            changes = Changes(cells=part.changes.cells - touched,
                              marks=part.changes.marks - touched)
            self._applying = True
            try:
                self._document.apply_read(changes, [s for s in part.states
                                                    if s.relationship.cell not in touched])
            finally:
                self._applying = False
        if self._slices:
            QTimer.singleShot(0, self, self._apply_next)
        else:
            self._slices = Slices(Changes(), [])  # the states read are let go
            self._next()

    def _note_change(self, changes: Changes) -> None:
        if not self._applying and (self._reader is not None or self._slices):
            self._touched |= changes.cells | changes.marks


class Slices:
    """Arriving cells taken a few at a time, each with its grade, history and marks; a
    slice is made when its turn comes (making all 80 of 2,000 cells at once was a wait)."""

    def __init__(self, changes: Changes, states: list[CellState],
                 size: int = CELLS_PER_TURN) -> None:
        self._changes, self._states, self._size = changes, states, size
        self._next = 0

    def __bool__(self) -> bool:
        return self._next < len(self._states)

    def __iter__(self) -> Iterator[Slice]:
        while self:
            yield self.pop()

    def clear(self) -> None:
        self._next = len(self._states)

    def pop(self) -> Slice:
        part = self._states[self._next:self._next + self._size]
        self._next += self._size
        cells = frozenset(state.relationship.cell for state in part)
        return Slice(Changes(cells=cells & self._changes.cells,
                             marks=cells & self._changes.marks), tuple(part))

