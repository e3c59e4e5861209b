"""The first-start welcome above the grid: the map in three sentences, a pointer to the sample
account and the guide; dismissed once, it stays away on this computer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

WELCOME = (
    "<b>Welcome to ContactMap.</b> Each column is a person at the client and each row a person "
    "on your team; each square grades how the client sees that relationship, from "
    "<b>T</b>rust down to <b>M</b>otivated to change, and a blank square means you have none. "
    "Select a square and type a letter to grade it: the Findings panel then says where "
    "coverage is thin and what to work on next. "
    "The sample account, <b>Northwind Logistics</b>, has everything filled in to explore; "
    "Help ▸ User Guide explains the rest."
)


class WelcomeBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(WELCOME)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.close_button = QPushButton("&Got It")
        self.close_button.setAccessibleName("Dismiss the welcome")
        self.close_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
