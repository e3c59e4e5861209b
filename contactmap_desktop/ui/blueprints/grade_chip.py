"""A grade as a small label in the map's colors, letter and name together (never color alone)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from contactmap_desktop import palette
from contactmap_desktop.domain.grades import Grade

CHIP = 18  # pixels


def grade_chip_html(grade: Grade | None) -> str:
    """Rich text for a QLabel or QTextBrowser; blank reads as “no relationship”."""
    if grade is None:
        return f'<span style="color:{palette.MUTED}">— no relationship</span>'
    colors = palette.LIGHT[grade]
    return (f'<span style="background-color:{colors.background}; color:{colors.text}">'
            f"&nbsp;<b>{grade.letter}</b>&nbsp;</span> {grade.label}")


@cache
def grade_pair_icon(current: Grade | None, goal: Grade) -> QIcon:
    """Two chips with an arrow between them: where the relationship is and where it goes."""
    pixmap = QPixmap(CHIP * 2 + 14, CHIP)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    _chip(painter, QRectF(0.5, 0.5, CHIP - 1, CHIP - 1), current)
    painter.setPen(QPen(QColor(palette.MUTED), 1.4))
    middle = CHIP / 2
    painter.drawLine(CHIP + 3, int(middle), CHIP + 11, int(middle))
    painter.drawLine(CHIP + 8, int(middle) - 3, CHIP + 11, int(middle))
    painter.drawLine(CHIP + 8, int(middle) + 3, CHIP + 11, int(middle))
    _chip(painter, QRectF(CHIP + 14.5, 0.5, CHIP - 1, CHIP - 1), goal)
    painter.end()
    return QIcon(pixmap)


def _chip(painter: QPainter, rect: QRectF, grade: Grade | None) -> None:
    if grade is None:
        painter.setPen(QPen(QColor(palette.MUTED), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 3, 3)
        return
    colors = palette.LIGHT[grade]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colors.background))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(QColor(colors.text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, grade.letter)
