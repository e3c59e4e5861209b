"""The open workspace and account that every view of the window shares, and the one place
where a change set reaches the window."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.domain.model import Account, CellRef
from contactmap_desktop.ui.core.edit_pause import EditPause
from contactmap_desktop.ui.core.edit_runner import EditRunner, ReportError
from contactmap_desktop.ui.core.main_thread_gc import account_opened

if TYPE_CHECKING:  # the window paints before SQLAlchemy, which the services load, is imported
    from contactmap_desktop.services.contact_map_service import CellState
    from contactmap_desktop.services.grade_batch import GradeBatchService
    from contactmap_desktop.services.workspace_service import OpenWorkspace


class AccountReads(Protocol):
    def list_accounts(self) -> list[Account]: ...

    def get(self, account_id: str) -> Account: ...


class MapReads(Protocol):
    def load_shown_map(self, account_id: str) -> ContactMap:
        """The account's map; its grade history stays in the workspace file, read when asked
        (storage/stored_history.py)."""
        ...


class WorkspaceReads(Protocol):
    """What the window reads to paint: the open workspace's services, or before they are
    loaded the first paint's light read (storage/quick_read.py)."""

    @property
    def path(self) -> Path: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def accounts(self) -> AccountReads: ...

    @property
    def contact_maps(self) -> MapReads: ...


class MapDocument(QObject):
    """Holds the current account's map, kept in step with the file through ``apply``.

    Every write (an edit, its undo or redo, an account file merged in, rows a sync wrote)
    ends as a change set given to ``apply``, which brings ``contact_map`` up to date and
    then emits ``changed``; each view reads the change set and redraws only what it names.
    """

    map_loaded = Signal()  # another account was opened
    changed = Signal(object)  # Changes, once contact_map holds them
    current_cell_changed = Signal(object)  # CellRef | None
    current_stakeholder_changed = Signal(object)  # stakeholder id | None
    attached = Signal()  # the services are there: edits are written, features can be built

    opened: OpenWorkspace  # set by ``attach``; only the window's first paint comes before it

    def __init__(self, opened: OpenWorkspace | None, report_error: ReportError,
                 parent: QObject | None = None, *, reads: WorkspaceReads | None = None) -> None:
        """On ``opened``, or on ``reads`` alone until ``attach`` brings the services (edits
        made meanwhile are kept and written then, in order)."""
        super().__init__(parent)
        shown = reads or opened
        assert shown is not None, "a document reads a workspace"
        self.reads: WorkspaceReads = shown
        self.undo_stack = QUndoStack(self)
        self.runner = EditRunner(self.undo_stack, report_error, self.apply)
        # What the views redo once edits pause (findings, plans, agenda…) waits on one timer.
        self.edit_pause = EditPause(self)
        self.account_id: str | None = None
        self.contact_map: ContactMap | None = None
        self.current_cell: CellRef | None = None
        self.current_stakeholder_id: str | None = None
        if opened is None:
            self.runner.hold()
        else:
            self.attach(opened)

    def attach(self, opened: OpenWorkspace) -> None:
        """Write and read through ``opened`` from now on; the edits kept meanwhile wait for
        ``runner.release()``, once the features that redraw from them are built."""
        self.opened = self.reads = opened
        self.runner.read_only = opened.read_only
        if self.contact_map is not None:  # the light read's: a history the file fails to
            # give is now asked of the services
            self.contact_map.history = opened.contact_maps.stored_history(
                self.contact_map.account.id)
        self.attached.emit()

    @property
    def grade_batch(self) -> GradeBatchService:
        return self.opened.services.grade_batch

    @property
    def read_only(self) -> bool:
        return self.reads.read_only

    def open_account(self, account_id: str | None) -> None:
        self.account_id = account_id
        self._read_map()
        account_opened()  # the collector walks the new map once, then leaves it be
        self._drop_missing_selection()
        self.map_loaded.emit()

    def apply(self, changes: Changes) -> None:
        """Bring the open map up to date with ``changes``, then tell every view.

        What the change set names is read from the workspace, so a change written elsewhere
        (a sync, another window's file) shows the same way as an edit made here."""
        if not changes:
            return
        contact_map, account_id = self.contact_map, self.account_id
        if contact_map is not None and account_id is not None:
            if {account_id} & (changes.people | changes.team | changes.whole_accounts):
                self._read_map()
                self._drop_missing_selection()
            else:
                if account_id in changes.accounts:
                    try:
                        contact_map.account = self.opened.accounts.get(account_id)
                    except NotFoundError:  # deleted: the window shows no account
                        self.open_account(None)
                        self.changed.emit(changes)
                        return
                cells = [cell for cell in changes.cells | changes.marks
                         if contact_map.has_cell(cell)]
                self._refresh(self.opened.contact_maps.read_cells(
                    cells, with_history=contact_map.history.follows_writes))
        self.changed.emit(changes)

    def apply_read(self, changes: Changes, states: Iterable[CellState]) -> None:
        """``apply`` for a change set of cells only whose states were read already (off the
        window's thread): the map takes ``states`` as they are, then every view is told."""
        if self.contact_map is not None:
            self._refresh(state for state in states
                          if self.contact_map.has_cell(state.relationship.cell))
        if changes:
            self.changed.emit(changes)

    def _refresh(self, states: Iterable[CellState]) -> None:
        assert self.contact_map is not None
        for state in states:  # history None: the map reads it from the file
            self.contact_map.refresh_cell(state.relationship, state.history)

    def _read_map(self) -> None:
        self.contact_map = None if self.account_id is None else \
            self.reads.contact_maps.load_shown_map(self.account_id)

    def select_cell(self, cell: CellRef | None) -> None:
        if cell != self.current_cell:
            self.current_cell = cell
            self.current_cell_changed.emit(cell)
        self.select_stakeholder(cell.stakeholder_id if cell else self.current_stakeholder_id)

    def select_stakeholder(self, stakeholder_id: str | None) -> None:
        if stakeholder_id != self.current_stakeholder_id:
            self.current_stakeholder_id = stakeholder_id
            self.current_stakeholder_changed.emit(stakeholder_id)

    def _drop_missing_selection(self) -> None:
        stakeholders = {s.id for s in self.contact_map.stakeholders} if self.contact_map else set()
        team = {t.id for t in self.contact_map.team_members} if self.contact_map else set()
        cell = self.current_cell
        if cell is not None and (cell.stakeholder_id not in stakeholders
                                 or cell.team_member_id not in team):
            self.select_cell(None)
        if self.current_stakeholder_id not in stakeholders:
            self.select_stakeholder(None)
