"""Getting data in and out from the window: stakeholder import, CSV export, account files,
and copy/paste of grade blocks with spreadsheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.findings import Finding
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.csv_export import contact_map_rows, findings_rows, write_csv
from contactmap_desktop.services.csv_import import CsvImportService
from contactmap_desktop.ui.dialogs.account_exchange_dialogs import export_account, import_account
from contactmap_desktop.ui.dialogs.import_dialog import import_stakeholders
from contactmap_desktop.ui.grid_clipboard import GridClipboard
from contactmap_desktop.ui.import_commands import ImportStakeholdersCommand
from contactmap_desktop.ui.main_window import MainWindow
from contactmap_desktop.ui.window_actions import add_menu_entry

CSV_FILTER = "CSV files (*.csv);;All files (*)"


class DataFeature:
    def __init__(self, window: MainWindow, imports: CsvImportService,
                 exchange: AccountExchangeService, findings: Callable[[], list[Finding]]
                 ) -> None:
        """``findings``: the open account's findings as the Findings panel shows them."""
        self._window = window
        document = window.document
        self.imports = imports
        self.exchange = exchange
        self._findings = findings
        grid = window.map_page.grid
        self.clipboard = GridClipboard(grid, document.runner, document.grade_batch,
                                       window.map_page.model.cell_at, window.report_error)
        window.add_menu_action("&Edit", self.clipboard.copy_action)
        window.add_menu_action("&Edit", self.clipboard.paste_action)
        self.writing = [
            add_menu_entry(window, "&File", "&Import Stakeholders…", self.import_stakeholders,
                           "Ctrl+I"),
            add_menu_entry(window, "&File", "Import &Account File…", self.import_account),
        ]
        self.reading = [
            add_menu_entry(window, "&File", "E&xport Stakeholders as CSV…",
                           self.export_stakeholders),
            add_menu_entry(window, "&File", "Export &Findings as CSV…", self.export_findings),
            add_menu_entry(window, "&File", "Export Acco&unt File…", self.export_account),
        ]
        document.map_loaded.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        document = self._window.document
        has_account = document.account_id is not None
        self.writing[0].setEnabled(has_account and not document.read_only)
        self.writing[1].setEnabled(not document.read_only)
        self.clipboard.copy_action.setEnabled(has_account)
        self.clipboard.paste_action.setEnabled(has_account and not document.read_only)
        for action in self.reading:
            action.setEnabled(has_account)

    # --- in ------------------------------------------------------------------------------

    def import_stakeholders(self, path: Path | None = None) -> None:
        document = self._window.document
        contact_map = document.contact_map
        if contact_map is None:
            return
        try:
            result = import_stakeholders(self._window, self.imports, contact_map.account.id,
                                         contact_map.account.name, path)
        except ContactMapError as error:
            self._window.report_error(str(error))
            return
        if result is not None:
            document.runner.run(ImportStakeholdersCommand(self.imports, result))

    def import_account(self) -> None:
        summary = import_account(self._window, self.exchange)
        if summary is not None:
            # A merge from another laptop cannot be undone step by step; the backups keep
            # the state before it.
            self._window.document.undo_stack.clear()
            self._window.document.apply(summary.changes)

    # --- out -----------------------------------------------------------------------------

    def export_stakeholders(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is not None:
            self._write(f"{contact_map.account.name} stakeholders.csv",
                        lambda: contact_map_rows(contact_map))

    def export_findings(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is not None:
            findings = self._findings()
            self._write(f"{contact_map.account.name} findings.csv",
                        lambda: findings_rows(contact_map, findings))

    def export_account(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is not None:
            export_account(self._window, self.exchange, contact_map.account.id,
                           contact_map.account.name)

    def _write(self, suggested: str, rows: Callable[[], list[list[str]]]) -> None:
        name, _ = QFileDialog.getSaveFileName(self._window, "Export as CSV",
                                              str(Path.home() / suggested), CSV_FILTER)
        if not name:
            return
        try:
            write_csv(rows(), Path(name))
        except ContactMapError as error:
            self._window.report_error(str(error))
            return
        self._window.statusBar().showMessage(f"Wrote {name}", 8000)

