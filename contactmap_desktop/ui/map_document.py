"""The open workspace and account that every view of the window shares."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.grade_batch import GradeBatchService
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.ui.edit_runner import EditRunner, ReportError


class MapDocument(QObject):
    """Holds the current account's map, kept in step with the file by the edit commands.

    Commands change the file through services, update ``contact_map`` and emit the signal
    that says what changed; views listen and repaint only that.
    """

    map_loaded = Signal()  # another account, or the same one read again
    cells_changed = Signal(object)  # list[CellRef]: relationships that changed
    people_changed = Signal()  # stakeholders or the team changed
    accounts_changed = Signal()
    current_cell_changed = Signal(object)  # CellRef | None
    current_stakeholder_changed = Signal(object)  # stakeholder id | None

    def __init__(self, opened: OpenWorkspace, report_error: ReportError,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.undo_stack = QUndoStack(self)
        self.runner = EditRunner(self.undo_stack, report_error)
        self.runner.read_only = opened.read_only
        self.grade_batch = GradeBatchService(opened.workspace)
        self.account_id: str | None = None
        self.contact_map: ContactMap | None = None
        self.current_cell: CellRef | None = None
        self.current_stakeholder_id: str | None = None

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    def open_account(self, account_id: str | None) -> None:
        self.account_id = account_id
        self.reload()

    def reload(self) -> None:
        """Read the current account again (after edits that touch much of it)."""
        self._read_map()
        self._drop_missing_selection()
        self.map_loaded.emit()

    def refresh_people(self) -> None:
        """Read the account again after a change of stakeholders or team."""
        self._read_map()
        self._drop_missing_selection()
        self.people_changed.emit()

    def reread_cells(self, cells: list[CellRef]) -> None:
        """Read the map again after edits made outside the commands here (a paste)."""
        self._read_map()
        self.cells_changed.emit(cells)

    def _read_map(self) -> None:
        self.contact_map = None if self.account_id is None else \
            self.opened.contact_map.load_map(self.account_id)

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
