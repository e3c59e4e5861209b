"""The label beside the pointer while a card is dragged: who would report to whom."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from contactmap_desktop.palette import PowerMapColors

PAD = 4.0


class DragHint(QGraphicsSimpleTextItem):
    """Text on a box in the chart's colors, the same size at any zoom, above every card."""

    def __init__(self, colors: PowerMapColors) -> None:
        super().__init__()
        self.colors = colors
        self.setBrush(QColor(colors.ink))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10)
        self.refused = False

    def show_text(self, text: str, refused: bool) -> None:
        self.prepareGeometryChange()
        self.refused = refused
        self.setText(text)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-PAD, -PAD, PAD, PAD)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        edge = QColor(self.colors.uncovered if self.refused else self.colors.border)
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(QColor(self.colors.hint))
        painter.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts None
