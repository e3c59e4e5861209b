"""The Power Map tab: the org chart of the open account with a toolbar and a legend.

It follows the window's document: another account, changed people or grades redraw it (when
it is next shown, if it is hidden), and a stakeholder chosen elsewhere is selected here.
Selecting a card makes that person the current stakeholder and their key (or else strongest)
relationship the current cell, so the side panels follow. A double click or Enter asks to
edit the person; dropping a card on another makes it report to that person, as one undoable
edit that the service refuses when it would make a loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QToolBar, QVBoxLayout, QWidget

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.power_map import focus_cell
from contactmap_desktop.services.map_report import export_power_map
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.when_shown import WhenShown
from contactmap_desktop.ui.grid.commands import EditStakeholderCommand
from contactmap_desktop.ui.power_map.find_box import FindBox
from contactmap_desktop.ui.power_map.legend import Legend
from contactmap_desktop.ui.power_map.png_export import write_scene_png
from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene
from contactmap_desktop.ui.power_map.power_map_view import PowerMapView

ReportError = Callable[[str], None]


class PowerMapTab(QWidget):
    """Toolbar, chart and legend for the document's account."""

    edit_requested = Signal(str)  # stakeholder id

    def __init__(self, document: MapDocument, report_error: ReportError,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._report_error = report_error
        self._fit_when_drawn = True
        self.scene = PowerMapScene()
        self.view = PowerMapView(self.scene)
        self.zoom_label = QLabel()
        self.find_box = FindBox()
        self.toolbar = QToolBar("Power map")
        self._build_actions()
        self.legend = Legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.view.stakeholder_selected.connect(self._selected)
        self.view.edit_requested.connect(self.edit_requested)
        self.view.reports_to_requested.connect(self.set_reports_to)
        self.view.zoom_changed.connect(self._show_zoom)
        self.find_box.person_chosen.connect(self._found)
        document.map_loaded.connect(lambda: self._changed(fit=True))
        document.changed.connect(self._document_changed)
        document.current_stakeholder_changed.connect(self.select_stakeholder)
        self.view.editable = not document.read_only
        self.no_manager_action.setEnabled(not document.read_only)
        self._show_zoom(self.view.zoom())
        # The scene is drawn when the tab is on screen, not at every edit made out of sight.
        self._drawn_when_shown = WhenShown(self, self.redraw)
        self._drawn_when_shown.request()

    # --- content -------------------------------------------------------------------------

    @property
    def contact_map(self) -> ContactMap | None:
        return self._document.contact_map

    def redraw(self) -> None:
        """Draw the document's map now, keeping the selection (and the zoom unless the
        account changed)."""
        contact_map = self._document.contact_map
        self.scene.set_map(contact_map)
        self.find_box.set_people(contact_map.stakeholders if contact_map else [])
        selected = self.scene.item(self._document.current_stakeholder_id or "")
        if selected is not None:
            selected.setSelected(True)
        self.scene.show_chain_from(selected.stakeholder_id if selected is not None
                                   and self.chain_action.isChecked() else None)
        if self._fit_when_drawn:
            self._fit_when_drawn = False
            self.view.fit()

    def select_stakeholder(self, stakeholder_id: str | None) -> None:
        """Follow a selection made elsewhere (the grid, a finding)."""
        if not self._drawn_when_shown.pending and stakeholder_id != self.view.selected_id():
            self.view.select(stakeholder_id)

    def _changed(self, fit: bool) -> None:
        # A hidden tab is redrawn when it is next shown, not at every grade typed in the grid.
        self._fit_when_drawn = self._fit_when_drawn or fit
        self._drawn_when_shown.request()

    def _document_changed(self, changes: Changes) -> None:
        account_id = self._document.account_id
        if account_id in changes.people | changes.team | changes.whole_accounts:
            self._changed(fit=False)
        elif changes.cells or changes.marks:
            self._cells_changed()

    def _cells_changed(self) -> None:
        # Grades and marks move no one on the chart: the cards are repainted in place.
        contact_map = self._document.contact_map
        if self.isVisible() and not self._drawn_when_shown.pending and contact_map is not None:
            self.scene.update_cards(contact_map)
        else:
            self._changed(fit=False)

    # --- edits ---------------------------------------------------------------------------

    def set_reports_to(self, person_id: str, manager_id: str | None) -> bool:
        """Make ``person_id`` report to ``manager_id`` (None: nobody) as one undo step;
        False if refused or nothing would change."""
        contact_map = self.contact_map
        if contact_map is None or person_id == manager_id:
            return False
        person = contact_map.stakeholder(person_id)
        if person.reports_to_id == manager_id:
            return False  # already so: no empty undo step
        manager = contact_map.stakeholder(manager_id).name if manager_id else "nobody"
        return self._document.runner.run(EditStakeholderCommand(
            self._document, person, replace(person, reports_to_id=manager_id),
            f"{person.name} reports to {manager}"))

    # --- export --------------------------------------------------------------------------

    def export_png(self, path: Path) -> bool:
        try:
            with self.scene.on_paper():
                write_scene_png(self.scene, path)
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        return True

    def export_pdf(self, path: Path) -> bool:
        contact_map = self.contact_map
        if contact_map is None:
            return False
        chain = self.scene.chain
        try:
            export_power_map(self._document.opened, contact_map, path,
                             chain[0] if chain else None)
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        return True

    def ask_export_path(self, title: str, file_filter: str, suffix: str) -> Path | None:
        """The file to write, or None if the user cancelled (tests replace this)."""
        name = self.contact_map.account.name if self.contact_map else "Power map"
        chosen, _ = QFileDialog.getSaveFileName(self, title, f"{name} power map{suffix}",
                                                file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    # --- wiring --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.toolbar
        self.fit_action = self._action("&Fit to Window", self.view.fit, "Ctrl+0")
        self.zoom_in_action = self._action("Zoom &In", self.view.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out_action = self._action("Zoom &Out", self.view.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.chain_action = self._action("&Chain to the Top", self._chain_toggled)
        self.uncovered_action = self._action("&Uncovered Chains", self._uncovered_toggled)
        for toggle in (self.chain_action, self.uncovered_action):
            toggle.setCheckable(True)
            toggle.setChecked(True)
        self.chain_action.setToolTip("Outline the selected person's managers up to the top")
        self.uncovered_action.setToolTip(
            "Outline the people above a key person whom nobody on our team knows")
        self.edit_action = self._action("&Edit Stakeholder…", self._edit_selected)
        self.no_manager_action = self._action("Reports to &Nobody", self._clear_manager)
        self.no_manager_action.setToolTip("Take the selected person out from under their manager")
        self.view.card_actions = [self.edit_action, self.no_manager_action]
        self.png_action = self._action("Export P&NG…", self.ask_png)
        self.pdf_action = self._action("Export &PDF…", self.ask_pdf)
        for action in (self.fit_action, self.zoom_out_action, self.zoom_in_action):
            bar.addAction(action)
        bar.addWidget(self.zoom_label)
        bar.addSeparator()
        bar.addAction(self.chain_action)
        bar.addAction(self.uncovered_action)
        bar.addSeparator()
        bar.addAction(self.png_action)
        bar.addAction(self.pdf_action)
        bar.addSeparator()
        bar.addWidget(self.find_box)

    def _action(self, text: str, slot: Callable[[], None],
                *keys: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _selected(self, stakeholder_id: str | None) -> None:
        if self.chain_action.isChecked():
            self.scene.show_chain_from(stakeholder_id)
        document = self._document
        if stakeholder_id is None or stakeholder_id == document.current_stakeholder_id:
            document.select_stakeholder(stakeholder_id)
            return
        # The side panels show a relationship: the person's key one, or else the strongest.
        contact_map = document.contact_map
        cell = focus_cell(contact_map, stakeholder_id) if contact_map else None
        document.select_cell(cell)
        document.select_stakeholder(stakeholder_id)

    def _found(self, stakeholder_id: str) -> None:
        self.view.select(stakeholder_id)
        item = self.scene.item(stakeholder_id)
        if item is not None:
            self.view.centerOn(item)
        self.view.setFocus()

    def _edit_selected(self) -> None:
        selected = self.view.selected_id()
        if selected is not None:
            self.edit_requested.emit(selected)

    def _clear_manager(self) -> None:
        selected = self.view.selected_id()
        if selected is not None:
            self.set_reports_to(selected, None)

    def _chain_toggled(self) -> None:
        self.scene.show_chain_from(self.view.selected_id() if self.chain_action.isChecked()
                                   else None)

    def _uncovered_toggled(self) -> None:
        self.scene.show_uncovered(self.uncovered_action.isChecked())

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f" {zoom:.0%} ")

    def ask_png(self) -> None:
        path = self.ask_export_path("Export Power Map as PNG", "PNG pictures (*.png)", ".png")
        if path is not None:
            self.export_png(path)

    def ask_pdf(self) -> None:
        path = self.ask_export_path("Export Power Map as PDF", "PDF documents (*.pdf)", ".pdf")
        if path is not None:
            self.export_pdf(path)
