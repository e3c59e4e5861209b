"""A small painted chart of the account's grade distribution over time (no QtCharts needed).

Stacked bands, Trust on top and Motivated to change at the bottom, in the grade colors, with
the letters in the legend so it reads without color too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from contactmap_desktop.domain.grade_timeline import DistributionPoint
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.theme import grade_colors

_BOTTOM_UP: tuple[Grade, ...] = tuple(reversed(GRADES_TOP_DOWN))
PENDING = "Working out the timeline…"


class GradeTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradeTimeline")
        self.setAccessibleName("Grade distribution over time")
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._points: list[DistributionPoint] = []
        self._pending = False  # being worked out: nothing to say about the history yet

    def show_pending(self) -> None:
        """The findings worker is replaying the history; the chart says so meanwhile."""
        self._points, self._pending = [], True
        self.setToolTip(PENDING)
        self.update()

    def set_points(self, points: list[DistributionPoint]) -> None:
        self._points, self._pending = points, False
        latest = points[-1] if points else None
        if latest is None:
            self.setToolTip("No grades recorded yet.")
        else:
            counts = ", ".join(f"{latest.counts[g]} {g.label}" for g in GRADES_TOP_DOWN
                               if latest.counts[g])
            self.setToolTip(f"On {date_text(latest.day)}: {counts}.")
        self.update()

    def points(self) -> list[DistributionPoint]:
        return list(self._points)

    def sizeHint(self) -> QSize:
        return QSize(320, 150)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend_height = line + 6
        plot = QRectF(self.rect()).adjusted(metrics.horizontalAdvance("000") + 6, line / 2 + 2, -6,
                                            -(line + legend_height + 4))
        painter.setPen(QPen(text_color))
        if not self._points or plot.width() < 10 or plot.height() < 10:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             PENDING if self._pending else "No grade history yet")
            return
        self._paint_bands(painter, plot)
        top = max(p.total for p in self._points) or 1
        painter.setPen(QPen(text_color))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, plot.top() - line / 2, plot.left() - 4, line), right_align,
                         str(top))
        painter.drawText(QRectF(0, plot.bottom() - line / 2, plot.left() - 4, line), right_align,
                         "0")
        first, last = self._points[0].day, self._points[-1].day
        painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                         Qt.AlignmentFlag.AlignLeft, date_text(first))
        if last != first:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                             Qt.AlignmentFlag.AlignRight, date_text(last))
        self._paint_legend(painter, QRectF(plot.left(), plot.bottom() + line + 4, plot.width(),
                                           legend_height))

    def _paint_bands(self, painter: QPainter, plot: QRectF) -> None:
        points = self._points
        top = max(p.total for p in points) or 1
        first, last = points[0].day, points[-1].day
        span = max((last - first).days, 1)

        def x_of(i: int) -> float:
            if len(points) == 1:
                return plot.left() + plot.width() * i  # one point: a full-width band
            return plot.left() + plot.width() * (points[i].day - first).days / span

        def y_of(value: int) -> float:
            return plot.bottom() - plot.height() * value / top

        xs = [x_of(i) for i in range(len(points))] + [plot.right()]
        below = [0] * len(points)
        for grade in _BOTTOM_UP:
            above = [b + p.counts[grade] for b, p in zip(below, points, strict=True)]
            if any(a != b for a, b in zip(above, below, strict=True)):
                # Steps: a count holds until the next day on which grades changed.
                upper, lower = [], []
                for i in range(len(points)):
                    upper += [QPointF(xs[i], y_of(above[i])), QPointF(xs[i + 1], y_of(above[i]))]
                    lower += [QPointF(xs[i], y_of(below[i])), QPointF(xs[i + 1], y_of(below[i]))]
                background, _ = self._colors(grade)
                painter.setPen(QPen(background.darker(130), 0.8))
                painter.setBrush(background)
                painter.drawPolygon(QPolygonF(upper + list(reversed(lower))))
            below = above

    def _colors(self, grade: Grade) -> tuple[QColor, QColor]:
        return grade_colors(self.palette(), grade)

    def _paint_legend(self, painter: QPainter, area: QRectF) -> None:
        x = area.left()
        box = area.height() - 6
        for grade in GRADES_TOP_DOWN:
            background, letter = self._colors(grade)
            square = QRectF(x, area.top() + 2, box + 6, box)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRect(square)
            painter.setPen(letter)
            painter.drawText(square, Qt.AlignmentFlag.AlignCenter, grade.letter)
            x += box + 10
