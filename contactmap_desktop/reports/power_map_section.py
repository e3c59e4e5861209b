"""The power map as platypus flowables, one per sheet, for other documents to append.

The printed Contact Map adds it as a second section: each sheet fills one frame of the host
document (the host's own footer still counts the pages).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from contactmap_desktop.domain.org_chart_layout import Box
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.power_map_pdf import (
    PowerMapDocument,
    Tile,
    draw_sheet,
    plan_tiles,
)


class PowerMapSheet(Flowable):  # type: ignore[misc]
    """One sheet of the power map, drawn in a ``width`` x ``height`` box."""

    def __init__(self, document: PowerMapDocument, tile: Tile, number: int, count: int,
                 width: float, height: float) -> None:
        super().__init__()
        self.document, self.tile, self.number, self.count = document, tile, number, count
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        draw_sheet(canvas, self.document, self.tile, self.number, self.count,
                   Box(0, 0, self.width, self.height), report_fonts())


def power_map_flowables(document: PowerMapDocument, width: float,
                        height: float) -> list[Flowable]:
    """Sheets for a frame of ``width`` x ``height`` points, each on a page of its own."""
    # A hair smaller than the frame, so rounding never pushes a sheet to the next page.
    width, height = width - 1, height - 1
    tiles = plan_tiles(document.layout, Box(0, 0, width, height))
    flowables: list[Flowable] = []
    for number, tile in enumerate(tiles, start=1):
        flowables.append(PageBreak())
        flowables.append(PowerMapSheet(document, tile, number, len(tiles), width, height))
    return flowables
