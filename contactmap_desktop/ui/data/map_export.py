"""File ▸ Export Contact Map as PDF: the printed map an account meeting reviews (the grid with
its legend and findings, then the power map), written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from contactmap_desktop.ui.core.background_task import BackgroundTask, Report
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry

PDF_FILTER = "PDF documents (*.pdf)"


class MapExport:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.task: BackgroundTask | None = None
        self.action = add_menu_entry(window, "&File", "Export Contact &Map as PDF…", self.ask,
                                     tip="The grid, its legend and findings, and the power map")
        window.document.map_loaded.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.action.setEnabled(self._window.document.account_id is not None and self.task is None)

    def ask(self) -> None:
        contact_map = self._window.document.contact_map
        if contact_map is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Export Contact Map as PDF",
            str(Path.home() / f"{contact_map.account.name} contact map.pdf"), PDF_FILTER)
        if name:
            self.export(Path(name) if Path(name).suffix else Path(name).with_suffix(".pdf"))

    def export(self, out: Path) -> None:
        """Write the PDF off the GUI thread; the status bar says when it is done."""
        account_id = self._window.document.account_id
        if account_id is None or self.task is not None:
            return
        opened = self._window.document.opened

        def job(_report: Report) -> Path:
            # Loaded here, with the first export and on its thread, not with the window.
            from contactmap_desktop.services.map_report import export_contact_map

            export_contact_map(opened, account_id, out)
            return out

        self.task = BackgroundTask(job, self._window)
        self.task.succeeded.connect(
            lambda path: self._window.statusBar().showMessage(f"Wrote {path}", 8000))
        self.task.failed.connect(self._window.report_error)
        self.task.finished.connect(self._finished)
        self._window.statusBar().showMessage(f"Writing {out.name}…")
        self._update_enabled()
        self.task.start()

    def _finished(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self._update_enabled()

