"""The power map as a vector PDF: landscape pages with a header and the legend on each.

A chart that fits on one page at a readable size is scaled to fit it; a larger one is printed
at that readable size across as many pages as it needs (tiles, read left to right then down),
each page showing only the cards that fall on it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.org_chart_layout import Box, OrgLayout, compact_org_chart
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.power_map import (
    PowerCard,
    chain_to_top,
    org_nodes,
    power_cards,
    uncovered_chains,
)
from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.output import write_bytes_atomically
from contactmap_desktop.reports.power_map_card import (
    BORDER,
    CHAIN,
    UNCOVERED,
    draw_card,
    draw_fitted,
)
from contactmap_desktop.reports.script_canvas import ScriptCanvas
from contactmap_desktop.reports.styles import (
    INK,
    KEY_MARK,
    MUTED,
    grade_background,
    grade_text,
)

PageSize = tuple[float, float]
LANDSCAPE_A4: PageSize = landscape(A4)
MARGIN = 28.0
HEADER = 34.0
LEGEND = 44.0
# Below this the names on a printed card get too small to read: tile instead of shrinking.
MIN_SCALE = 0.45


@dataclass(frozen=True)
class PowerMapDocument:
    """Everything a power-map page shows, as plain values."""

    account_name: str
    cards: Mapping[str, PowerCard]
    layout: OrgLayout
    uncovered: frozenset[str] = frozenset()
    chain: frozenset[str] = frozenset()

    @classmethod
    def from_map(cls, contact_map: ContactMap, chain_from: str | None = None) -> PowerMapDocument:
        """Lay out the map's stakeholders; uncovered chains are always marked on paper."""
        cards = power_cards(contact_map)
        layout = compact_org_chart(org_nodes(contact_map.stakeholders))
        chain = chain_to_top(layout.managers, chain_from) if chain_from else []
        return cls(contact_map.account.name, cards, layout,
                   uncovered_chains(cards, layout.managers), frozenset(chain))


@dataclass(frozen=True)
class Tile:
    """The part of the chart (scene coordinates) printed on one page, and its scale."""

    scene: Box
    scale: float
    row: int
    column: int


def page_content(pagesize: PageSize = LANDSCAPE_A4) -> Box:
    """The part of a page inside the margins, in PDF points from the bottom-left corner."""
    return Box(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN)


def plan_tiles(layout: OrgLayout, content: Box | None = None) -> list[Tile]:
    """Sheets needed for the chart: one when it fits at a readable scale, else a grid of them.

    ``content`` is the room for one sheet (header, chart and legend); a landscape A4 page
    inside the margins by default.
    """
    area = _chart_area(content or page_content())
    if not layout.boxes:
        return [Tile(Box(0, 0, area.width, area.height), 1.0, 0, 0)]
    scale = min(1.0, area.width / layout.width, area.height / layout.height)
    if scale >= MIN_SCALE:
        return [Tile(Box(0, 0, layout.width, layout.height), scale, 0, 0)]
    scale = MIN_SCALE
    tile_width, tile_height = area.width / scale, area.height / scale
    tiles = []
    for row in range(math.ceil(layout.height / tile_height)):
        for column in range(math.ceil(layout.width / tile_width)):
            scene = Box(column * tile_width, row * tile_height, tile_width, tile_height)
            if any(box.overlaps(scene) for box in layout.boxes.values()):
                tiles.append(Tile(scene, scale, row, column))
    return tiles


def draw_power_map_pages(canvas: Canvas, document: PowerMapDocument,
                         pagesize: PageSize = LANDSCAPE_A4) -> int:
    """Draw every page of the power map on ``canvas`` (ending each page); return the count."""
    fonts = report_fonts()
    content = page_content(pagesize)
    tiles = plan_tiles(document.layout, content)
    for number, tile in enumerate(tiles, start=1):
        canvas.setPageSize(pagesize)
        draw_sheet(canvas, document, tile, number, len(tiles), content, fonts)
        canvas.showPage()
    return len(tiles)


def draw_sheet(canvas: Canvas, document: PowerMapDocument, tile: Tile, number: int, count: int,
               content: Box, fonts: ReportFonts) -> None:
    """One sheet inside ``content``: the header, the tile of the chart, the legend."""
    _draw_header(canvas, document, tile, number, count, content, fonts)
    if document.layout.boxes:
        _draw_chart(canvas, document, tile, content, fonts)
    else:
        canvas.setFont(fonts.regular, 11)
        canvas.setFillColor(MUTED)
        canvas.drawString(content.x, content.y + content.height / 2,
                          "This account has no stakeholders yet.")
    _draw_legend(canvas, fonts, bool(document.chain), content)


def power_map_pdf_bytes(document: PowerMapDocument,
                        pagesize: PageSize = LANDSCAPE_A4) -> tuple[bytes, int]:
    """The finished PDF and its page count."""
    buffer = io.BytesIO()
    canvas = ScriptCanvas(buffer, pagesize=pagesize, invariant=True)
    canvas.setTitle(f"Power map — {document.account_name}")
    pages = draw_power_map_pages(canvas, document, pagesize)
    canvas.save()
    return buffer.getvalue(), pages


def write_power_map_pdf(path: Path, document: PowerMapDocument,
                        pagesize: PageSize = LANDSCAPE_A4) -> int:
    """Write the PDF to ``path`` in one step (ExportError if the disk refuses); page count."""
    content, pages = power_map_pdf_bytes(document, pagesize)
    write_bytes_atomically(Path(path), content)
    return pages


def _chart_area(content: Box) -> Box:
    """Where the chart goes on a sheet: between the header and the legend."""
    return Box(content.x, content.y + LEGEND, content.width,
               content.height - HEADER - LEGEND)


