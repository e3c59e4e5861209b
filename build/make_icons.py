"""Renders the app icon's SVG sources into the PNG, .ico and .icns files in resources/icons/.

Run after editing an SVG:  python build/make_icons.py
The outputs are committed, so a packaging machine (Windows, macOS) needs neither Qt's SVG
renderer nor this script. 16 px uses the simplified, pixel-aligned contactmap-small.svg.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows uses up to 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # what Pillow's ICNS writer stores


def _render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"make_icons: could not write {out}")


def png_path(size: int) -> Path:
    return ICONS / f"contactmap-{size}.png"


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in PNG_SIZES:
        source = "contactmap-small.svg" if size <= 16 else "contactmap.svg"
        _render(ICONS / source, size, png_path(size))
    images = {size: Image.open(png_path(size)).convert("RGBA") for size in PNG_SIZES}
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(ICONS / "contactmap.ico", format="ICO",
                     sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    images[max(ICNS_SIZES)].save(ICONS / "contactmap.icns", format="ICNS",
                                 append_images=[images[s] for s in ICNS_SIZES[:-1]])
    for name in ("contactmap.ico", "contactmap.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
