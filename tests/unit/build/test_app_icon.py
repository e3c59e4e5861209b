"""The app icon files in resources/icons: every size named exists and the bundles hold them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

ICONS = Path(__file__).resolve().parents[3] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("size", SIZES)
def test_png_has_its_size_and_transparent_corners(size: int) -> None:
    with Image.open(ICONS / f"contactmap-{size}.png") as image:
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
        corner_alpha = rgba.getpixel((0, 0))[3]
        centre = rgba.getpixel((size // 2, size // 2))
    assert corner_alpha < 255  # rounded corners
    assert centre[3] == 255


def test_windows_icon_holds_every_size_up_to_256() -> None:
    with Image.open(ICONS / "contactmap.ico") as ico:
        assert {s for s in ico.info["sizes"]} == {(s, s) for s in SIZES if s <= 256}


def test_macos_icon_holds_the_retina_sizes() -> None:
    with Image.open(ICONS / "contactmap.icns") as icns:
        sizes = {(w, h, scale) for w, h, scale in icns.info["sizes"]}
    assert {(512, 512, 2), (256, 256, 1), (16, 16, 2)} <= sizes


def test_svg_sources_are_committed() -> None:
    for name in ("contactmap.svg", "contactmap-small.svg"):
        assert (ICONS / name).read_text(encoding="utf-8").lstrip().startswith("<?xml")
