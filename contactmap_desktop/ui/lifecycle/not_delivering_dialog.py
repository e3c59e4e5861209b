"""The question asked before a new engagement while the account's current one is not
delivering: say why more is premature, and let the user go on or cancel."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from contactmap_desktop.domain.engagements import Engagement
from contactmap_desktop.ui.lifecycle.context import LifecycleContext


def may_start_engagement(context: LifecycleContext, parent: QWidget | None = None) -> bool:
    """True when a new engagement may start on the context's account: it is delivering, or
    the user, told it is not, chose to go on. Article 001: do not ask for more while not
    delivering — said at the moment more is asked for."""
    assert context.account_id is not None
    behind = context.lifecycle.not_delivering(context.account_id)
    return not behind or NotDeliveringDialog.ask(behind, parent)


class NotDeliveringDialog(QMessageBox):
    """Names the active engagements that miss their metrics; Cancel is the default."""

    def __init__(self, behind: Sequence[Engagement], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Not Delivering Yet")
        self.setTextFormat(Qt.TextFormat.PlainText)  # engagement names are shown as typed
        names = ", ".join(f"“{engagement.name}”" for engagement in behind)
        verb = "misses its" if len(behind) == 1 else "miss their"
        self.setText(f"{names} {verb} metrics: this account is not delivering yet.")
        self.setInformativeText(
            "Proposing more while the work under way falls short of what was agreed tells the "
            "client we want their money before we have earned it. Bring the current "
            "engagement back on target first, then propose the next one.\n\n"
            "Start a new engagement anyway?")
        self.start_button: QPushButton = self.addButton(
            "Start Anyway", QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Cancel))

    @classmethod
    def ask(cls, behind: Sequence[Engagement], parent: QWidget | None = None) -> bool:
        """True when the user chose to start the new engagement all the same."""
        dialog = cls(behind, parent)
        dialog.exec()
        return dialog.clickedButton() is dialog.start_button
