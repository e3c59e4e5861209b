"""The Power Map tab: the org chart of the account with a toolbar and a legend.

Selecting a card says which stakeholder is current (the side panels follow it); a double
click or Enter asks to edit that person; dropping a card on another makes it report to that
person, as one undoable edit that the service refuses when it would make a loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QToolBar, QVBoxLayout, QWidget

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.services.map_report import export_power_map
from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.ui.power_map.find_box import FindBox
from contactmap_desktop.ui.power_map.legend import legend_html
from contactmap_desktop.ui.power_map.png_export import write_scene_png
from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene
from contactmap_desktop.ui.power_map.power_map_view import PowerMapView
from contactmap_desktop.ui.power_map.reports_to_command import SetReportsToCommand

ReportError = Callable[[str], None]


class PowerMapTab(QWidget):
    """Toolbar, chart and legend for one account at a time."""

    stakeholder_selected = Signal(object)  # str | None
    edit_requested = Signal(str)  # stakeholder id

    def __init__(self, opened: OpenWorkspace, undo_stack: QUndoStack,
                 report_error: ReportError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened = opened
        self._stack = undo_stack
        self._report_error = report_error
        self._map: ContactMap | None = None
        self.scene = PowerMapScene()
        self.view = PowerMapView(self.scene)
        self.zoom_label = QLabel()
        self.find_box = FindBox()
        self.toolbar = QToolBar("Power map")
        self._build_actions()
        legend = QLabel(legend_html())
        legend.setWordWrap(True)
        legend.setContentsMargins(8, 2, 8, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self.view.stakeholder_selected.connect(self._selected)
        self.view.edit_requested.connect(self.edit_requested)
        self.view.reports_to_requested.connect(self.set_reports_to)
        self.view.zoom_changed.connect(self._show_zoom)
        self.find_box.person_chosen.connect(self._found)
        self._show_zoom(self.view.zoom())

    # --- content -------------------------------------------------------------------------

    @property
    def contact_map(self) -> ContactMap | None:
        return self._map

    def show_map(self, contact_map: ContactMap | None, fit: bool = True) -> None:
        """Draw this map (None: no account open); ``fit`` shows the whole chart."""
        selected = self.view.selected_id()
        self._map = contact_map
        self.scene.set_map(contact_map)
        self.find_box.set_people(contact_map.stakeholders if contact_map else [])
        if selected is not None and self.scene.item(selected) is not None:
            self.scene.item(selected).setSelected(True)  # type: ignore[union-attr]
        if fit:
            self.view.fit_when_shown()

    def reload(self) -> None:
        """Read the account again after an edit, keeping the zoom and the selection."""
        if self._map is not None:
            self.show_map(self._opened.contact_map.load_map(self._map.account.id), fit=False)

    def select_stakeholder(self, stakeholder_id: str | None) -> None:
        """Follow a selection made elsewhere (the grid, a finding)."""
        if stakeholder_id != self.view.selected_id():
            self.view.select(stakeholder_id)

    # --- edits ---------------------------------------------------------------------------

    def set_reports_to(self, person_id: str, manager_id: str | None) -> bool:
        """Make ``person_id`` report to ``manager_id`` (None: nobody) as one undo step;
        False if refused or nothing would change."""
        if self._map is None or person_id == manager_id:
            return False
        person = self._map.stakeholder(person_id)
        if person.reports_to_id == manager_id:
            return False  # already so: no empty undo step
        manager = self._map.stakeholder(manager_id) if manager_id else None
        command = SetReportsToCommand(self._opened.contact_map, person, manager, self.reload)
        try:
            command.apply()
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        self._stack.push(command)
        return True

    # --- export --------------------------------------------------------------------------

    def export_png(self, path: Path) -> bool:
        try:
            write_scene_png(self.scene, path)
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        return True

    def export_pdf(self, path: Path) -> bool:
        if self._map is None:
            return False
        chain = self.scene.chain
        try:
            export_power_map(self._opened, self._map, path, chain[0] if chain else None)
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        return True

    def ask_export_path(self, title: str, file_filter: str, suffix: str) -> Path | None:
        """The file to write, or None if the user cancelled (tests replace this)."""
        name = self._map.account.name if self._map else "Power map"
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
        self.png_action = self._action("Export P&NG…", self._ask_png)
        self.pdf_action = self._action("Export &PDF…", self._ask_pdf)
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
        self.stakeholder_selected.emit(stakeholder_id)

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

    def _ask_png(self) -> None:
        path = self.ask_export_path("Export Power Map as PNG", "PNG pictures (*.png)", ".png")
        if path is not None:
            self.export_png(path)

    def _ask_pdf(self) -> None:
        path = self.ask_export_path("Export Power Map as PDF", "PDF documents (*.pdf)", ".pdf")
        if path is not None:
            self.export_pdf(path)
