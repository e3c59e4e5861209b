"""The details dock: who, roles, the grade in plain words, last review, key and focus state."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from contactmap_desktop.domain.cell_details import CellDetails


class CellDetailsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cellDetailsPanel")
        self.label = QLabel()
        self.label.setObjectName("cellDetailsText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        self.show_details(None)

    def show_details(self, details: CellDetails | None) -> None:
        if details is None:
            self.label.setText("Select a cell of the map to see its details.")
            return
        grade = f"{details.grade.letter} — {details.grade.label}" if details.grade else "Blank"
        rows = [
            ("Our side", f"{details.member} ({details.member_seniority})"),
            ("Client", f"{details.stakeholder}"
                       + (f", {details.stakeholder_title}" if details.stakeholder_title else "")
                       + f" ({details.stakeholder_seniority})"),
            ("Buying roles", details.roles),
            ("Grade", grade),
            ("Meaning", details.meaning),
            ("Review", details.reviewed),
            ("Focus", details.focus or "Not a key relationship."),
        ]
        if details.needs_filling:
            rows.append(("Mark", "This blank cell needs a relationship."))
        if details.leverage_for:
            rows.append(("Leverage for", "; ".join(details.leverage_for)))
        if details.leveraged_by:
            rows.append(("Helped by", "; ".join(details.leveraged_by)))
        if details.note:
            rows.append(("Note", details.note))
        body = "".join(
            f"<tr><td style='padding-right:8px'><b>{escape(k)}</b></td>"
            f"<td>{escape(v)}</td></tr>" for k, v in rows
        )
        self.label.setText(f"<table cellspacing='2'>{body}</table>")

    def text(self) -> str:
        return self.label.text()
