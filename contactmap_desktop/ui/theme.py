"""Colors of the window's grade cells, following the system's light or dark scheme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.palette import DARK, LIGHT, GradeColors


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def grade_colors(palette: QPalette, grade: Grade) -> tuple[QColor, QColor]:
    """(background, letter) of a grade in the scheme the palette is in."""
    colors: GradeColors = (DARK if is_dark(palette) else LIGHT)[grade]
    return QColor(colors.background), QColor(colors.text)
