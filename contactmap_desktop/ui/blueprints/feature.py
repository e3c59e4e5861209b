"""Contact Blueprints in the window: the Blueprint, Influence Strategies and Roles and Grades
docks, the Blueprints tab, File ▸ Export Blueprints PDF, and “What does this mean?” (F1) on
the grid's cells and stakeholder headers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.paths import resource
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.clock import utc_now
from contactmap_desktop.ui.blueprints.views import BlueprintViews
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.core.window_actions import add_menu_entry

if TYPE_CHECKING:
    from contactmap_desktop.domain.reference import Reference
    from contactmap_desktop.services.workspace_service import OpenWorkspace


class BlueprintFeature:
    def __init__(self, window: MainWindow, plans: BlueprintService) -> None:
        self._window = window
        document = window.document
        self._document = document
        opened = document.opened
        self._plans = plans
        self.views = BlueprintViews(
            self._plans, document.runner,
            _read_reference, lambda: utc_now().date(),
            lambda account_id, out: _export_blueprints(opened, account_id, out))
        views = self.views
        self.panel_dock = window.add_dock("Blueprint", views.panel_page, "blueprintDock")
        self.strategies_dock = window.add_dock("Strategies", views.strategies_page,
                                               "strategiesDock", lower=True)
        self.reference_dock = window.add_dock("Reference", views.reference_page,
                                              "referenceDock", lower=True)
        window.add_tab("&Blueprints", views.overview_page)
        self.export_action = add_menu_entry(window, "&File", "Export &Blueprints PDF…",
                                            views.ask_export)
        document.map_loaded.connect(self._map_changed)
        document.changed.connect(self._changed)
        window.closing.connect(views.commit_pending)  # keep what was just typed
        document.current_cell_changed.connect(views.show_cell)
        views.cell_activated.connect(self.go_to)
        grid = window.map_page.grid
        grid.context_menu_about_to_show.connect(self._fill_cell_menu)
        header = grid.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.help = QAction("&What does this mean?", grid)
        self.help.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.help.triggered.connect(lambda: self.explain_cell(grid.current_cell()))
        grid.addAction(self.help)
        self._map_changed()

    def _map_changed(self) -> None:
        self.export_action.setEnabled(self._document.contact_map is not None)
        self.views.show_map(self._document.contact_map, self._document.current_cell)
        self._mark_planned_cells()

    def _changed(self, changes: Changes) -> None:
        account_id = self._document.account_id
        if account_id in changes.people | changes.team | changes.whole_accounts:
            self._map_changed()
            return
        if changes.plans:
            self.views.plans_changed()
            self._mark_planned_cells()
        if changes.cells or changes.marks:
            # Grades typed in the grid change the plans' current grades: refreshed once
            # typing pauses, so grading stays instant on large accounts.
            self._document.edit_pause.call_after(self._map_changed)

    def _mark_planned_cells(self) -> None:
        """The grid shows which relationships have a plan."""
        account_id = self._document.account_id
        cells = self._plans.cells_with_blueprint(account_id) if account_id else frozenset()
        self._window.map_page.model.set_planned_cells(cells)

    def go_to(self, cell: CellRef) -> None:
        self._window.show_tab(self._window.map_page)
        self._window.map_page.grid.go_to(cell)
        self.panel_dock.show()
        self.panel_dock.raise_()

    # --- “What does this mean?” ----------------------------------------------------------

    def _fill_cell_menu(self, menu: QMenu, cell: CellRef | None) -> None:
        if cell is None:
            return
        menu.addSeparator()
        plan = menu.addAction("&Blueprint…")
        plan.triggered.connect(lambda: self.go_to(cell))
        menu.addAction(self.help)

    def explain_cell(self, cell: CellRef | None) -> None:
        contact_map = self._document.contact_map
        grade = contact_map.grade(cell) if contact_map is not None and cell else None
        self._show_reference()
        self.views.reference.show_grade(grade if grade is not None else Grade.INDIFFERENT)

    def explain_stakeholder(self, stakeholder_id: str) -> None:
        contact_map = self._document.contact_map
        roles = contact_map.stakeholder(stakeholder_id).roles if contact_map else frozenset()
        self._show_reference()
        self.views.reference.show_role(next((r for r in BuyingRole if r in roles),
                                            BuyingRole.POWER))

    def _header_menu(self, position: QPoint) -> None:
        header = self._window.map_page.grid.horizontalHeader()
        section = header.logicalIndexAt(position)
        stakeholder = header.model().headerData(section, Qt.Orientation.Horizontal,
                                                MapRole.STAKEHOLDER) if section >= 0 else None
        if stakeholder is None:
            return
        menu = QMenu(header)
        menu.addAction("What does this mean?").triggered.connect(
            lambda: self.explain_stakeholder(stakeholder.id))
        menu.exec(header.mapToGlobal(position))

    def _show_reference(self) -> None:
        self.reference_dock.show()
        self.reference_dock.raise_()


def _export_blueprints(opened: OpenWorkspace, account_id: str, out: Path) -> None:
    # The report's module loads with the first export, not with the window.
    from contactmap_desktop.services.blueprint_report import export_blueprints

    export_blueprints(opened, account_id, out)


def _read_reference() -> Reference:
    from contactmap_desktop.domain.reference import load_reference

    return load_reference(resource("reference"))
