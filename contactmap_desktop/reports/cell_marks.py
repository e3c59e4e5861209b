"""The marks a Contact Map cell carries besides its grade, drawn in the cell's coordinates."""

from __future__ import annotations

from typing import Any

from contactmap_desktop.reports.styles import INK, KEY_MARK, NEEDS_FILLING


def draw_key_mark(canvas: Any, width: float, height: float) -> None:
    """A gold triangle in the top right corner with a dark edge and a dark dot in it: a
    shape, so it shows in grayscale on every grade's color."""
    size = 10.0
    path = canvas.beginPath()
    path.moveTo(width - size, height)
    path.lineTo(width, height)
    path.lineTo(width, height - size)
    path.close()
    canvas.setFillColor(KEY_MARK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.setFillColor(INK)
    canvas.circle(width - size * 0.3, height - size * 0.3, 1.4, stroke=0, fill=1)


def draw_needs_filling(canvas: Any, width: float, height: float) -> None:
    """The dashed outline of a blank that should be filled."""
    canvas.setStrokeColor(NEEDS_FILLING)
    canvas.setLineWidth(1.2)
    canvas.setDash(3, 2)
    canvas.roundRect(0.6, 0.6, width - 1.2, height - 1.2, 2.5, stroke=1, fill=0)
    canvas.setDash()
