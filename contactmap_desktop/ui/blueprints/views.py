"""The blueprint views of one workspace, wired together: the Blueprint panel, the strategies,
the reference and the overview, all following one map and one selected relationship. Each is
built the first time it is on screen (or asked for) and reads what it shows then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from contactmap_desktop.domain.blueprints import BlueprintSummary
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown, PanelBuiltWhenShown, Room
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.core.plain_text import as_typed

# Each view's module is imported as it is built, with the view.
if TYPE_CHECKING:
    from contactmap_desktop.domain.reference import Reference
    from contactmap_desktop.ui.blueprints.blueprint_panel import BlueprintPanel
    from contactmap_desktop.ui.blueprints.overview_panel import BlueprintOverviewPanel
    from contactmap_desktop.ui.blueprints.reference_panel import ReferencePanel
    from contactmap_desktop.ui.blueprints.strategy_panel import StrategyPanel

ExportPdf = Callable[[str, Path], None]  # account id, target file


class BlueprintViews(QObject):
    """``cell_activated`` asks the map to select a relationship (from the overview or a
    strategy's list of uses)."""

    cell_activated = Signal(object)  # CellRef

    def __init__(self, service: BlueprintService, runner: EditRunner,
                 reference: Callable[[], Reference],
                 today: Callable[[], date], export_pdf: ExportPdf,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._read_reference = reference
        self._today = today
        self._export_pdf = export_pdf
        self._map: ContactMap | None = None
        self._cell: CellRef | None = None
        self.panel_page = PanelBuiltWhenShown(self._build_panel, Room(characters=17, lines=8))
        self.strategies_page = PanelBuiltWhenShown(self._build_strategies,
                                                   Room(characters=25, lines=15))
        self.reference_page = PanelBuiltWhenShown(self._build_reference,
                                                  Room(characters=12, lines=7))
        self.overview_page = BuiltWhenShown(self._build_overview, Room(characters=25, lines=7))

    # --- each view, built now if it is not yet ---------------------------------------------

    @property
    def panel(self) -> BlueprintPanel:
        return self.panel_page.build()

    @property
    def strategies(self) -> StrategyPanel:
        return self.strategies_page.build()

    @property
    def reference(self) -> ReferencePanel:
        return self.reference_page.build()

    @property
    def overview(self) -> BlueprintOverviewPanel:
        """The Blueprints tab's panel."""
        return self.overview_page.build()

    @cached_property
    def _reference(self) -> Reference:
        """The reference text, read when the first view that shows it is built."""
        return self._read_reference()

    def _build_panel(self) -> BlueprintPanel:
        from contactmap_desktop.ui.blueprints.blueprint_panel import BlueprintPanel

        panel = BlueprintPanel(self._service, self._runner, self._reference)
        panel.show_cell(self._map, self._cell)
        return panel

    def _build_strategies(self) -> StrategyPanel:
        """“Use it here” adds to the plan the Blueprint panel shows: that panel is built with
        the strategies, so they follow one plan."""
        from contactmap_desktop.ui.blueprints.strategy_panel import StrategyPanel

        panel = self.panel
        strategies = StrategyPanel(self._reference)
        strategies.set_current_blueprint(panel.blueprint)
        strategies.show_usage(self._summaries())
        panel.current_blueprint_changed.connect(strategies.set_current_blueprint)
        strategies.use_requested.connect(panel.add_strategy)
        strategies.cell_activated.connect(self.cell_activated)
        return strategies

    def _build_reference(self) -> ReferencePanel:
        from contactmap_desktop.ui.blueprints.reference_panel import ReferencePanel

        return ReferencePanel(self._reference)

    def _build_overview(self) -> BlueprintOverviewPanel:
        from contactmap_desktop.ui.blueprints.overview_panel import BlueprintOverviewPanel

        overview = BlueprintOverviewPanel()
        overview.cell_activated.connect(self.cell_activated)
        overview.export_requested.connect(self.ask_export)
        overview.show_summaries(self._summaries())
        return overview

    # --- following the map -----------------------------------------------------------------

    def show_map(self, contact_map: ContactMap | None,
                 cell: CellRef | None = None) -> None:
        """Another account, or the same one after an edit of the map, with the grid's
        current cell (the panel is refreshed once)."""
        self._map = contact_map
        self._cell = cell
        panel = self.panel_page.widget
        if panel is not None:
            panel.show_cell(contact_map, cell)
        self._refresh_summaries()

    def plans_changed(self) -> None:
        """Blueprints changed in the file (an edit, its undo, a sync): read them again."""
        panel = self.panel_page.widget
        if panel is not None:
            panel.refresh()
        self._refresh_summaries()

    def show_cell(self, cell: CellRef | None) -> None:
        self._cell = cell
        panel = self.panel_page.widget
        if panel is not None:
            panel.show_cell(self._map, cell)

    def commit_pending(self) -> None:
        """What is still being typed in the Blueprint panel is saved."""
        panel = self.panel_page.widget
        if panel is not None:
            panel.form.commit_pending()

    def _summaries(self) -> list[BlueprintSummary]:
        return self._service.summaries(self._map, self._today()) if self._map is not None else []

    def _refresh_summaries(self) -> None:
        """Read again for the views built that show them; with none built, nothing is read."""
        strategies, overview = self.strategies_page.widget, self.overview_page.widget
        if strategies is None and overview is None:
            return
        summaries = self._summaries()
        if strategies is not None:
            strategies.show_usage(summaries)
        if overview is not None:
            overview.show_summaries(summaries)

    def ask_export(self) -> None:
        if self._map is None:
            return
        account = self._map.account
        name, _ = QFileDialog.getSaveFileName(
            self.overview_page, "Export blueprints as PDF", f"{account.name} blueprints.pdf",
            "PDF documents (*.pdf)")
        if not name:
            return
        try:
            self._export_pdf(account.id, Path(name))
        except ContactMapError as error:
            QMessageBox.warning(self.overview_page, "Export blueprints", as_typed(str(error)))