def _draw_header(canvas: Canvas, document: PowerMapDocument, tile: Tile, number: int,
                 count: int, content: Box, fonts: ReportFonts) -> None:
    top, right = content.y + content.height, content.x + content.width
    canvas.setFillColor(INK)
    draw_fitted(canvas, content.x, top - 14, f"Power map — {document.account_name}",
                fonts.bold, 14, fonts, content.width * 0.6)
    canvas.setFont(fonts.regular, 8.5)
    canvas.setFillColor(MUTED)
    where = f" · row {tile.row + 1}, column {tile.column + 1}" if count > 1 else ""
    canvas.drawRightString(right, top - 12, f"Sheet {number} of {count}{where} · "
                           f"{tile.scale:.0%}")
    canvas.drawString(content.x, top - 27,
                      "Who reports to whom at the client, with the best relationship anyone "
                      "on our team holds with each person.")


def _draw_chart(canvas: Canvas, document: PowerMapDocument, tile: Tile, content: Box,
                fonts: ReportFonts) -> None:
    area = _chart_area(content)
    layout = document.layout
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(area.x, area.y, area.width, area.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    # Scene units to points; the tile's top-left lands on the area's top-left.
    canvas.translate(area.x, area.y + area.height)
    canvas.scale(tile.scale, tile.scale)
    canvas.translate(-tile.scene.x, tile.scene.y - layout.height)
    canvas.setLineWidth(1.0)
    for connector in layout.connectors:
        xs = [x for x, _ in connector.points]
        ys = [y for _, y in connector.points]
        reach = Box(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        if not reach.overlaps(tile.scene):
            continue
        in_chain = connector.report_id in document.chain and connector.manager_id in document.chain
        canvas.setStrokeColor(CHAIN if in_chain else BORDER)
        canvas.setLineWidth(2.4 if in_chain else 1.0)
        path = canvas.beginPath()
        first, *rest = connector.points
        path.moveTo(first[0], layout.height - first[1])
        for x, y in rest:
            path.lineTo(x, layout.height - y)
        canvas.drawPath(path, stroke=1, fill=0)
    for person_id, box in layout.boxes.items():
        if box.overlaps(tile.scene):
            draw_card(canvas, document.cards[person_id], box, layout.height, fonts,
                      uncovered=person_id in document.uncovered,
                      in_chain=person_id in document.chain)
    canvas.restoreState()


def _draw_legend(canvas: Canvas, fonts: ReportFonts, with_chain: bool, content: Box) -> None:
    """Two lines at the foot of the sheet: the grades, then the marks and role badges."""
    x, y = content.x, content.y + 22
    canvas.setFont(fonts.bold, 8)
    canvas.setFillColor(INK)
    canvas.drawString(x, y + 4, "Best grade:")
    x += pdfmetrics.stringWidth("Best grade:", fonts.bold, 8) + 8
    for grade in GRADES_TOP_DOWN:
        x = _legend_chip(canvas, x, y, grade, fonts)
    x = _legend_item(canvas, x, y, "–", "nobody on our team knows them", fonts, dashed=True)
    if with_chain:
        canvas.setStrokeColor(CHAIN)
        canvas.setLineWidth(2.4)
        canvas.rect(x, y, 20, 12, stroke=1, fill=0)
        _label(canvas, x + 24, y, "chain of command to the top", fonts)

    x, y = content.x, content.y + 2
    canvas.setFillColor(KEY_MARK)
    canvas.rect(x, y, 12, 12, stroke=0, fill=1)
    x = _label(canvas, x + 16, y, "key relationship", fonts)
    canvas.setFillColor(grade_background(Grade.DISSATISFIED))
    canvas.roundRect(x, y, 18, 12, 3, stroke=0, fill=1)
    canvas.setFillColor(INK)
    canvas.setFont(fonts.bold, 7.5)
    canvas.drawCentredString(x + 9, y + 3, "!D")
    x = _label(canvas, x + 22, y, "concern: lowest grade below Satisfied", fonts)
    canvas.setStrokeColor(UNCOVERED)
    canvas.setLineWidth(1.6)
    canvas.setDash(4, 2)
    canvas.rect(x, y, 20, 12, stroke=1, fill=0)
    canvas.setDash()
    x = _label(canvas, x + 24, y, "uncovered: above a key person, no relationship", fonts)
    badges = ", ".join(f"{role.badge} {role.label}" for role in BuyingRole)
    _label(canvas, x, y, f"Roles: {badges}", fonts)


def _legend_chip(canvas: Canvas, x: float, y: float, grade: Grade, fonts: ReportFonts) -> float:
    canvas.setFillColor(grade_background(grade))
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, 14, 14, stroke=1, fill=1)
    canvas.setFillColor(grade_text(grade))
    canvas.setFont(fonts.bold, 8.5)
    canvas.drawCentredString(x + 7, y + 4, grade.letter)
    return _label(canvas, x + 17, y, grade.label, fonts)


def _legend_item(canvas: Canvas, x: float, y: float, mark: str, text: str, fonts: ReportFonts,
                 dashed: bool = False) -> float:
    canvas.setStrokeColor(UNCOVERED)
    canvas.setLineWidth(0.8)
    if dashed:
        canvas.setDash(2, 2)
    canvas.rect(x, y, 14, 14, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFillColor(UNCOVERED)
    canvas.setFont(fonts.bold, 9)
    canvas.drawCentredString(x + 7, y + 4, mark)
    return _label(canvas, x + 17, y, text, fonts)


def _label(canvas: Canvas, x: float, y: float, text: str, fonts: ReportFonts) -> float:
    canvas.setFillColor(INK)
    canvas.setFont(fonts.regular, 8)
    canvas.drawString(x, y + 3.5, text)
    return x + float(pdfmetrics.stringWidth(text, fonts.regular, 8)) + 12
