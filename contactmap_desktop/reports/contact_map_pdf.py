"""The Contact Map as a landscape PDF for an account review.

Stakeholders run across, team members down; each cell shows its grade letter on the grade's
color (the letter is always there, so the page reads in grayscale), key relationships carry a
gold mark and blank cells that should be filled a dashed outline. A map wider than the page is
split into evenly filled column groups, each repeating the team-member column; rows that
overflow continue on the next page under a repeated header. The legend is at the foot of
every page (:mod:`map_legend`); the coverage findings follow the grid.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.dates import ENGLISH_LONG
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.leverage import leverage_links
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.domain.people import Seniority, roles_to_badges
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.reports.cell_marks import draw_key_mark, draw_needs_filling
from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.grade_box import GradeBox
from contactmap_desktop.reports.hyphenation import name_cells
from contactmap_desktop.reports.map_legend import STRIP, LegendOff, draw_legend_strip
from contactmap_desktop.reports.markup import paragraph_text
from contactmap_desktop.reports.output import write_bytes_atomically
from contactmap_desktop.reports.page_footer import footer_canvas
from contactmap_desktop.reports.power_map_pdf import PowerMapDocument
from contactmap_desktop.reports.power_map_section import power_map_flowables
from contactmap_desktop.reports.styles import (
    LEVERAGE,
    LEVERAGE_COOLED,
    MUTED,
    RULE,
    SHADE,
    LetterStyles,
    letter_styles,
)
from contactmap_desktop.reports.text_runs import paragraph

MARGIN = 36.0
NAME_COLUMN = 130.0
CELL_WIDTH = 62.0
MIN_CELL_WIDTH = 54.0  # a grade letter, its key corner and a short name still fit
CELL_HEIGHT = 24.0
KEPT_ROWS = 3  # team members a column group's header never leaves a page without


@dataclass(frozen=True)
class MapFinding:
    """One coverage finding as printed: its severity's label and its sentence."""

    severity: str
    message: str


@dataclass(frozen=True)
class ContactMapDocument:
    contact_map: ContactMap
    findings: Sequence[MapFinding]
    printed_on: date
    paper: PaperSize = PaperSize.A4
    # The org chart as a second section (reports.power_map_section); None leaves it out.
    power_map: PowerMapDocument | None = None
    # Findings left out of a long list: (what they are about, how many), said after it.
    findings_not_listed: Sequence[tuple[str, int]] = ()


class GradeCell(GradeBox):
    """One relationship: color, letter, key mark and needs-filling outline; ``cell`` and
    ``leverage`` (the cells it is linked to help, and whether the link still holds) let the
    grid draw the leverage arrows."""

    def __init__(self, grade: Grade | None, is_key: bool, needs_filling: bool,
                 fonts: ReportFonts, width: float = CELL_WIDTH, cell: CellRef | None = None,
                 leverage: Sequence[tuple[CellRef, bool]] = ()) -> None:
        super().__init__(grade, fonts, width - 6, CELL_HEIGHT - 6, letter_size=11,
                         radius=2.5)
        self.is_key, self.needs_filling = is_key, needs_filling
        self.cell, self.leverage = cell, tuple(leverage)

    def draw(self) -> None:
        super().draw()
        if self.is_key:
            draw_key_mark(self.canv, self.width, self.height)

    def draw_blank(self, canvas: Any) -> None:
        if self.needs_filling:
            draw_needs_filling(canvas, self.width, self.height)


