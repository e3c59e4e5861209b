"""The reference dock: the four buyer roles and the six grades, searchable, with anchors."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.reference import Reference
from contactmap_desktop.ui.blueprints.reference_html import (
    grade_anchor,
    role_anchor,
    roles_and_grades_html,
)


class ReferencePanel(QWidget):
    """Return in the search field finds the next match, wrapping round at the end."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referencePanel")
        self.search = QLineEdit()
        self.search.setObjectName("referenceSearch")
        self.search.setPlaceholderText("Find in the reference (Enter for the next match)")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _: self.find_text(from_start=True))
        self.search.returnPressed.connect(self.find_text)
        self.result = QLabel()
        self.result.setStyleSheet(f"color: {palette.MUTED};")
        self.text = QTextBrowser()
        self.text.setObjectName("referenceText")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(lambda url: self.text.scrollToAnchor(url.fragment()))
        self.text.setHtml(roles_and_grades_html(reference))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

    def show_role(self, role: BuyingRole) -> None:
        self.text.scrollToAnchor(role_anchor(role))

    def show_grade(self, grade: Grade) -> None:
        self.text.scrollToAnchor(grade_anchor(grade))

    def find_text(self, from_start: bool = False) -> bool:
        needle = self.search.text().strip()
        if not needle:
            self.result.clear()
            return False
        cursor = self.text.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())  # keep the match while typing on
            self.text.setTextCursor(cursor)
        found = self.text.find(needle)
        if not found:  # wrap round to the top
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.text.find(needle)
        self.result.setText("" if found else "not found")
        return found



