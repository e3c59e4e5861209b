"""Help ▸ About: versions, folders, and a button that copies them for a support request."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.services.diagnostics import Diagnostics, collect_diagnostics
from contactmap_desktop.ui.core.plain_text import plain_label


def current_diagnostics() -> Diagnostics:
    return collect_diagnostics(qVersion(), PySide6.__version__)


class AboutDialog(QDialog):
    """What is installed and where it keeps its files; no workspace content is shown."""

    def __init__(self, diagnostics: Diagnostics | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagnostics = diagnostics or current_diagnostics()
        self.setWindowTitle("About ContactMap Desktop")
        title = QLabel(f"<b>ContactMap Desktop {self.diagnostics.app_version}</b>")
        blurb = QLabel(
            "Map the relationships between your team and a client's people, see where "
            "coverage is thin, and plan how to strengthen it. Works offline; your workspaces "
            "stay on this computer."
        )
        blurb.setWordWrap(True)
        blurb.setMinimumWidth(460)
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for label, value in self.diagnostics.rows()[1:]:
            field = plain_label(QLabel(value))
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", field)
            self.value_labels[label] = field
        self.copied_label = QLabel("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            "&Copy Diagnostics", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_diagnostics)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        # Wrapped text makes Qt guess a tall size; fit the dialog to its content instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics.as_text())
        self.copied_label.setText("Copied. Paste it into your message to support.")

    @classmethod
    def show_about(cls, parent: QWidget | None = None) -> None:
        cls(parent=parent).exec()
