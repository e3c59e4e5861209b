"""The blueprint views of one workspace, wired together: the Blueprint panel, the strategies,
the reference and the overview, all following one map and one selected relationship."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from contactmap_desktop.domain.blueprints import BlueprintSummary
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.reference import Reference
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.blueprints.blueprint_panel import BlueprintPanel
from contactmap_desktop.ui.blueprints.overview_panel import BlueprintOverviewPanel
from contactmap_desktop.ui.blueprints.reference_panel import ReferencePanel
from contactmap_desktop.ui.blueprints.strategy_panel import StrategyPanel
from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown, Room
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.core.plain_text import as_typed

ExportPdf = Callable[[str, Path], None]  # account id, target file


class BlueprintViews(QObject):
    """``cell_activated`` asks the map to select a relationship (from the overview or a
    strategy's list of uses)."""

    cell_activated = Signal(object)  # CellRef

    def __init__(self, service: BlueprintService, runner: EditRunner, reference: Reference,
                 today: Callable[[], date], export_pdf: ExportPdf,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._today = today
        self._export_pdf = export_pdf
        self._map: ContactMap | None = None
        self._cell: CellRef | None = None
        self.panel = BlueprintPanel(service, runner, reference)
        self.strategies = StrategyPanel(reference)
        self.reference = ReferencePanel(reference)
        # The Blueprints tab: built when it is first shown, with the summaries read last.
        self.overview_page = BuiltWhenShown(self._build_overview, Room(characters=25, lines=7))
        self._summaries: list[BlueprintSummary] = []
        self.panel.current_blueprint_changed.connect(self.strategies.set_current_blueprint)
        self.strategies.use_requested.connect(self.panel.add_strategy)
        self.strategies.cell_activated.connect(self.cell_activated)

    @property
    def overview(self) -> BlueprintOverviewPanel:
        """The Blueprints tab's panel, built now if it is not yet."""
        return self.overview_page.build()

    def _build_overview(self) -> BlueprintOverviewPanel:
        overview = BlueprintOverviewPanel()
        overview.cell_activated.connect(self.cell_activated)
        overview.export_requested.connect(self.ask_export)
        overview.show_summaries(self._summaries)
        return overview

    def show_map(self, contact_map: ContactMap | None,
                 cell: CellRef | None = None) -> None:
        """Another account, or the same one after an edit of the map, with the grid's
        current cell (the panel is refreshed once)."""
        self._map = contact_map
        self._cell = cell
        self.panel.show_cell(contact_map, cell)
        self._refresh_summaries()

    def plans_changed(self) -> None:
        """Blueprints changed in the file (an edit, its undo, a sync): read them again."""
        self.panel.refresh()
        self._refresh_summaries()

    def show_cell(self, cell: CellRef | None) -> None:
        self._cell = cell
        self.panel.show_cell(self._map, cell)

    def _refresh_summaries(self) -> None:
        summaries = (self._service.summaries(self._map, self._today())
                     if self._map is not None else [])
        self._summaries = summaries
        self.strategies.show_usage(summaries)
        overview = self.overview_page.widget
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
