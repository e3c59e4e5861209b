"""Getting data in and out from the window: stakeholder import, CSV export, account files,
and copy/paste of grade blocks with spreadsheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.finding import Finding
from contactmap_desktop.ui.core.background_task import BackgroundTask
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry
from contactmap_desktop.ui.grid.grid_clipboard import GridClipboard

# The import, the CSV export and the account files, with their dialogs, load with their
# first use: the window's memory does not carry them for a menu entry.
if TYPE_CHECKING:
    from contactmap_desktop.services.account_exchange import AccountExchangeService
    from contactmap_desktop.services.csv_import import CsvImportService

CSV_FILTER = "CSV files (*.csv);;All files (*)"


class DataFeature:
    def __init__(self, window: MainWindow, imports: Callable[[], CsvImportService],
                 exchange: Callable[[], AccountExchangeService],
                 findings: Callable[[], list[Finding]]) -> None:
        """``imports``, ``exchange``: the services, built when first asked for;
        ``findings``: the open account's findings as the Findings panel shows them."""
        self._window = window
        document = window.document
        self._imports = imports
        self._exchange = exchange
        self._findings = findings
        self.exports: list[BackgroundTask] = []  # files being written
        window.closing.connect(self._wait_for_exports)
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
        from contactmap_desktop.ui.data.import_commands import ImportStakeholdersCommand
        from contactmap_desktop.ui.data.import_dialog import import_stakeholders

        document = self._window.document
        contact_map = document.contact_map
        if contact_map is None:
            return
        imports = self._imports()
        try:
            result = import_stakeholders(self._window, imports, contact_map.account.id,
                                         contact_map.account.name, path)
        except ContactMapError as error:
            self._window.report_error(str(error))
            return
        if result is not None:
            document.runner.run(ImportStakeholdersCommand(imports, result))

    def import_account(self) -> None:
        from contactmap_desktop.ui.data.account_exchange_dialogs import import_account

        summary = import_account(self._window, self._exchange())
        if summary is not None:
            # A merge from another laptop cannot be undone step by step; the backups keep
            # the state before it.
            self._window.document.undo_stack.clear()
            self._window.document.apply(summary.changes)

    # --- out -----------------------------------------------------------------------------

    # Exports are written on another thread, from a snapshot of the map: at 100,000 cells
    # they take a second or more of Python, which the window must not wait for. Their modules
    # load on that thread too: imported here, beside exports already running, they made the
    # window wait 70-150 ms.

    def export_stakeholders(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is not None:
            snapshot = contact_map.snapshot()
            self._write(f"{contact_map.account.name} stakeholders.csv",
                        lambda: _people_rows(snapshot))

    def export_findings(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is not None:
            snapshot, findings = contact_map.snapshot(), self._findings()
            self._write(f"{contact_map.account.name} findings.csv",
                        lambda: _finding_rows(snapshot, findings))

    def export_account(self) -> None:
        from contactmap_desktop.ui.data.account_exchange_dialogs import (
            account_file_target,
            show_export_error,
        )

        contact_map = self._window.document.contact_map
        if contact_map is None:
            return
        target = account_file_target(self._window, contact_map.account.name)
        if target is not None:
            account_id, exchange = contact_map.account.id, self._exchange
            self._in_background(lambda: exchange().export_account(account_id, target),
                                target, lambda message: show_export_error(self._window, message))

    def _write(self, suggested: str, rows: Callable[[], list[list[str]]]) -> None:
        name, _ = QFileDialog.getSaveFileName(self._window, "Export as CSV",
                                              str(Path.home() / suggested), CSV_FILTER)
        if name:
            self._in_background(lambda: _write_csv(rows(), Path(name)), Path(name),
                                self._window.report_error)

    def _in_background(self, write: Callable[[], object], target: Path,
                       failed: Callable[[str], None]) -> None:
        task = BackgroundTask(lambda _report: write(), self._window,
                              nothing_done=f"{target.name} may be incomplete.")
        task.succeeded.connect(
            lambda _result: self._window.statusBar().showMessage(f"Wrote {target}", 8000))
        task.failed.connect(failed)
        task.finished.connect(lambda: self._written(task))
        self.exports.append(task)
        self._window.statusBar().showMessage(f"Writing {target.name}…")
        task.start()

    def _written(self, task: BackgroundTask) -> None:
        self.exports.remove(task)
        task.deleteLater()

    def _wait_for_exports(self) -> None:
        """The window closes: the files being written are finished first."""
        for task in self.exports:
            task.wait()


# The CSV export's module, imported on the export's own thread.

def _people_rows(contact_map: ContactMap) -> list[list[str]]:
    from contactmap_desktop.services.csv_export import contact_map_rows

    return contact_map_rows(contact_map)


def _finding_rows(contact_map: ContactMap, findings: list[Finding]) -> list[list[str]]:
    from contactmap_desktop.services.csv_export import findings_rows

    return findings_rows(contact_map, findings)


def _write_csv(rows: list[list[str]], out: Path) -> None:
    from contactmap_desktop.services.csv_export import write_csv

    write_csv(rows, out)
