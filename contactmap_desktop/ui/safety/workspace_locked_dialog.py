"""A workspace already open for editing in another copy of the app: who has it, and viewing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from contactmap_desktop.domain.errors import WorkspaceLockedError


class WorkspaceLockedDialog(QMessageBox):
    """Names the other copy (host, process) and offers to open the workspace read-only."""

    def __init__(self, error: WorkspaceLockedError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle("Workspace in Use")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the holder's host name is shown as typed
        self.setText(str(error))
        self.setInformativeText(
            "Only one window can change a workspace at a time, so that no edit is lost. You "
            "can look at it read-only here; to edit it, close it in the other window first. "
            "If that program has stopped responding, closing it frees the workspace."
        )
        self.view_button: QPushButton = self.addButton(
            "View Read-Only", QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.view_button)

    @classmethod
    def ask(cls, error: WorkspaceLockedError, parent: QWidget | None = None) -> bool:
        """True when the user chose to view the workspace read-only."""
        dialog = cls(error, parent)
        dialog.exec()
        return dialog.clickedButton() is dialog.view_button
