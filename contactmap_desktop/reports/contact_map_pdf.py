"""The Contact Map as a landscape PDF for an account review.

Stakeholders run across, team members down; each cell shows its grade letter on the grade's
color (the letter is always there, so the page reads in grayscale), key relationships carry a
gold mark and blank cells that should be filled a dashed outline. A map wider than the page is
split into column groups, each repeating the team-member column; rows that overflow continue
on the next page under a repeated header. A legend and the coverage findings follow the grid.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.dates import ENGLISH_LONG
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.domain.people import BuyingRole, Seniority, roles_to_badges
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.grade_box import GradeBox
from contactmap_desktop.reports.hyphenation import NAME_BREAKS
from contactmap_desktop.reports.markup import paragraph_text
from contactmap_desktop.reports.output import write_bytes_atomically
from contactmap_desktop.reports.page_footer import footer_canvas
from contactmap_desktop.reports.power_map_pdf import PowerMapDocument
from contactmap_desktop.reports.power_map_section import power_map_flowables
from contactmap_desktop.reports.styles import (
    INK,
    KEY_MARK,
    MUTED,
    NEEDS_FILLING,
    RULE,
    SHADE,
    LetterStyles,
    letter_styles,
)
from contactmap_desktop.reports.text_runs import paragraph

MARGIN = 36.0
NAME_COLUMN = 130.0
CELL_WIDTH = 62.0
CELL_HEIGHT = 24.0


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
    """One relationship: color, letter, key mark and needs-filling outline."""

    def __init__(self, grade: Grade | None, is_key: bool, needs_filling: bool,
                 fonts: ReportFonts) -> None:
        super().__init__(grade, fonts, CELL_WIDTH - 6, CELL_HEIGHT - 6, letter_size=11,
                         radius=2.5)
        self.is_key, self.needs_filling = is_key, needs_filling

    def draw(self) -> None:
        super().draw()
        if self.is_key:
            draw_key_mark(self.canv, self.width, self.height)

    def draw_blank(self, canvas: Any) -> None:
        if self.needs_filling:
            canvas.setStrokeColor(NEEDS_FILLING)
            canvas.setLineWidth(1.2)
            canvas.setDash(3, 2)
            canvas.roundRect(0.6, 0.6, self.width - 1.2, self.height - 1.2, 2.5, stroke=1,
                             fill=0)
            canvas.setDash()


def draw_key_mark(canvas: Any, width: float, height: float) -> None:
    """A gold triangle in the top right corner with a dark edge and a dark dot in it: a
    shape, so it shows in grayscale on every grade's color."""
    size = 10.0
    path = canvas.beginPath()
    path.moveTo(width - size, height)
    path.lineTo(width, height)
    path.lineTo(width, height - size)
    path.close()
    canvas.setFillColor(KEY_MARK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.setFillColor(INK)
    canvas.circle(width - size * 0.3, height - size * 0.3, 1.4, stroke=0, fill=1)


def build_contact_map_pdf(document: ContactMapDocument) -> bytes:
    """The PDF as bytes (the caller decides where it goes)."""
    fonts = report_fonts()
    styles = letter_styles(fonts, base_size=9.5)
    buffer = io.BytesIO()
    pagesize = document.paper.landscape
    account = document.contact_map.account.name
    template = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN,
                                 rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 8,
                                 title=f"Contact Map — {account}", author=account,
                                 invariant=1)
    story: list[Flowable] = [
        paragraph(f"Contact Map — {paragraph_text(account)}", styles.letterhead, fonts),
        paragraph(f"Printed {ENGLISH_LONG.format(document.printed_on)} · "
                  f"{counted(len(document.contact_map.stakeholders), 'stakeholder')}, "
                  f"{counted(len(document.contact_map.team_members), 'team member')}",
                  styles.small, fonts),
        Spacer(1, 10),
    ]
    usable = pagesize[0] - 2 * MARGIN
    per_page = max(1, int((usable - NAME_COLUMN) // CELL_WIDTH))
    stakeholders = document.contact_map.stakeholders
    groups = [stakeholders[i:i + per_page] for i in range(0, len(stakeholders), per_page)] or [[]]
    for number, group in enumerate(groups, start=1):
        if len(groups) > 1:
            first, last = (number - 1) * per_page + 1, (number - 1) * per_page + len(group)
            story.append(paragraph(f"Stakeholders {first}–{last} of {len(stakeholders)}",
                                   styles.small, fonts))
        story.append(_grid(document.contact_map, [s.id for s in group], fonts, styles))
        story.append(Spacer(1, 12))
    story.append(CondPageBreak(150))
    story.append(KeepTogether(_legend(fonts, styles)))
    story.extend(_findings(document.findings, fonts, styles))
    story.extend(_not_listed(document.findings_not_listed, fonts, styles))
    if document.power_map is not None:
        # Frames have 6 points of padding on each side.
        story.extend(power_map_flowables(document.power_map, template.width - 12,
                                         template.height - 12))
    canvas_class = footer_canvas(fonts, _footer(document.contact_map), MARGIN)
    template.build(story, canvasmaker=canvas_class)
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


@functools.cache
def name_style(styles: LetterStyles) -> ParagraphStyle:
    """The table cell style for names, which may break with a hyphen (made once)."""
    return ParagraphStyle("NameCell", parent=styles.table_cell, **NAME_BREAKS)


def _grid(contact_map: ContactMap, stakeholder_ids: list[str], fonts: ReportFonts,
          styles: LetterStyles) -> Table:
    names = name_style(styles)
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
    for member in contact_map.team_members:
        row: list[Flowable] = [paragraph(
            f"<b>{paragraph_text(member.name)}</b><br/>"
            f'<font size="6.5" color="#5b6470">{paragraph_text(member.title)}</font>',
            names, fonts)]
        for stakeholder_id in stakeholder_ids:
            relationship = contact_map.relationship(CellRef(member.id, stakeholder_id))
            row.append(GradeCell(relationship.grade, relationship.is_key,
                                 relationship.needs_filling, fonts))
        rows.append(row)
    widths = [NAME_COLUMN] + [CELL_WIDTH] * len(stakeholder_ids)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
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
    ]))
    return table


def _legend(fonts: ReportFonts, styles: LetterStyles) -> list[Flowable]:
    cells: list[Flowable] = []
    labels: list[Flowable] = []
    for grade in GRADES_TOP_DOWN:
        cells.append(GradeCell(grade, False, False, fonts))
        labels.append(paragraph(grade.label, styles.table_cell, fonts))
    cells += [GradeCell(Grade.OPEN, True, False, fonts), GradeCell(None, False, True, fonts)]
    labels += [paragraph("key relationship (gold corner with a dot)", styles.table_cell, fonts),
               paragraph("blank, to be filled (dashed)", styles.table_cell, fonts)]
    grid = Table([cells, labels], colWidths=[CELL_WIDTH + 6] * len(cells), hAlign="LEFT")
    grid.setStyle(TableStyle([("ALIGN", (0, 0), (-1, 0), "CENTER"),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    roles = " · ".join(f"<b>{role.badge}</b> {role.label}" for role in BuyingRole)
    return [paragraph("Legend", styles.heading, fonts), grid, Spacer(1, 4),
            paragraph(f"Buying roles: {roles}. A blank cell means no relationship (blank is not "
                      "Indifferent). Depth: how many of our team know the stakeholder.",
                      styles.small, fonts)]


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
    story.append(table)
    return story
