"""A workspace that cannot be opened: say what is wrong, offer the newest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from contactmap_desktop.domain.errors import ContactMapError, WorkspaceError
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.backup_service import BackupInfo, BackupService, local_time
from contactmap_desktop.ui.core.dates import date_time_text
from contactmap_desktop.ui.core.plain_text import as_typed


def _accounts(backup: BackupInfo) -> str:
    count = backup.account_count
    return "" if count is None else f", {counted(count, 'account')}"


class DamagedFileDialog(QMessageBox):
    """The problem in the file's own words, the promise that it was not changed, and a way out."""

    def __init__(self, error: WorkspaceError, service: BackupService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("Cannot Open Workspace")
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and messages are shown as typed
        self.setText(f"“{service.workspace_path.name}” cannot be opened.")
        self.backup = service.newest_good()
        details = f"{error}\n\nContactMap has not changed the file."
        self.restore_button: QPushButton | None = None
        if self.backup is not None:
            when = date_time_text(local_time(self.backup.taken_at))
            details += (
                f"\n\nThe newest good backup is from {when}{_accounts(self.backup)}. "
                "Restore it into a new file and open that? Edits made after the backup are "
                "not in it."
            )
            self.restore_button = self.addButton(
                "Restore Backup and Open", QMessageBox.ButtonRole.AcceptRole
            )
            self.addButton(QMessageBox.StandardButton.Cancel)
            self.setDefaultButton(self.restore_button)
        else:
            details += "\n\nThere is no backup of this workspace to fall back on."
            self.addButton(QMessageBox.StandardButton.Close)
        self.setInformativeText(as_typed(details))
        self.restored_path: Path | None = None

    def restore(self) -> Path | None:
        """Restore the offered backup into a new file beside the damaged one."""
        if self.backup is None:
            return None
        try:
            self.restored_path = self._service.restore(
                self.backup, self._service.suggested_target(self.backup)
            )
        except ContactMapError as error:
            QMessageBox.warning(self.parentWidget(), "ContactMap", as_typed(str(error)))
            return None
        return self.restored_path

    @classmethod
    def ask(cls, error: WorkspaceError, service: BackupService,
            parent: QWidget | None = None) -> Path | None:
        """Show it; the restored file to open instead, or None."""
        dialog = cls(error, service, parent)
        dialog.exec()
        if dialog.restore_button is not None and dialog.clickedButton() is dialog.restore_button:
            return dialog.restore()
        return None
