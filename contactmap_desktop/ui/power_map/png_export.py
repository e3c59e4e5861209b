"""The power map as a PNG picture: the whole scene, sharp but within a sane memory budget."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.reports.output import write_bytes_atomically

# Twice the screen size reads well when zoomed; a huge chart is scaled down to stay
# within about 64 MB of pixels instead of failing.
MAX_SCALE = 2.0
MAX_PIXELS = 16_000_000
MAX_SIDE = 16_000


def render_scene(scene: QGraphicsScene) -> QImage:
    """The scene at the largest scale within the limits, on a white ground."""
    rect = scene.sceneRect()
    width, height = max(rect.width(), 1.0), max(rect.height(), 1.0)
    scale = min(MAX_SCALE, math.sqrt(MAX_PIXELS / (width * height)),
                MAX_SIDE / width, MAX_SIDE / height)
    image = QImage(max(1, math.floor(width * scale)), max(1, math.floor(height * scale)),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def write_scene_png(scene: QGraphicsScene, path: Path) -> None:
    """Write the picture to ``path`` in one step, or raise an error naming the problem."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want bytes for the format; the binding wants text.
    if not render_scene(scene).save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ContactMapError(f"Cannot write {path}: the picture could not be encoded as PNG.")
    buffer.close()
    write_bytes_atomically(path, bytes(data.data()))