class MapGrid(Table):  # type: ignore[misc]
    """The grid table, with an arrow from each leverage source to the cell it helps when both
    are in this part of the grid (a split keeps the class and the cells, so parts draw their
    own arrows). A split never carries fewer than :data:`KEPT_ROWS` team members on to the
    next page under the repeated header."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = list(super().split(availWidth, availHeight))
        if len(parts) != 2 or len(parts[1]._cellvalues) - self.repeatRows >= KEPT_ROWS:
            return parts
        staying = len(self._cellvalues) - KEPT_ROWS  # rows, header included
        if staying - self.repeatRows < KEPT_ROWS:
            return []  # too few rows to split well: the group goes on the next page whole
        return list(super().split(availWidth, sum(self._rowHeights[:staying]) + 0.01))

    def draw(self) -> None:
        super().draw()
        centres: dict[CellRef, tuple[float, float]] = {}
        sources: list[GradeCell] = []
        for row, values in enumerate(self._cellvalues):
            for column, value in enumerate(values):
                # Table keeps a flowable cell as a tuple of the flowables in it.
                for item in value if isinstance(value, tuple) else (value,):
                    if isinstance(item, GradeCell) and item.cell is not None:
                        centres[item.cell] = (
                            (self._colpositions[column] + self._colpositions[column + 1]) / 2,
                            (self._rowpositions[row] + self._rowpositions[row + 1]) / 2)
                        sources += [item] if item.leverage else []
        for source in sources:
            assert source.cell is not None
            for target, usable in source.leverage:
                if target in centres:
                    draw_leverage_arrow(self.canv, centres[source.cell], centres[target], usable)


def draw_leverage_arrow(canvas: Any, start: tuple[float, float], end: tuple[float, float],
                        usable: bool) -> None:
    """Green from source to target; dashed red once the source is below Open."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 20:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    x1, y1, x2, y2 = x1 + 8 * ux, y1 + 8 * uy, x2 - 8 * ux, y2 - 8 * uy  # letters stay clear
    color = LEVERAGE if usable else LEVERAGE_COOLED
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineWidth(1.2)
    if not usable:
        canvas.setDash(3, 2)
    canvas.line(x1, y1, x2, y2)
    canvas.setDash()
    path = canvas.beginPath()
    path.moveTo(x2, y2)
    for side in (1, -1):
        path.lineTo(x2 - 5 * ux - 2.5 * side * uy, y2 - 5 * uy + 2.5 * side * ux)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def column_plan(count: int, room: float) -> tuple[int, float]:
    """Stakeholders per column group and the width of their columns: as many groups as the
    narrowest readable column needs, evenly filled, each column as wide as the page allows
    (ten stakeholders fit one US Letter page at 59 points instead of splitting 9 + 1)."""
    fitting = max(1, int(room // MIN_CELL_WIDTH))
    groups = max(1, -(-count // fitting))
    per_group = max(1, -(-count // groups))
    return per_group, min(CELL_WIDTH, room / per_group)


def build_contact_map_pdf(document: ContactMapDocument) -> bytes:
    """The PDF as bytes (the caller decides where it goes)."""
    fonts = report_fonts()
    styles = letter_styles(fonts, base_size=9.5)
    buffer = io.BytesIO()
    pagesize = document.paper.landscape
    account = document.contact_map.account.name
    template = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN,
                                 rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN + 8 + STRIP,
                                 title=f"Contact Map — {account}", author=account,
                                 invariant=1)
    story: list[Flowable] = [
        paragraph(f"Contact Map — {paragraph_text(account)}", styles.letterhead, fonts),
        paragraph(f"Printed {ENGLISH_LONG.format(document.printed_on)} · "
                  f"{counted(len(document.contact_map.stakeholders), 'stakeholder')}, "
                  f"{counted(len(document.contact_map.team_members), 'team member')}",
                  styles.small, fonts),
        paragraph("A blank cell means no relationship (blank is not Indifferent). Depth: how "
                  "many of our team know the stakeholder. The legend is at the foot of each "
                  "page.", styles.small, fonts),
        Spacer(1, 10),
    ]
    room = pagesize[0] - 2 * MARGIN - 12 - NAME_COLUMN  # frames pad 6 points each side
    per_group, cell_width = column_plan(len(document.contact_map.stakeholders), room)
    stakeholders = document.contact_map.stakeholders
    groups = [stakeholders[i:i + per_group]
              for i in range(0, len(stakeholders), per_group)] or [[]]
    for number, group in enumerate(groups, start=1):
        if len(groups) > 1:
            first, last = (number - 1) * per_group + 1, (number - 1) * per_group + len(group)
            story.append(CondPageBreak(60))
            story.append(paragraph(f"Stakeholders {first}–{last} of {len(stakeholders)}",
                                   styles.small, fonts))
        story.extend(_grid(document.contact_map, [s.id for s in group], fonts, styles,
                           cell_width))
        story.append(Spacer(1, 12))
    story.extend(_findings(document.findings, fonts, styles))
    story.extend(_not_listed(document.findings_not_listed, fonts, styles))
    if document.power_map is not None:
        story.append(LegendOff())
        # Frames have 6 points of padding on each side.
        story.extend(power_map_flowables(document.power_map, template.width - 12,
                                         template.height - 12))

    def legend(canvas: Any, _document: Any) -> None:
        draw_legend_strip(canvas, MARGIN, MARGIN + 8)

    canvas_class = footer_canvas(fonts, _footer(document.contact_map), MARGIN)
    template.build(story, onFirstPage=legend, onLaterPages=legend, canvasmaker=canvas_class)
    return buffer.getvalue()


def names_replacing_executives(contact_map: ContactMap) -> bool:
    """Whether the map names an executive graded Motivated to change: someone taking steps
    to replace us, which is not for the client's eyes."""
    executives = {person.id for person in contact_map.stakeholders
                  if person.seniority is Seniority.EXECUTIVE}
    return any(relationship.grade is Grade.MOTIVATED
               and relationship.cell.stakeholder_id in executives
               for relationship in contact_map.relationships.values())


def _footer(contact_map: ContactMap) -> str:
    mark = "CONFIDENTIAL · " if names_replacing_executives(contact_map) else ""
    return f"{mark}{contact_map.account.name} · Contact Map"


def write_contact_map_pdf(path: Path, document: ContactMapDocument) -> None:
    write_bytes_atomically(path, build_contact_map_pdf(document))


def _grid(contact_map: ContactMap, stakeholder_ids: list[str], fonts: ReportFonts,
          styles: LetterStyles, cell_width: float) -> list[Flowable]:
    """A column group's table, which starts on a page only with room for its header and
    :data:`KEPT_ROWS` team members (then it splits under its repeated header)."""
    names = name_cells(styles.table_cell)
    head = [paragraph("Our team", styles.table_head, fonts)]
    for stakeholder_id in stakeholder_ids:
        person = contact_map.stakeholder(stakeholder_id)
        badges = roles_to_badges(person.roles)
        lines = [f"<b>{paragraph_text(person.name)}</b>"]
        if person.title:
            lines.append(f'<font size="6.5">{paragraph_text(person.title)}</font>')
        lines.append(f'<font size="6.5" color="#5b6470">{person.seniority.short_label}'
                     f'{" · " + badges if badges else ""} · depth '
                     f"{contact_map.depth(stakeholder_id)}</font>")
        head.append(paragraph("<br/>".join(lines), names, fonts))
    rows: list[list[Flowable]] = [head]
    leverage: dict[CellRef, list[tuple[CellRef, bool]]] = {}
    for link in leverage_links(contact_map):
        leverage.setdefault(link.source, []).append((link.target, link.usable))
    for member in contact_map.team_members:
        row: list[Flowable] = [paragraph(
            f"<b>{paragraph_text(member.name)}</b><br/>"
            f'<font size="6.5" color="#5b6470">{paragraph_text(member.title)}</font>',
            names, fonts)]
        for stakeholder_id in stakeholder_ids:
            cell = CellRef(member.id, stakeholder_id)
            relationship = contact_map.relationship(cell)
            row.append(GradeCell(relationship.grade, relationship.is_key,
                                 relationship.needs_filling, fonts, cell_width, cell,
                                 leverage.get(cell, ())))
        rows.append(row)
    widths = [NAME_COLUMN] + [cell_width] * len(stakeholder_ids)
    table = MapGrid(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("LINEAFTER", (0, 0), (0, -1), 0.8, MUTED),
        ("TOPPADDING", (0, 1), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ("LEFTPADDING", (1, 1), (-1, -1), 3),
        ("RIGHTPADDING", (1, 1), (-1, -1), 3),
    ])
    table.setStyle(style)
    start = Table(rows[:KEPT_ROWS + 1], colWidths=widths)
    start.setStyle(style)
    return [CondPageBreak(start.wrap(sum(widths), 10_000)[1]), table]


def _not_listed(not_listed: Sequence[tuple[str, int]], fonts: ReportFonts,
                styles: LetterStyles) -> list[Flowable]:
    if not not_listed:
        return []
    kinds = "; ".join(f"{count:,} more {paragraph_text(title)}" for title, count in not_listed)
    return [Spacer(1, 6), paragraph(
        f"Not listed here, to keep this printout readable: {kinds}. The Findings panel of the "
        "app lists every one, and so does the command line's <i>findings</i> command.",
        styles.small, fonts)]


def _findings(findings: Sequence[MapFinding], fonts: ReportFonts,
              styles: LetterStyles) -> list[Flowable]:
    story: list[Flowable] = [paragraph("Coverage findings", styles.heading, fonts)]
    if not findings:
        story.append(paragraph("No findings: the map meets every coverage rule.", styles.body,
                               fonts))
        return story
    rows = [[paragraph(paragraph_text(finding.severity), styles.table_head, fonts),
             paragraph(paragraph_text(finding.message), styles.table_cell, fonts)]
            for finding in findings]
    table = Table(rows, colWidths=[70, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    # The heading goes with the first findings (a conditional break, about four rows), not
    # with the whole list, which would leave the rest of the map's page empty.
    return [CondPageBreak(90), *story, Spacer(1, 0), table]
