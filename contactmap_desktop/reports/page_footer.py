"""A canvas that writes "Page n of m" (and a left footer text) once the page count is known.

Platypus draws each page before it knows how many follow, so the pages are kept until the
document is saved and the footer is added to each then.
"""

from __future__ import annotations

from typing import Any

from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.script_canvas import ScriptCanvas
from contactmap_desktop.reports.styles import MUTED, RULE
from contactmap_desktop.reports.text_runs import draw_text


class FooterCanvas(ScriptCanvas):
    """Set ``footer_fonts``, ``footer_left`` and ``footer_margin`` before building."""

    footer_fonts: ReportFonts | None = None  # None: the default report faces
    footer_left: str = ""  # plain text, drawn run by run (no markup involved)
    footer_margin: float = 56.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self._pages
        for number, state in enumerate(pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, len(pages))
            super().showPage()
        # Each kept state holds this list, and platypus's template and this canvas point at
        # each other: emptied and let go, the pages and the PDF's objects are freed now by
        # reference counting, not left as cycles for a full collection on the window's
        # thread to find (20,000 objects after the 1,000-person map of 667 pages).
        pages.clear()
        super().save()
        self._doc = None  # the PDF is written: a saved canvas is done with its document

    def _draw_footer(self, number: int, count: int) -> None:
        width, _height = self._pagesize
        margin = self.footer_margin
        baseline = margin * 0.5
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(margin, baseline + 11, width - margin, baseline + 11)
        self.setFillColor(MUTED)
        fonts = self.footer_fonts or report_fonts()
        if self.footer_left:
            draw_text(self, margin, baseline, self.footer_left, fonts.regular, 8, fonts)
        draw_text(self, width - margin, baseline, f"Page {number} of {count}", fonts.regular, 8,
                  fonts, anchor="right")
        self.restoreState()


def footer_canvas(fonts: ReportFonts, left: str, margin: float) -> type[FooterCanvas]:
    """A FooterCanvas class bound to these settings (platypus wants a class, not an object)."""
    return type("BoundFooterCanvas", (FooterCanvas,),
                {"footer_fonts": fonts, "footer_left": left, "footer_margin": margin})
