"""The Contact Map as a Qt table: team members down, stakeholders across, a grade per cell.

The model reads the document's ContactMap and never writes: a grade typed into a cell is
turned into ``grade_edit_requested`` so that it goes through an undoable command.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from contactmap_desktop.domain.cell_details import cell_details
from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.leverage import LeverageLink, leverage_links
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.ui.core.dates import WindowDates
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import MapRole

AnyIndex = QModelIndex | QPersistentModelIndex


def describe_cell(contact_map: ContactMap, cell: CellRef) -> str:
    """The cell in words, for tooltips and screen readers: never by color alone."""
    member = contact_map.team_member(cell.team_member_id)
    stakeholder = contact_map.stakeholder(cell.stakeholder_id)
    relationship = contact_map.relationship(cell)
    grade = relationship.grade
    words = [f"{member.name} → {stakeholder.name}: "
             + (f"{grade.label} ({grade.letter})" if grade else "no relationship")]
    if relationship.is_key:
        words.append("key relationship")
    if relationship.needs_filling:
        words.append("a relationship is needed here")
    if relationship.note:
        words.append(f"note: {relationship.note}")
    return "; ".join(words)


class ContactMapModel(QAbstractTableModel):
    grade_edit_requested = Signal(object, object)  # CellRef, Grade | None
    leverage_changed = Signal()  # links drawn across cells: the whole view repaints
    # Columns whose count of relationships may have changed: their header sections repaint.
    # Not headerDataChanged: Qt answers that by laying the whole table out again, which
    # repaints every cell and asks every row header for its size (10-40 ms a grade edit on
    # a large map, and a sync's arriving cells each time).
    counts_changed = Signal(list)  # list[int]

    def __init__(self, document: MapDocument) -> None:
        super().__init__(document)
        self._document = document
        self._rows: dict[str, int] = {}
        self._columns: dict[str, int] = {}
        self._planned: frozenset[CellRef] = frozenset()
        self._links: list[LeverageLink] | None = None  # worked out when first drawn
        self._reindex()
        document.map_loaded.connect(self._reset)
        document.changed.connect(self._changed)

    # --- shape ---------------------------------------------------------------------------

    @property
    def _map(self) -> ContactMap | None:
        return self._document.contact_map

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._map is None:
            return 0
        return len(self._map.team_members)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._map is None:
            return 0
        return len(self._map.stakeholders)

    def cell_at(self, row: int, column: int) -> CellRef | None:
        contact_map = self._map
        if contact_map is None or not (0 <= row < len(contact_map.team_members)) \
                or not (0 <= column < len(contact_map.stakeholders)):
            return None
        return CellRef(contact_map.team_members[row].id, contact_map.stakeholders[column].id)

    def index_of(self, cell: CellRef) -> QModelIndex:
        row, column = self._rows.get(cell.team_member_id), self._columns.get(cell.stakeholder_id)
        if row is None or column is None:
            return QModelIndex()
        return self.index(row, column)

    def leverage_links(self) -> list[LeverageLink]:
        """The map's leverage links, for the view to draw over the cells (kept between
        paints: a large map has tens of thousands of relationships to look through)."""
        if self._links is None:
            self._links = leverage_links(self._map) if self._map is not None else []
        return self._links

    def column_of(self, stakeholder_id: str) -> int | None:
        return self._columns.get(stakeholder_id)

    def row_of(self, team_member_id: str) -> int | None:
        return self._rows.get(team_member_id)

    # --- data ----------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index.row(), index.column()) if index.isValid() else None
        contact_map = self._map
        if cell is None or contact_map is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            grade = contact_map.grade(cell)
            return grade.letter if grade else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = cell_details(contact_map, cell, date.today(), WindowDates.style).lines()
            if cell in self._planned:
                lines.append("B: a Contact Blueprint plans this relationship.")
            return as_typed("\n".join(lines))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe_cell(contact_map, cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == MapRole.GRADE:
            return contact_map.grade(cell)
        if role == MapRole.RELATIONSHIP:
            return contact_map.relationship(cell)
        if role == MapRole.CELL:
            return cell
        if role == MapRole.HAS_PLAN:
            return cell in self._planned
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_at(index.row(), index.column()) if index.isValid() else None
        if cell is None or role != Qt.ItemDataRole.EditRole or self._document.read_only:
            return False
        if isinstance(value, Grade) or value is None:
            grade = value
        else:
            try:
                grade = Grade.parse(str(value))
            except ValidationError:
                return False
        # The command commits the grade and reports the change back through the document.
        self.grade_edit_requested.emit(cell, grade)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        contact_map = self._map
        if contact_map is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(contact_map.stakeholders):
                return None
            stakeholder = contact_map.stakeholders[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return stakeholder.name
            if role == Qt.ItemDataRole.ToolTipRole:
                badges = roles_to_badges(stakeholder.roles) or "no buying role"
                department = f" ({stakeholder.department})" if stakeholder.department else ""
                return as_typed(
                    f"{stakeholder.name}, {stakeholder.title or 'no title'}{department} — "
                    f"{badges}, {stakeholder.seniority.label}; "
                    f"{contact_map.depth(stakeholder.id)} relationship(s)")
            if role == MapRole.STAKEHOLDER:
                return stakeholder
            if role == MapRole.DEPTH:
                return contact_map.depth(stakeholder.id)
            return None
        if not 0 <= section < len(contact_map.team_members):
            return None
        member = contact_map.team_members[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return member.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_typed(
                f"{member.name}, {member.title or 'no title'} — {member.seniority.label}")
        if role == MapRole.TEAM_MEMBER:
            return member
        return None

    def set_planned_cells(self, cells: frozenset[CellRef]) -> None:
        """Which cells have a blueprint; only the cells that changed are repainted."""
        changed = self._planned ^ cells
        self._planned = cells
        for cell in changed:
            index = self.index_of(cell)
            if index.isValid():
                self.dataChanged.emit(index, index, [MapRole.HAS_PLAN])

    # --- keeping in step -----------------------------------------------------------------

    def _reindex(self) -> None:
        contact_map = self._map
        self._rows = {m.id: i for i, m in enumerate(contact_map.team_members)} \
            if contact_map else {}
        self._columns = {s.id: i for i, s in enumerate(contact_map.stakeholders)} \
            if contact_map else {}

    def _reset(self) -> None:
        self.beginResetModel()
        self._links = None
        self._reindex()
        self.endResetModel()

    def _changed(self, changes: Changes) -> None:
        """Repaint what the change set names: a cell's grade or marks repaint that cell and
        its column's count; people edited repaint the headers; only people added, removed or
        moved reset the model (and so the selection)."""
        contact_map = self._map
        if contact_map is None:
            return
        account_id = contact_map.account.id
        if account_id in changes.people | changes.team | changes.whole_accounts:
            if list(self._rows) != [m.id for m in contact_map.team_members] \
                    or list(self._columns) != [s.id for s in contact_map.stakeholders]:
                self._reset()
                return
            self._headers_changed()
            if account_id in changes.whole_accounts:  # any cell may read differently
                self._links = None
                self._all_cells_changed()
                return
        self._cells_changed(changes.cells | changes.marks)

    def _headers_changed(self) -> None:
        for orientation, count in ((Qt.Orientation.Horizontal, self.columnCount()),
                                   (Qt.Orientation.Vertical, self.rowCount())):
            if count:
                self.headerDataChanged.emit(orientation, 0, count - 1)

    def _all_cells_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _cells_changed(self, cells: frozenset[CellRef]) -> None:
        before = self._links
        # Only a change of a linked cell (or of a cell's links) can change the drawing.
        if before is not None and (
                any(link.source in cells or link.target in cells for link in before)
                or any(self._map is not None and self._map.relationship(c).leverage_for
                       for c in cells)):
            self._links = None
            if self.leverage_links() != before:
                self.leverage_changed.emit()
        columns: set[int] = set()
        for cell in cells:
            index = self.index_of(cell)
            if index.isValid():
                self.dataChanged.emit(index, index)
                columns.add(index.column())
        if columns:
            self.counts_changed.emit(sorted(columns))
