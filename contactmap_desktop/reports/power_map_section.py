"""The power map as platypus flowables, one per sheet, for other documents to append.

The printed Contact Map adds it as a second section: each sheet fills one frame of the host
document (the host's own footer still counts the pages).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from contactmap_desktop.domain.org_chart_layout import Box
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.power_map_pdf import PowerMapDocument, draw_sheet
from contactmap_desktop.reports.power_map_plan import Sheet


class PowerMapSheet(Flowable):  # type: ignore[misc]
    """One sheet of the power map, drawn in a ``width`` x ``height`` box."""

    def __init__(self, document: PowerMapDocument, sheet: Sheet, number: int, count: int,
                 width: float, height: float) -> None:
        super().__init__()
        self.document, self.sheet, self.number, self.count = document, sheet, number, count
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        # Sheets follow each other one per page: sheet n is this page, moved by the gap.
        here = canvas.getPageNumber()
        draw_sheet(canvas, self.document, self.sheet, self.number, self.count,
                   Box(0, 0, self.width, self.height), report_fonts(),
                   lambda number: here + number - self.number)


def power_map_flowables(document: PowerMapDocument, width: float,
                        height: float) -> list[Flowable]:
    """Sheets for a frame of ``width`` x ``height`` points, each on a page of its own."""
    # A hair smaller than the frame, so rounding never pushes a sheet to the next page.
    width, height = width - 1, height - 1
    sheets = document.sheets(Box(0, 0, width, height))
    flowables: list[Flowable] = []
    for number, sheet in enumerate(sheets, start=1):
        flowables.append(PageBreak())
        flowables.append(PowerMapSheet(document, sheet, number, len(sheets), width, height))
    return flowables
