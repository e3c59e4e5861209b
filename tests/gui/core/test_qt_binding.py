"""The Qt binding must not leak references to None: PySide6 6.12.0 on Python 3.11 drops one
on every call that returns nothing, and the app aborts ("deallocating None") after a few
thousand paint calls. pyproject.toml keeps that release out; this test catches a relapse."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication


def test_void_calls_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("#1b4f8f"))
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(pen)
        painter.save()
        painter.restore()
    drift = sys.getrefcount(None) - before
    painter.end()
    assert drift > -500, f"None lost {-drift} references in 1,500 calls"
