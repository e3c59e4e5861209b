"""A small painted chart of one metric: its measured values over time and the target line.

Values that miss the target are drawn as hollow squares in the warning color, on-target ones
as filled dots, so the chart reads without color too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from contactmap_desktop.domain.metrics import Metric, format_number, is_off_target
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.lifecycle.record_model import FLAG_COLOR

_LINE = "#4f7fae"


class MetricChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricChart")
        self.setAccessibleName("Metric values over time")
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._metric: Metric | None = None

    def set_metric(self, metric: Metric | None) -> None:
        self._metric = metric
        if metric is None or metric.latest is None:
            self.setToolTip("")
        else:
            state = "off target" if metric.off_target else "on target"
            self.setToolTip(as_typed(
                f"{metric.name}: {format_number(metric.latest.value)} {metric.unit} "
                f"on {date_text(metric.latest.on)}, {state} ({metric.target_text})."))
        self.update()

    def shown_metric(self) -> Metric | None:
        return self._metric

    def sizeHint(self) -> QSize:
        return QSize(360, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(QPen(text))
        metric = self._metric
        if metric is None or not metric.measurements:
            message = "Choose a metric" if metric is None else "No values measured yet"
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            return
        metrics = painter.fontMetrics()
        line = metrics.height()
        values = [m.value for m in metric.measurements] + [metric.target]
        low, high = min(values), max(values)
        if high == low:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.1
        low, high = low - pad, high + pad
        label_width = max(metrics.horizontalAdvance(format_number(v)) for v in (low, high)) + 8
        plot = QRectF(self.rect()).adjusted(label_width, line * 2, -10, -(line + 6))
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft,
                         f"{metric.name} — target {metric.target_text}")
        first, last = metric.measurements[0].on, metric.measurements[-1].on
        span = max((last - first).days, 1)

        def point(index: int) -> QPointF:
            m = metric.measurements[index]
            x = plot.left() + (plot.width() * (m.on - first).days / span
                               if len(metric.measurements) > 1 else plot.width() / 2)
            return QPointF(x, plot.bottom() - plot.height() * (m.value - low) / (high - low))

        target_y = plot.bottom() - plot.height() * (metric.target - low) / (high - low)
        painter.setPen(QPen(QColor(FLAG_COLOR), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), target_y), QPointF(plot.right(), target_y))
        painter.setPen(QPen(text))
        for value, y in ((high, plot.top()), (low, plot.bottom())):
            painter.drawText(QRectF(0, y - line / 2, label_width - 4, line),
                             Qt.AlignmentFlag.AlignRight, format_number(value))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), line),
                         Qt.AlignmentFlag.AlignLeft, date_text(first))
        if last != first:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), line),
                             Qt.AlignmentFlag.AlignRight, date_text(last))
        points = [point(i) for i in range(len(metric.measurements))]
        painter.setPen(QPen(QColor(_LINE), 2))
        painter.drawPolyline(QPolygonF(points))
        for measurement, at in zip(metric.measurements, points, strict=True):
            if is_off_target(measurement.value, metric.target, metric.direction):
                painter.setPen(QPen(QColor(FLAG_COLOR), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(at.x() - 4, at.y() - 4, 8, 8))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(_LINE))
                painter.drawEllipse(at, 3.5, 3.5)
