"""The power map as a vector PDF: landscape pages with a header and the legend on each.

A chart that fits one page with its text at 7 points or more is scaled to fit it; a larger
one is cut along the org chart into sheets of whole teams (:mod:`power_map_plan`), each card
whose team goes on elsewhere saying on which page, each continued sheet saying where it
comes from. No card is ever cut by the edge of a sheet.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
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
from contactmap_desktop.reports.power_map_plan import Sheet, plan_sheets
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
@dataclass(frozen=True)
class PowerMapDocument:
    """Everything a power-map page shows, as plain values."""

    account_name: str
    cards: Mapping[str, PowerCard]
    layout: OrgLayout
    uncovered: frozenset[str] = frozenset()
    chain: frozenset[str] = frozenset()
    order: tuple[str, ...] = ()  # people in the map's order (the layout's input order)

    @classmethod
    def from_map(cls, contact_map: ContactMap, chain_from: str | None = None) -> PowerMapDocument:
        """Lay out the map's stakeholders; uncovered chains are always marked on paper."""
        cards = power_cards(contact_map)
        nodes = org_nodes(contact_map.stakeholders)
        layout = compact_org_chart(nodes)
        chain = chain_to_top(layout.managers, chain_from) if chain_from else []
        return cls(contact_map.account.name, cards, layout,
                   uncovered_chains(cards, layout.managers), frozenset(chain),
                   tuple(node.id for node in nodes))

    def sheets(self, content: Box) -> list[Sheet]:
        """The sheets this chart prints on, each ``content`` big (header, chart, legend)."""
        return plan_sheets(self.layout, self.order or tuple(self.layout.boxes),
                           chart_area(content))


def page_content(pagesize: PageSize = LANDSCAPE_A4) -> Box:
    """The part of a page inside the margins, in PDF points from the bottom-left corner."""
    return Box(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN)


def draw_power_map_pages(canvas: Canvas, document: PowerMapDocument,
                         pagesize: PageSize = LANDSCAPE_A4) -> int:
    """Draw every page of the power map on ``canvas`` (ending each page); return the count."""
    fonts = report_fonts()
    content = page_content(pagesize)
    sheets = document.sheets(content)
    for number, sheet in enumerate(sheets, start=1):
        canvas.setPageSize(pagesize)
        draw_sheet(canvas, document, sheet, number, len(sheets), content, fonts)
        canvas.showPage()
    return len(sheets)


def draw_sheet(canvas: Canvas, document: PowerMapDocument, sheet: Sheet, number: int,
               count: int, content: Box, fonts: ReportFonts,
               page_of: Callable[[int], int] = lambda number: number) -> None:
    """One sheet inside ``content``: the header, its part of the chart, the legend.
    ``page_of`` turns a sheet's number into the page it prints on."""
    _draw_header(canvas, document, sheet, number, count, content, fonts, page_of)
    if document.layout.boxes:
        _draw_chart(canvas, document, sheet, content, fonts, page_of)
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


def chart_area(content: Box) -> Box:
    """Where the chart goes on a sheet: between the header and the legend."""
    return Box(content.x, content.y + LEGEND, content.width,
               content.height - HEADER - LEGEND)


def _draw_header(canvas: Canvas, document: PowerMapDocument, sheet: Sheet, number: int,
                 count: int, content: Box, fonts: ReportFonts,
                 page_of: Callable[[int], int]) -> None:
    top, right = content.y + content.height, content.x + content.width
    canvas.setFillColor(INK)
    draw_fitted(canvas, content.x, top - 14, f"Power map — {document.account_name}",
                fonts.bold, 14, fonts, content.width * 0.6)
    canvas.setFont(fonts.regular, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top - 12, f"Sheet {number} of {count} · {sheet.scale:.0%}")
    if sheet.continued_from:
        pages = ", ".join(str(page_of(number)) for number in sheet.continued_from)
        canvas.setFillColor(CHAIN)
        canvas.setFont(fonts.bold, 8.5)
        canvas.drawString(content.x, top - 27,
                          f"Continued from page{'s' if len(sheet.continued_from) > 1 else ''} "
                          f"{pages}: the teams of the people whose cards say so there.")
    else:
        canvas.drawString(content.x, top - 27,
                          "Who reports to whom at the client, with the best relationship "
                          "anyone on our team holds with each person.")


def _draw_chart(canvas: Canvas, document: PowerMapDocument, sheet: Sheet, content: Box,
                fonts: ReportFonts, page_of: Callable[[int], int]) -> None:
    area = chart_area(content)
    layout = sheet.layout
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(area.x, area.y, area.width, area.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    # Scene units to points; the chart's top-left lands on the area's top-left.
    canvas.translate(area.x, area.y + area.height)
    canvas.scale(sheet.scale, sheet.scale)
    canvas.translate(0, -layout.height)
    canvas.setLineWidth(1.0)
    for connector in layout.connectors:
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
        goes_on = sheet.continues.get(person_id)
        draw_card(canvas, document.cards[person_id], box, layout.height, fonts,
                  uncovered=person_id in document.uncovered,
                  in_chain=person_id in document.chain,
                  note=f"Team continues on page {page_of(goes_on)} ▸" if goes_on else "")
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
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, 12, 12, stroke=1, fill=1)
    canvas.setFillColor(INK)
    canvas.circle(x + 8, y + 8, 1.6, stroke=0, fill=1)
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
