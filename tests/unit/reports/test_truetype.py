"""The quick TrueType loader builds the font ReportLab's own loader builds."""

from __future__ import annotations

from pathlib import Path
from struct import unpack_from

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from contactmap_desktop.reports.fonts import font_dirs
from contactmap_desktop.reports.truetype import QuickTTFont


def _face_file(name: str) -> Path:
    for folder in font_dirs():
        if (folder / name).is_file():
            return folder / name
    pytest.skip(f"{name} is not installed")


@pytest.mark.parametrize("file_name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                       "DroidSansFallbackFull.ttf"])
def test_the_same_metrics_and_subsets_as_reportlab(file_name: str) -> None:
    path = str(_face_file(file_name))
    stock, quick = TTFont("Stock", path), QuickTTFont("Quick", path)
    assert set(vars(quick)) == set(vars(stock))
    for attribute in ("name", "flags", "ascent", "descent", "capHeight", "bbox",
                      "italicAngle", "stemV", "defaultWidth", "numGlyphs", "charToGlyph",
                      "charWidths", "glyphToChar"):
        assert getattr(quick.face, attribute) == getattr(stock.face, attribute), attribute
    assert list(quick.face.glyphPos) == list(stock.face.glyphPos)
    # Glyphs past the full metric records share the last advance: ReportLab keeps it scaled
    # to 1000 units there, the quick loader in the font's units as everywhere else.
    full = unpack_from(">H", stock.face._ttf_data, stock.face.get_table_pos("hhea")[0] + 34)[0]
    assert list(quick.face.hmetrics[:full]) == stock.face.hmetrics[:full]
    last_advance = stock.face.hmetrics[full - 1][0]
    assert [(advance, bearing) for advance, bearing in quick.face.hmetrics[full:]] == [
        (last_advance, bearing) for _advance, bearing in stock.face.hmetrics[full:]]
    stock.face.hmetrics[full:] = quick.face.hmetrics[full:]  # the one difference, as above
    codes = [0, *map(ord, "Az Жж Ωé€—李伟東京")]
    subset = [code for code in codes if code in stock.face.charToGlyph]
    assert quick.face.makeSubset(subset) == stock.face.makeSubset(subset)
    text = "Zoë Светлана 李伟"
    assert quick.stringWidth(text, 10) == stock.stringWidth(text, 10)
