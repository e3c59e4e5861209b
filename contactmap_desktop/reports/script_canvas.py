"""The canvas every PDF draws on: shaped text keeps its letters, faux-bold faces print bold.

A shaped run (:mod:`shaping`) is written as glyphs, some of which stand for several letters or
for none; wrapped in a marked span whose ActualText is the run's letters, a viewer copies,
searches and extracts letters. A face listed in :data:`fonts.FAUX_BOLD` has no bold weight of its
own: its text is filled and stroked in the same colour, which thickens every stroke.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, toColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from contactmap_desktop.reports.fonts import ASTRAL_FACES, FAUX_BOLD
from contactmap_desktop.reports.shaping import LogicalShapedStr

FAUX_BOLD_STROKE = 0.035  # of the font size: about the difference between regular and bold


def actual_text(text: str) -> str:
    """A PDF string (UTF-16 with its byte order mark, as hex) holding ``text``."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class ScriptTextObject(PDFTextObject):  # type: ignore[misc]
    """ReportLab's text object, writing shaped runs with their ActualText and faux bold."""

    def _formatText(self, text: Any) -> str:
        code: str = super()._formatText(text)
        if isinstance(text, LogicalShapedStr) and text.letters:
            code = f"/Span <</ActualText {actual_text(text.letters)}>> BDC {code} EMC"
        elif self._fontname in ASTRAL_FACES and any(ord(char) > 0xFFFF for char in text):
            # ReportLab's character map keeps 16 bits of a code: emoji and rare Han beyond
            # them would copy as other letters.
            code = f"/Span <</ActualText {actual_text(text)}>> BDC {code} EMC"
        if self._fontname in FAUX_BOLD and text:
            canvas = self._canvas
            stroke = fp_str(self._fontsize * FAUX_BOLD_STROKE)
            # The stroke takes the text's colour, then gets back the canvas's own, which the
            # canvas believes unchanged.
            code = (f"{_rgb(getattr(self, '_fillColorObj', None))} RG {stroke} w 2 Tr {code} "
                    f"0 Tr {_rgb(canvas._strokeColorObj)} RG {fp_str(canvas._lineWidth)} w")
        return code


def _rgb(value: Any) -> str:
    try:
        colour = toColor(value if value is not None else (0, 0, 0))
    except ValueError:
        colour = Color(0, 0, 0)
    return str(fp_str(*colour.rgb()))


class ScriptCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose text objects are :class:`ScriptTextObject`."""

    def beginText(self, x: float = 0, y: float = 0,
                  direction: Any = None) -> ScriptTextObject:
        return ScriptTextObject(self, x, y, direction=direction)

    def drawText(self, aTextObject: PDFTextObject) -> None:
        super().drawText(aTextObject)
        # Platypus gives a paragraph's text object a method bound to itself: a cycle that
        # keeps the text object and the PDF document it points at until a collection walks
        # them (16,000 of them after the 1,000-person map, some old by then, so a full
        # collection on the window's thread). The text is on the page: break it.
        aTextObject.__dict__.pop("_do_line", None)
