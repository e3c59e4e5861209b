"""The one-line legend under the power map, in the colors the cards use."""

from __future__ import annotations

from html import escape

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.people import BuyingRole


def _chip(background: str, ink: str, text: str) -> str:
    return (f'<span style="background-color:{background}; color:{ink}; font-weight:bold">'
            f"&nbsp;{escape(text)}&nbsp;</span>")


def legend_html() -> str:
    grades = " ".join(
        f"{_chip(palette.LIGHT[g].background, palette.LIGHT[g].text, g.letter)} {g.label}"
        for g in GRADES_TOP_DOWN)
    concern = palette.LIGHT[Grade.DISSATISFIED]
    roles = ", ".join(f"<b>{role.badge}</b> {role.label}" for role in BuyingRole)
    return (
        f"<b>Best grade:</b> {grades} · "
        f'<span style="color:{palette.UNCOVERED}"><b>–</b></span> nobody on our team knows '
        f"them<br>"
        f'<span style="color:{palette.KEY_MARK}">◣</span> key relationship · '
        f"{_chip(concern.background, concern.text, '!D')} lowest grade below Satisfied · "
        f'<span style="color:{palette.UNCOVERED}">- - -</span> uncovered: above a key person, '
        f"no relationship · "
        f'<span style="color:{palette.CHAIN}">━</span> chain to the top · '
        f"Roles: {roles} · Drag a card onto its new manager."
    )
