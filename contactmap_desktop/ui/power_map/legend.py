"""The legend under the power map, in the colors the cards use in the window's scheme."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.palette import KEY_MARK, PowerMapColors
from contactmap_desktop.ui.core.theme import power_map_colors


def _chip(background: str, ink: str, text: str) -> str:
    return (f'<span style="background-color:{background}; color:{ink}; font-weight:bold">'
            f"&nbsp;{escape(text)}&nbsp;</span>")


def legend_html(colors: PowerMapColors) -> str:
    grades = " ".join(
        f"{_chip(colors.grades[g].background, colors.grades[g].text, g.letter)} {g.label}"
        for g in GRADES_TOP_DOWN)
    concern = colors.grades[Grade.DISSATISFIED]
    roles = ", ".join(f"<b>{role.badge}</b> {role.label}" for role in BuyingRole)
    return (
        f"<b>Best grade:</b> {grades} · "
        f'<span style="color:{colors.uncovered}"><b>–</b></span> nobody on our team knows '
        f"them<br>"
        f'<span style="color:{KEY_MARK}">◣</span> key relationship · '
        f"{_chip(concern.background, concern.text, '!D')} lowest grade below Satisfied · "
        f'<span style="color:{colors.uncovered}">- - -</span> uncovered: above a key person, '
        f"no relationship · "
        f'<span style="color:{colors.chain}">━</span> chain to the top · '
        f"Roles: {roles} · Drag a card onto its new manager."
    )


class Legend(QLabel):
    """Written again when the scheme changes, so its chips match the cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setContentsMargins(8, 2, 8, 4)
        self.setText(legend_html(power_map_colors(self.palette())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.setText(legend_html(power_map_colors(self.palette())))
