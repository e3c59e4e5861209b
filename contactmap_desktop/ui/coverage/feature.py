"""Coverage in the window: findings, cell details and grade history docks, the Focus filter,
notes on recorded grade changes, and Preferences ▸ Coverage.

Findings are worked out shortly after edits stop (not inside each edit), on another thread
(ui/coverage/findings_worker.py), so grading stays instant and the window never waits for
them on the largest accounts.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QInputDialog

from contactmap_desktop.domain.cell_details import cell_details
from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.finding import Finding
from contactmap_desktop.domain.focus import focus_cells
from contactmap_desktop.domain.grade_timeline import DistributionPoint
from contactmap_desktop.domain.model import CellRef, FocusPeriod, GradeChange
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.grade_note_service import GradeNoteService
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.ui.core.dates import WindowDates
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.preferences_dialog import CoveragePage
from contactmap_desktop.ui.core.when_shown import on_screen
from contactmap_desktop.ui.coverage.cell_details_panel import CellDetailsPanel
from contactmap_desktop.ui.coverage.findings_panel import FindingsPanel
from contactmap_desktop.ui.coverage.findings_worker import FindingsWorker, WorkedOut
from contactmap_desktop.ui.coverage.focus_filter import FocusFilter
from contactmap_desktop.ui.coverage.history_panel import HistoryPanel


class ChangeNoteCommand(EditCommand):
    """The note on one recorded grade change (history itself is never rewritten)."""

    def __init__(self, notes: GradeNoteService, change: GradeChange, note: str) -> None:
        super().__init__("Edit note on a grade change")
        self._notes = notes
        self._change = change
        self._note = note

    def apply(self) -> Changes:
        return self._write(self._note)

    def revert(self) -> Changes:
        return self._write(self._change.note)

    def _write(self, note: str) -> Changes:
        return self._notes.set_note(self._change.id, note).changes


class CoverageFeature:
    def __init__(self, window: MainWindow, findings: FindingsService, settings: SettingsService,
                 notes: GradeNoteService) -> None:
        self._window = window
        document = window.document
        self._document = document
        self.settings = settings
        self.findings_service = findings
        self._notes = notes
        self.findings: list[Finding] = []
        self.findings_panel = FindingsPanel()
        self.findings_dock = window.add_dock("Findings", self.findings_panel, "findingsDock")
        self.details_panel = CellDetailsPanel()
        self.details_dock = window.add_dock("Details", self.details_panel, "detailsDock",
                                           lower=True)
        self.history_panel = HistoryPanel()
        self.history_dock = window.add_dock("History", self.history_panel, "historyDock",
                                           lower=True)
        self.findings_dock.raise_()
        grid = window.map_page.grid
        self.focus = FocusFilter(grid, self._cells_in_focus, window.map_page.model.index_of,
                                 window.map_page.visibility)
        window.map_page.add_tool(self.focus.chooser)
        self._worker = FindingsWorker(findings, lambda: document.contact_map, window,
                                      timeline_wanted=lambda: on_screen(self.history_panel),
                                      shown=lambda: self.findings)
        self._worker.found.connect(self._found)
        self.history_panel.timeline_needed.connect(self._worker.request)
        window.closing.connect(self._worker.stop)
        self._pause = document.edit_pause
        document.map_loaded.connect(self._map_loaded)
        document.changed.connect(self._changed)
        document.current_cell_changed.connect(self._moved)
        self.findings_panel.finding_activated.connect(self._go_to_finding)
        self.history_panel.table.doubleClicked.connect(self._edit_change_note)
        window.add_preferences_page(lambda: CoveragePage(self.settings))
        self._map_loaded()

    @property
    def pending(self) -> bool:
        """True while findings are due or being worked out (tests and benchmarks wait on it)."""
        return self._pause.is_due(self._worker.request) or self._worker.busy

    def recompute(self) -> None:
        """The findings now, on this thread (what the worker does after edits pause)."""
        self._pause.cancel(self._worker.request)
        self._worker.cancel()
        contact_map = self._document.contact_map
        self._show([] if contact_map is None else
                   self.findings_service.findings_for_map(contact_map))

    def _found(self, answer: WorkedOut) -> None:
        """The worker's answer, for the map as it still is (older answers never arrive)."""
        if answer.account_id == self._document.account_id:
            self._show(answer.findings, answer.timeline)

    def _show(self, findings: list[Finding], timeline: list[DistributionPoint] | None = None
              ) -> None:
        contact_map = self._document.contact_map
        self.findings = findings
        self.findings_panel.show_findings(
            self.findings, people=contact_map is not None and bool(contact_map.stakeholders))
        # The dock's tab stays short; the panel's first line gives the counts by severity.
        self.findings_dock.setWindowTitle(f"Findings ({len(self.findings)})")
        self.focus.apply()
        self._show_cell(self._document.current_cell)
        # The account's timeline replays its whole history: after edits pause (the worker
        # replays it with the findings, while the History panel is on screen), rather than
        # at every edit or move of the cell.
        self.history_panel.show_timeline(contact_map, timeline)

    def _map_loaded(self) -> None:
        """Another account: its findings are worked out just after the grid has painted, so
        a large account shows at once and its findings follow."""
        self._worker.cancel()
        self.findings = []
        self.findings_panel.show_pending()
        self.findings_dock.setWindowTitle("Findings")
        self.focus.apply()
        self._show_cell(self._document.current_cell)
        self._pause.call_soon(self._worker.request)

    def _changed(self, changes: Changes) -> None:
        account_id = self._document.account_id
        if account_id is None:
            return
        if changes.settings or account_id in changes.people | changes.team \
                | changes.whole_accounts:
            self._show_cell(self._document.current_cell)
            self._worker.cancel()  # an answer from before this change is not current
            self._pause.call_soon(self._worker.request)
            return
        cells = changes.cells | changes.marks | changes.plans
        if not cells:
            return
        if self._document.current_cell in cells:
            self._show_cell(self._document.current_cell)
        self._after_the_pause()

    def _moved(self, cell: CellRef | None) -> None:
        """The user is at work on the map: findings being worked out wait for the next pause,
        rather than compete with the window for the interpreter's lock (a move and a grade
        typed took 50-80 ms instead of 25 while they ran)."""
        self._show_cell(cell)
        if self._worker.busy:
            self._after_the_pause()

    def _after_the_pause(self) -> None:
        """Drop what is being worked out; work the findings out once the user pauses."""
        self._worker.cancel()
        self._pause.call_after(self._worker.request)

    def _show_cell(self, cell: CellRef | None) -> None:
        contact_map = self._document.contact_map
        if contact_map is None or cell is None:
            self.details_panel.show_details(None)
            self.history_panel.show_cell(contact_map, None)
            return
        self.details_panel.show_details(
            cell_details(contact_map, cell, self.findings_service.today(), WindowDates.style))
        self.history_panel.show_cell(contact_map, cell)

    def _cells_in_focus(self, period: FocusPeriod) -> frozenset[CellRef]:
        contact_map = self._document.contact_map
        if contact_map is None:
            return frozenset()
        return focus_cells(contact_map, self.findings, self.findings_service.today(), period)

    def _go_to_finding(self, finding: Finding) -> None:
        grid = self._window.map_page.grid
        self._window.show_tab(self._window.map_page)
        if finding.cells:
            grid.go_to(finding.cells[0])
        elif finding.stakeholder_ids:
            column = self._window.map_page.model.column_of(finding.stakeholder_ids[0])
            if column is not None:
                grid.selectColumn(column)
                grid.setFocus()

    def _edit_change_note(self, index: QModelIndex) -> None:
        change = self.history_panel.model.change_at(index.row())
        if change is None or self._document.read_only:
            return
        note, ok = QInputDialog.getMultiLineText(
            self._window, "Note on a Grade Change",
            "Why did this grade change? (a jump of more than one level deserves a reason)",
            change.note)
        if ok and note != change.note:
            self._document.runner.run(ChangeNoteCommand(self._notes, change, note))


