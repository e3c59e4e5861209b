"""The Contact Map tab: the grid, a bar of tools above it, and a friendly empty state."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.model import CellRef, FocusPeriod, Relationship
from contactmap_desktop.ui.commands import SetGradesCommand, UpdateMarksCommand
from contactmap_desktop.ui.map_document import MapDocument
from contactmap_desktop.ui.models.contact_map_model import ContactMapModel
from contactmap_desktop.ui.views.contact_map_view import ContactMapView

LEVERAGE_GRADES = (Grade.TRUST, Grade.OPEN)
NO_ACCOUNT = ("<h3>No account is open</h3><p>Choose an account on the left, or add one with "
              "<b>Account ▸ Add Account…</b> (Ctrl+Shift+N).</p>")
NO_PEOPLE = ("<h3>{name} has no one on the map yet</h3><p>Add the client's people with "
             "<b>Account ▸ Add Stakeholder…</b> or import them with <b>File ▸ Import "
             "Stakeholders…</b>, and your team with <b>Account ▸ Add Team Member…</b>.</p>")


class MapPage(QWidget):
    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = ContactMapModel(document)
        self.grid = ContactMapView(self.model)
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(6, 4, 6, 0)
        self.tools.addStretch(1)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.tools)
        layout.addWidget(self.stack)
        self.grid.grades_requested.connect(self.set_grades)
        self.model.grade_edit_requested.connect(lambda cell, grade: self.set_grades({cell: grade}))
        self.grid.current_cell_changed.connect(document.select_cell)
        self.grid.context_menu_about_to_show.connect(self._fill_cell_menu)
        self.grid.mark_toggle_requested.connect(self._toggle_current_mark)
        document.map_loaded.connect(self._show_state)
        document.people_changed.connect(self._show_state)
        self._show_state()

    def add_tool(self, widget: QWidget) -> None:
        """Put a tool (a filter, a button) in the bar above the grid, before the stretch."""
        self.tools.insertWidget(self.tools.count() - 1, widget)

    def set_grades(self, grades: dict[CellRef, Grade | None]) -> None:
        if self._document.contact_map is None:
            return
        command = SetGradesCommand(self._document, grades)
        if command.changes_anything:
            self._document.runner.run(command)

    def _show_state(self) -> None:
        contact_map = self._document.contact_map
        if contact_map is None:
            self.empty.setText(NO_ACCOUNT)
            self.stack.setCurrentWidget(self.empty)
        elif not contact_map.stakeholders or not contact_map.team_members:
            self.empty.setText(NO_PEOPLE.format(name=contact_map.account.name))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.grid)

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
        if relationship.grade in LEVERAGE_GRADES:
            self._fill_leverage_menu(menu.addMenu("&Leverage For"), relationship)
        menu.addAction("Edit &Note…").triggered.connect(lambda: self._edit_note(relationship))
        menu.addSeparator()

    def _fill_leverage_menu(self, menu: QMenu, relationship: Relationship) -> None:
        """The key cells and concerns this Trust or Open relationship could help improve."""
        contact_map = self._document.contact_map
        assert contact_map is not None
        targets = [r.cell for r in contact_map.relationships.values()
                   if r.cell != relationship.cell
                   and (r.is_key or (r.grade is not None and r.grade.is_concern))]
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
