"""The Contact Map tab: the grid, a bar of tools above it (Find first), and a friendly empty
state; the order of people, by drag or by sorting, and department groups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.leverage import LEVERAGE_GRADES
from contactmap_desktop.domain.map_filter import shown_people
from contactmap_desktop.domain.map_order import (
    StakeholderOrder,
    department_starts,
    sorted_stakeholders,
)
from contactmap_desktop.domain.model import CellRef, FocusPeriod, Relationship, Stakeholder
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.domain.reviews import reviewable
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.plain_text import escape
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.grid.commands import UpdateMarksCommand, set_grades
from contactmap_desktop.ui.grid.contact_map_model import ContactMapModel
from contactmap_desktop.ui.grid.contact_map_view import ContactMapView
from contactmap_desktop.ui.grid.find_bar import FindBar
from contactmap_desktop.ui.grid.order_commands import reorder_stakeholders, reorder_team
from contactmap_desktop.ui.grid.section_visibility import SectionVisibility

NO_ACCOUNT = ("<h3>No account is open</h3><p>Choose an account on the left, or add one with "
              "<b>Account ▸ Add Account…</b> (Ctrl+Shift+N).</p>")
ADD_STAKEHOLDERS = ("Add the client's people with <b>Account ▸ Add Stakeholder…</b> or import "
                    "them with <b>File ▸ Import Stakeholders…</b>")
ADD_TEAM = "add your team with <b>Account ▸ Add Team Member…</b>"


def empty_map_text(name: str, stakeholders: int, team_members: int) -> str:
    """What an account with no grid yet lacks: its people, our team, or both."""
    if not stakeholders and not team_members:
        return (f"<h3>{name} has no one on the map yet</h3><p>{ADD_STAKEHOLDERS}, and "
                f"{ADD_TEAM}.</p>")
    if not team_members:
        return (f"<h3>{name} has {counted(stakeholders, 'stakeholder')} and no one from our "
                f"team yet</h3><p>The map needs both sides: {ADD_TEAM}.</p>")
    return (f"<h3>{name} has {counted(team_members, 'team member')} and none of the "
            f"client's people yet</h3><p>{ADD_STAKEHOLDERS}.</p>")


def legend_html() -> str:
    """What the codes in the headers mean, on one line under the grid."""
    roles = " · ".join(f"<b>{r.badge}</b> {r.label}" for r in BuyingRole)
    seniority = " · ".join(f"<b>{s.short_label.replace(' ', '&nbsp;')}</b> {s.label.lower()}"
                           for s in Seniority)
    return f"Buying roles: {roles} &nbsp;—&nbsp; Seniority (both sides): {seniority}"


class MapPage(QWidget):
    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = ContactMapModel(document)
        self.grid = ContactMapView(self.model)
        self.visibility = SectionVisibility(self.grid)
        self.find_bar = FindBar()
        self.group_by_department = False
        self.column_widths: dict[str, int] = {}  # by stakeholder id, kept across resets
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.grid)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("mapLegend")
        self.legend.setWordWrap(True)
        self.legend.setContentsMargins(8, 2, 8, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_bar)
        self.find_bar.summary.setContentsMargins(8, 2, 8, 0)
        layout.addWidget(self.find_bar.summary)
        layout.addWidget(self.stack)
        layout.addWidget(self.legend)
        self.grid.grades_requested.connect(self.set_grades)
        self.model.grade_edit_requested.connect(lambda cell, grade: self.set_grades({cell: grade}))
        self.grid.current_cell_changed.connect(document.select_cell)
        self.grid.context_menu_about_to_show.connect(self._fill_cell_menu)
        self.grid.mark_toggle_requested.connect(self._toggle_current_mark)
        self.grid.stakeholder_order_requested.connect(self.reorder_stakeholders)
        self.grid.team_order_requested.connect(self.reorder_team)
        self.grid.horizontalHeader().sectionResized.connect(self._column_resized)
        self.find_bar.filter_changed.connect(lambda _f: self.apply_filter())
        self.find_bar.done.connect(self.grid.setFocus)
        self.visibility.changed.connect(self._show_summary)
        self.model.modelReset.connect(self._apply_column_widths)
        document.map_loaded.connect(self._show_state)
        document.map_loaded.connect(self.apply_filter)  # its summary redraws department lines
        document.changed.connect(self._changed)
        # Tab walks the bar left to right, then into the grid.
        bar = self.find_bar
        self._last_tool: QWidget = bar.clear_button
        for first, second in ((bar.text, bar.role), (bar.role, bar.seniority),
                              (bar.seniority, bar.concerns), (bar.concerns, bar.clear_button),
                              (bar.clear_button, self.grid)):
            QWidget.setTabOrder(first, second)
        self._show_state()
        self.apply_filter()

    def add_banner(self, banner: QWidget) -> None:
        """A message above the tools (the first-start welcome)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, banner)

    def add_tool(self, widget: QWidget) -> None:
        """Put a tool (a filter, a button) in the bar above the grid, after the others."""
        self.find_bar.add_tool(widget)
        QWidget.setTabOrder(self._last_tool, widget)
        QWidget.setTabOrder(widget, self.grid)
        self._last_tool = widget

    def set_grades(self, grades: dict[CellRef, Grade | None]) -> None:
        if self._document.contact_map is None:
            return
        command = set_grades(self._document, grades)
        if command.changes_anything:
            self._document.runner.run(command)

    def mark_reviewed(self, cells: list[CellRef], text: str = "") -> bool:
        """Confirm the grades of these cells as they are: one review each, one undo step.
        False when none of them has a grade to confirm."""
        contact_map = self._document.contact_map
        graded = reviewable(contact_map, cells) if contact_map is not None else []
        if contact_map is None or not graded:
            return False
        words = self._cell_words(graded[0]) if len(graded) == 1 else f"{len(graded)} cells"
        command = set_grades(self._document, {c: contact_map.grade(c) for c in graded},
                             text or f"Mark {words} reviewed")
        return self._document.runner.run(command)

    # --- find and filter -----------------------------------------------------------------

    def apply_filter(self) -> None:
        contact_map, wanted = self._document.contact_map, self.find_bar.current_filter()
        if contact_map is None or not wanted.is_active:
            self.visibility.set_rule("find", None, None)
            return
        shown = shown_people(contact_map, wanted)
        rows = (self.model.row_of(i) for i in shown.team_member_ids)
        columns = (self.model.column_of(i) for i in shown.stakeholder_ids)
        self.visibility.set_rule("find", frozenset(r for r in rows if r is not None),
                                 frozenset(c for c in columns if c is not None))

    def _changed(self, changes: Changes) -> None:
        account_id = self._document.account_id
        if account_id in changes.people | changes.team | changes.whole_accounts:
            self._show_state()
            self.apply_filter()
        elif changes.cells and self.find_bar.current_filter().concerns_only:
            self.apply_filter()  # a new grade may be a concern

    def _show_summary(self) -> None:
        rows, columns = self.visibility.shown()
        total_rows, total_columns = self.model.rowCount(), self.model.columnCount()
        if (rows, columns) == (total_rows, total_columns):
            self.find_bar.show_summary("")
        elif rows == 0 or columns == 0:
            self.find_bar.show_summary("No one matches — Show all brings everyone back")
        else:
            self.find_bar.show_summary(f"Showing {columns} of {total_columns} stakeholders, "
                                       f"{rows} of {total_rows} team members")
        self._show_groups()

    # --- order ---------------------------------------------------------------------------

    def reorder_stakeholders(self, ids: list[str], text: str = "Reorder stakeholders") -> None:
        if self._document.contact_map is None:
            return
        command = reorder_stakeholders(self._document, ids, text)
        if command.changes_anything:
            self._document.runner.run(command)

    def reorder_team(self, ids: list[str]) -> None:
        if self._document.contact_map is None:
            return
        command = reorder_team(self._document, ids)
        if command.changes_anything:
            self._document.runner.run(command)

    def sort_stakeholders(self, order: StakeholderOrder) -> None:
        contact_map = self._document.contact_map
        if contact_map is not None:
            ordered = sorted_stakeholders(contact_map.stakeholders, order)
            self.reorder_stakeholders([s.id for s in ordered],
                                      f"Sort stakeholders by {order.label}")

    def set_group_by_department(self, on: bool, sort: bool) -> None:
        """A line between departments; with ``sort``, the columns are sorted so (undoably)."""
        self.group_by_department = on
        if sort:
            self.sort_stakeholders(StakeholderOrder.DEPARTMENT)
        self._show_groups()

    def _show_groups(self) -> None:
        contact_map = self._document.contact_map
        if not self.group_by_department or contact_map is None:
            self.grid.set_group_starts(frozenset())
            return
        visible = [s for column, s in enumerate(contact_map.stakeholders)
                   if not self.grid.isColumnHidden(column)]
        starts = (self.model.column_of(i) for i in department_starts(visible))
        self.grid.set_group_starts(frozenset(c for c in starts if c is not None))

    # --- column widths -------------------------------------------------------------------

    def set_column_widths(self, widths: dict[str, int]) -> None:
        self.column_widths = dict(widths)
        self._apply_column_widths()

    def _apply_column_widths(self) -> None:
        header = self.grid.horizontalHeader()
        for stakeholder_id, width in list(self.column_widths.items()):
            column = self.model.column_of(stakeholder_id)
            if column is not None and not header.isSectionHidden(column):
                header.resizeSection(column, width)

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        stakeholder = self.model.headerData(column, Qt.Orientation.Horizontal,
                                            MapRole.STAKEHOLDER)
        if new > 0 and isinstance(stakeholder, Stakeholder):  # hiding is not resizing
            self.column_widths[stakeholder.id] = new

    def _show_state(self) -> None:
        contact_map = self._document.contact_map
        if contact_map is None:
            self.empty.setText(NO_ACCOUNT)
            self.stack.setCurrentWidget(self.empty)
        elif not contact_map.stakeholders or not contact_map.team_members:
            self.empty.setText(empty_map_text(escape(contact_map.account.name),
                                              len(contact_map.stakeholders),
                                              len(contact_map.team_members)))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.grid)
        self.grid.set_movable(not self._document.read_only)

    # --- the cell's menu -----------------------------------------------------------------

    def _fill_cell_menu(self, menu: QMenu, cell: CellRef | None) -> None:
        contact_map = self._document.contact_map
        if cell is None or contact_map is None or self._document.read_only:
            return
        relationship = contact_map.relationship(cell)
        grades = menu.addMenu("Set &Grade")
        for grade in GRADES_TOP_DOWN:
            action = grades.addAction(f"&{grade.letter} — {grade.label}")
            action.triggered.connect(lambda _c=False, g=grade: self.set_grades({cell: g}))
        clear = grades.addAction("&Clear")
        clear.triggered.connect(lambda: self.set_grades({cell: None}))
        reviewed = menu.addAction("Mark &Reviewed")
        reviewed.setEnabled(relationship.grade is not None)
        reviewed.triggered.connect(lambda: self.mark_reviewed([cell]))
        key = self._toggle(menu, "&Key Relationship\tK", relationship.is_key)
        key.triggered.connect(lambda on: self._mark(relationship, is_key=on))
        filling = self._toggle(menu, "&Needs a Relationship\tN", relationship.needs_filling)
        filling.setEnabled(relationship.grade is None)
        filling.triggered.connect(lambda on: self._mark(relationship, needs_filling=on))
        focus = menu.addMenu("&Focus")
        for period in (None, *FocusPeriod):
            label = "&None" if period is None else f"Next &{period.value} days"
            action = self._toggle(focus, label, relationship.focus_period is period)
            action.triggered.connect(lambda _c=False, p=period: self._set_focus(relationship, p))
        if relationship.grade in LEVERAGE_GRADES or relationship.leverage_for:
            self._fill_leverage_menu(menu.addMenu("&Leverage For"), relationship)
        menu.addAction("Edit N&ote…").triggered.connect(lambda: self._edit_note(relationship))
        menu.addSeparator()

    def _fill_leverage_menu(self, menu: QMenu, relationship: Relationship) -> None:
        """The key cells and concerns this Trust or Open relationship could help improve."""
        contact_map = self._document.contact_map
        assert contact_map is not None
        usable = relationship.grade in LEVERAGE_GRADES  # a cooled source may only drop links
        targets = [r.cell for r in contact_map.relationships.values()
                   if r.cell != relationship.cell
                   and ((usable and (r.is_key or (r.grade is not None and r.grade.is_concern)))
                        or r.cell in relationship.leverage_for)]
        for target in sorted(targets, key=self._cell_words):
            linked = target in relationship.leverage_for
            action = self._toggle(menu, self._cell_words(target), linked)
            links = tuple(c for c in relationship.leverage_for if c != target) if linked \
                else (*relationship.leverage_for, target)
            action.triggered.connect(lambda _c=False, new=links:
                                     self._mark(relationship, leverage_for=new))
        if not targets:
            menu.addAction("No key or concern cells to help yet").setEnabled(False)

    def _toggle_current_mark(self, field: str) -> None:
        cell = self.grid.current_cell()
        contact_map = self._document.contact_map
        if cell is None or contact_map is None:
            return
        relationship = contact_map.relationship(cell)
        if field == "is_key":
            self._mark(relationship, is_key=not relationship.is_key)
        else:
            self._mark(relationship, needs_filling=not relationship.needs_filling)

    @staticmethod
    def _toggle(menu: QMenu, text: str, checked: bool) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        return action

    def _mark(self, before: Relationship, **changes: object) -> None:
        after = replace(before, **changes)  # type: ignore[arg-type]
        names = {"is_key": "key mark", "needs_filling": "needs-a-relationship mark",
                 "note": "note", "focus_period": "focus", "leverage_for": "leverage"}
        what = names[next(iter(changes))]
        self._document.runner.run(UpdateMarksCommand(
            self._document, before, after, f"Change {what} of {self._cell_words(before.cell)}"))

    def _set_focus(self, before: Relationship, period: FocusPeriod | None) -> None:
        due = date.today() + timedelta(days=period.value) if period else None
        self._mark(before, focus_period=period, focus_due=due)

    def _edit_note(self, before: Relationship) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, "Note", f"Note on {self._cell_words(before.cell)}:", before.note)
        if ok and text != before.note:
            self._mark(before, note=text)

    def _cell_words(self, cell: CellRef) -> str:
        contact_map = self._document.contact_map
        assert contact_map is not None
        return (f"{contact_map.team_member(cell.team_member_id).name} → "
                f"{contact_map.stakeholder(cell.stakeholder_id).name}")
