"""One stakeholder's card on the power map, painted the way the printed power map draws it.

Name, title and department on the left; role badges and seniority along the foot; the best
grade any team member holds as a colored chip with its letter, and the number of relationships
under it; a gold corner for a key person and a small chip with the lowest grade for a concern.
Zoomed too far out to read, the whole card takes its grade's color instead: a quick overview
of where we are known, and cheap to paint for a big chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.domain.power_map import PowerCard
from contactmap_desktop.palette import KEY_MARK, PowerMapColors
from contactmap_desktop.ui.core.plain_text import as_typed

# Below this zoom the text is too small to read: draw the outline and the grade only.
DETAIL_ZOOM = 0.4
CHIP = 30.0


class DropState(Enum):
    """What would happen if the card being dragged were dropped on this one."""

    NONE = "none"
    ACCEPTS = "accepts"
    REFUSES = "refuses"


@dataclass(frozen=True)
class CardFonts:
    name: QFont
    text: QFont
    badge: QFont
    letter: QFont


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)  # scene units, whatever the screen's resolution
    font.setBold(bold)
    return font


@cache
def card_fonts() -> CardFonts:
    """Made on first use: fonts need the application to exist."""
    return CardFonts(_font(13, bold=True), _font(11), _font(10, bold=True), _font(18, bold=True))


class PowerCardItem(QGraphicsItem):
    """A card at its layout box; the scene sets the highlight flags and the colors."""

    def __init__(self, card: PowerCard, rect: QRectF, colors: PowerMapColors) -> None:
        super().__init__()
        self.card = card
        self.colors = colors
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.in_chain = False
        self.uncovered = False
        self.drop_state = DropState.NONE
        # Cut to width at the first close-up paint: a big chart opens zoomed out, text unread.
        self._texts: tuple[str, str, str] | None = None
        person = card.stakeholder
        lines = [person.name, person.title, person.department]
        self.setToolTip(as_typed("\n".join(line for line in lines if line)))

    @property
    def stakeholder_id(self) -> str:
        return self.card.stakeholder.id

    def set_marks(self, *, in_chain: bool | None = None, uncovered: bool | None = None,
                  drop_state: DropState | None = None) -> None:
        """Change the highlight flags, repainting only when one changed."""
        before = (self.in_chain, self.uncovered, self.drop_state)
        if in_chain is not None:
            self.in_chain = in_chain
        if uncovered is not None:
            self.uncovered = uncovered
        if drop_state is not None:
            self.drop_state = drop_state
        if before != (self.in_chain, self.uncovered, self.drop_state):
            self.update()

    def set_colors(self, colors: PowerMapColors) -> None:
        if colors != self.colors:
            self.colors = colors
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        colors = self.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self._outline()
        if zoom < DETAIL_ZOOM:
            # Too small to read: the whole card takes its grade's color, an overview of
            # where the relationships are; marked outlines keep a visible width.
            if outline.widthF() > 1:
                outline.setCosmetic(True)
                outline.setWidthF(2.5)
            painter.setPen(outline)
            grade = self.card.best_grade
            painter.setBrush(QColor(colors.grades[grade].background if grade else colors.card))
            painter.drawRoundedRect(self._rect, 6, 6)
            if self.card.has_key_relationship:
                self._paint_key_corner(painter)
            return
        painter.setPen(outline)
        painter.setBrush(QColor(colors.card))
        painter.drawRoundedRect(self._rect, 6, 6)
        chip = QRectF(self._rect.right() - CHIP - 8, 10, CHIP, CHIP)
        self._paint_grade(painter, chip)
        if self.card.has_key_relationship:
            self._paint_key_corner(painter)
        if self._texts is None:
            self._texts = self._elided_texts()
        name, title, department = self._texts
        left = 8.0
        painter.setPen(QColor(colors.ink))
        painter.setFont(card_fonts().name)
        painter.drawText(QPointF(left, 22), name)
        painter.setPen(QColor(colors.muted))
        painter.setFont(card_fonts().text)
        painter.drawText(QPointF(left, 38), title)
        painter.drawText(QPointF(left, 52), department)
        self._paint_badges(painter, left, self._rect.bottom() - 22)
        count = self.card.relationship_count
        painter.setPen(QColor(colors.muted))
        painter.drawText(QRectF(chip.left() - 10, chip.bottom() + 2, chip.width() + 20, 14),
                         Qt.AlignmentFlag.AlignHCenter, f"{count} rel." if count else "none")
        if self.card.worst_concern is not None:
            self._paint_concern(painter, self.card.worst_concern,
                                QRectF(chip.right() - 22, self._rect.bottom() - 22, 22, 15))

    # --- parts ---------------------------------------------------------------------------

    def _outline(self) -> QPen:
        colors = self.colors
        if self.drop_state is DropState.ACCEPTS:
            return QPen(QColor(colors.drop_ok), 3.5)
        if self.drop_state is DropState.REFUSES:
            return QPen(QColor(colors.uncovered), 3.5, Qt.PenStyle.DotLine)
        if self.isSelected():
            return QPen(QColor(colors.selected), 3.5)
        if self.uncovered:
            return QPen(QColor(colors.uncovered), 2.2, Qt.PenStyle.DashLine)
        if self.in_chain:
            return QPen(QColor(colors.chain), 2.6)
        return QPen(QColor(colors.border), 1.0)

    def _paint_grade(self, painter: QPainter, chip: QRectF) -> None:
        grade, colors = self.card.best_grade, self.colors
        if grade is None:
            pen = QPen(QColor(colors.uncovered), 1.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(colors.card))
            painter.drawRect(chip)
            letter, ink = "–", QColor(colors.uncovered)
        else:
            painter.setPen(QPen(QColor(colors.border), 0.5))
            painter.setBrush(QColor(colors.grades[grade].background))
            painter.drawRect(chip)
            letter, ink = grade.letter, QColor(colors.grades[grade].text)
        painter.setPen(ink)
        painter.setFont(card_fonts().letter)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, letter)

    def _paint_key_corner(self, painter: QPainter) -> None:
        size, right = 16.0, self._rect.right()
        corner = QPainterPath(QPointF(right - size - 4, 0))
        corner.lineTo(right - 4, 0)
        corner.lineTo(right, 4)
        corner.lineTo(right, size + 4)
        corner.closeSubpath()
        painter.fillPath(corner, QColor(KEY_MARK))

    def _paint_badges(self, painter: QPainter, x: float, y: float) -> None:
        colors = self.colors
        painter.setFont(card_fonts().badge)
        for badge in roles_to_badges(self.card.stakeholder.roles):
            box = QRectF(x, y, 15, 15)
            painter.setPen(QPen(QColor(colors.border), 0.5))
            painter.setBrush(QColor(colors.badge))
            painter.drawRoundedRect(box, 2, 2)
            painter.setPen(QColor(colors.ink))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
            x += 18
        painter.setPen(QColor(colors.muted))
        painter.setFont(card_fonts().text)
        painter.drawText(QPointF(x + 2, y + 12), self.card.stakeholder.seniority.label)

    def _paint_concern(self, painter: QPainter, grade: Grade, box: QRectF) -> None:
        colors = self.colors.grades[grade]
        painter.setPen(QPen(QColor(self.colors.border), 0.5))
        painter.setBrush(QColor(colors.background))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor(colors.text))
        painter.setFont(card_fonts().badge)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"!{grade.letter}")

    def _elided_texts(self) -> tuple[str, str, str]:
        """The three text lines cut to the card's width once, not at every paint."""
        width = self._rect.width() - CHIP - 24
        person = self.card.stakeholder
        fonts = card_fonts()
        name = QFontMetricsF(fonts.name).elidedText(person.name, Qt.TextElideMode.ElideRight,
                                                    width)
        small = QFontMetricsF(fonts.text)
        return (name,
                small.elidedText(person.title, Qt.TextElideMode.ElideRight, width),
                small.elidedText(person.department, Qt.TextElideMode.ElideRight, width))
