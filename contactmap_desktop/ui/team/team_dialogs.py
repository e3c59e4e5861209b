"""File ▸ Team ▸ Connect…, Account ▸ Share… and the list of conflicts to review."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.ui.core.form_dialog import FormDialog


class ConnectDialog(FormDialog):
    """The team server's address (with the login) and, if it needs one, the password."""

    def __init__(self, connect: Callable[[str, str | None], object],
                 parent: QWidget | None = None) -> None:
        super().__init__("Connect to the Team Server", parent)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://LOGIN@HOST:5432/DATABASE")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: none, or from your .pgpass")
        note = QLabel("The password is kept in the system keyring or PostgreSQL's own "
                      "password file, never in the workspace.")
        note.setWordWrap(True)
        self.form.addRow("&Server:", self.url)
        self.form.addRow("&Password:", self.password)
        self.form.addRow(note)
        self.resize(520, self.sizeHint().height())

        def submit() -> None:
            if not self.url.text().strip():
                raise ValidationError("Write the server's address.")
            connect(self.url.text().strip(), self.password.text() or None)

        self.submit = submit


class ShareDialog(FormDialog):
    """Share the open account with the logins of team members."""

    def __init__(self, account_name: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Share “{account_name}”", parent)
        self.logins = QLineEdit()
        self.logins.setPlaceholderText("logins, separated by commas or spaces")
        self.form.addRow("&With:", self.logins)
        self.chosen: list[str] = []

        def submit() -> None:
            self.chosen = [w for w in re.split(r"[,\s]+", self.logins.text()) if w]
            if not self.chosen:
                raise ValidationError("Name at least one login to share with.")

        self.submit = submit


class ConflictsDialog(QDialog):
    """Edits that lost to a newer one on another laptop; both stay in the history."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Team Conflicts")
        self.resize(640, 360)
        heading = QLabel("Two laptops changed the same field without seeing each other. The "
                         "newer change was kept everywhere; the other is listed here and kept "
                         "in the server's history." if lines else "No conflicts to review.")
        heading.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reviewed = self.buttons.addButton("Mark All &Reviewed",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.reviewed.setEnabled(bool(lines))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
