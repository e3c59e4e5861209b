"""A grade as a small label in the map's colors, letter and name together (never color alone)."""

from __future__ import annotations

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import Grade


def grade_chip_html(grade: Grade | None) -> str:
    """Rich text for a QLabel or QTextBrowser; blank reads as “no relationship”."""
    if grade is None:
        return '<span style="color:#5b6470">— no relationship</span>'
    colors = palette.LIGHT[grade]
    return (f'<span style="background-color:{colors.background}; color:{colors.text}">'
            f"&nbsp;<b>{grade.letter}</b>&nbsp;</span> {grade.label}")
