"""The history dock: the selected cell's grade changes, and the account's grade timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grade_timeline import DistributionPoint
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.when_shown import WhenShown
from contactmap_desktop.ui.coverage.grade_history_model import GradeHistoryModel
from contactmap_desktop.ui.coverage.grade_timeline import GradeTimeline


class HistoryPanel(QWidget):
    """The selected cell's changes and the account's timeline, read while on screen."""

    # Shown with no timeline worked out: the findings worker replays it (a tenth of a second
    # at 100,000 cells from the file, too long for the window's thread).
    timeline_needed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = GradeHistoryModel()
        self.table = QTableView()
        self.table.setObjectName("gradeHistoryTable")
        self.table.setAccessibleName("Grade changes of the selected relationship")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        hint = QLabel("Double-click a change to add or edit its note.")
        hint.setObjectName("historyHint")
        hint.setWordWrap(True)
        self.timeline_label = QLabel("Grades across the account over time")
        self.timeline_label.setWordWrap(True)
        self.timeline = GradeTimeline()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline)
        self._timeline_of: ContactMap | None = None
        self._timeline_points: list[DistributionPoint] | None = None
        # Replaying the whole history takes a fifth of a second on a 100,000-cell account:
        # the findings worker does it while the panel is on screen, or once it is shown.
        self._timeline_when_shown = WhenShown(self, self._draw_timeline)
        self._cell_of: tuple[ContactMap | None, CellRef | None] = (None, None)
        # A cell's changes are read from the workspace file: behind the Details panel (where
        # it starts) the panel reads nothing as the user types; it reads once it is shown.
        self._cell_when_shown = WhenShown(self, self._show_changes)

    def show_cell(self, contact_map: ContactMap | None, cell: CellRef | None) -> None:
        """The cell's changes: now if the panel is on screen, else when it is next shown."""
        self._cell_of = (contact_map, cell)
        self._cell_when_shown.request()

    def _show_changes(self) -> None:
        contact_map, cell = self._cell_of
        if contact_map is None or cell is None:
            self.heading.setText("Select a cell to see how its grade has changed.")
            self.model.set_changes([])
            return
        member = contact_map.team_member(cell.team_member_id).name
        stakeholder = contact_map.stakeholder(cell.stakeholder_id).name
        changes = contact_map.history_of(cell)  # one cell, read by its index in the file
        reviews = sum(change.is_review for change in changes)
        counts = counted(len(changes) - reviews, "grade change", zero="no")
        if reviews:
            counts += f", {counted(reviews, 'review')}"
        self.heading.setText(f"<b>{escape(member)} ↔ {escape(stakeholder)}</b>: {counts}")
        self.model.set_changes(changes)

    def show_timeline(self, contact_map: ContactMap | None,
                      points: list[DistributionPoint] | None = None) -> None:
        """The account's timeline (``points`` as the findings worker replayed it, None when
        it did not): drawn now if the panel is on screen, else when it is next shown."""
        self._timeline_of = contact_map
        self._timeline_points = points
        self._timeline_when_shown.request()

    def _draw_timeline(self) -> None:
        contact_map = self._timeline_of
        if contact_map is None:
            self.timeline.set_points([])
            return
        if self._timeline_points is None:  # not the last account's chart meanwhile
            self.timeline.show_pending()
            self.timeline_needed.emit()
            return
        self.timeline.set_points(self._timeline_points)

