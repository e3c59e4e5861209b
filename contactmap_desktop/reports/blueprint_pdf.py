"""The Contact Blueprints of an account as a PDF: an overview table, then one page per plan.

The current and goal grades are printed as small chips in the map's colors with the letter
and the grade's name, so the page also reads in grayscale. Tactics and messages print one
bullet per line typed; a plan longer than a page flows on, each further page headed with
whose blueprint it is. Every user text is escaped.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.blueprints import BlueprintSummary, Strategy
from contactmap_desktop.domain.dates import ENGLISH, ENGLISH_LONG
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.domain.wording import counted, noun_for
from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.grade_box import GradeBox
from contactmap_desktop.reports.hyphenation import name_cells
from contactmap_desktop.reports.markup import paragraph_text
from contactmap_desktop.reports.output import write_bytes_atomically
from contactmap_desktop.reports.page_footer import footer_canvas
from contactmap_desktop.reports.styles import (
    KEY_MARK,
    MUTED,
    RULE,
    SHADE,
    LetterStyles,
    letter_styles,
)
from contactmap_desktop.reports.text_runs import draw_text, paragraph

MARGIN = 48.0
CHIP_WIDTH = 24.0
CHIP_HEIGHT = 16.0
ITEM_INDENT = 14.0  # from a list's bullet to its item's text


@dataclass(frozen=True)
class BlueprintsDocument:
    account_name: str
    summaries: Sequence[BlueprintSummary]
    printed_on: date
    paper: PaperSize = PaperSize.A4
    # Full strategy names from the reference text ("IOU (Reciprocity)"); short ones if absent.
    strategy_titles: Mapping[Strategy, str] = field(default_factory=dict)

    def strategies(self, summary: BlueprintSummary) -> str:
        return ", ".join(self.strategy_titles.get(s, s.label)
                         for s in summary.blueprint.strategies)


class GradeChip(GradeBox):
    """A grade's letter on its color; a dashed box with a dash for no relationship."""

    def __init__(self, grade: Grade | None, fonts: ReportFonts) -> None:
        super().__init__(grade, fonts, CHIP_WIDTH, CHIP_HEIGHT, letter_size=9, radius=2)

    def draw_blank(self, canvas: Any) -> None:
        canvas.setStrokeColor(MUTED)
        canvas.setDash(2, 2)
        canvas.roundRect(0.5, 0.5, self.width - 1, self.height - 1, 2, stroke=1, fill=0)
        canvas.setDash()
        canvas.setFillColor(MUTED)
        self.draw_letter(canvas, "–")


@functools.cache
def bullet_style(styles: LetterStyles) -> ParagraphStyle:
    """A list item's paragraph (made once per styles)."""
    return ParagraphStyle("Item", parent=styles.body, spaceAfter=3)


class PlanStart(Flowable):  # type: ignore[misc]
    """Takes no room; tells the page header that the next page starts ``name``'s plan."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.blueprint_plan = self.name
        self.canv.blueprint_plan_page = None


def _continued_header(canvas: Any, document: Any) -> None:
    """On a plan's second page and later: whose blueprint this is."""
    name = getattr(canvas, "blueprint_plan", None)
    if name is None:
        return
    if canvas.blueprint_plan_page is None:
        canvas.blueprint_plan_page = document.page
        return
    fonts = report_fonts()
    canvas.saveState()
    canvas.setFillColor(MUTED)
    draw_text(canvas, MARGIN, document.pagesize[1] - MARGIN + 14,
              f"Blueprint — {name} (continued)", fonts.bold, 9, fonts)
    canvas.restoreState()


def _grade_name(grade: Grade | None) -> str:
    return grade.label if grade is not None else "no relationship yet"


def _due(summary: BlueprintSummary) -> str:
    due = summary.blueprint.due
    if due is None:
        return "no date"
    return f"{ENGLISH.format(due)} (overdue)" if summary.overdue else ENGLISH.format(due)


class _Writer:
    """Builds the story; ``text`` escapes user text and sets CJK runs in their face."""

    def __init__(self, document: BlueprintsDocument) -> None:
        self.document = document
        self.fonts = report_fonts()
        self.styles: LetterStyles = letter_styles(self.fonts, base_size=10)
        self.bullet = bullet_style(self.styles)

    def text(self, value: str) -> str:
        return paragraph_text(value)

    def para(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return paragraph(markup, style, self.fonts)

    def story(self, width: float) -> list[Flowable]:
        document, styles = self.document, self.styles
        count = len(document.summaries)
        story: list[Flowable] = [
            self.para(f"Contact Blueprints — {self.text(document.account_name)}",
                      styles.letterhead),
            self.para(f"Printed {ENGLISH_LONG.format(document.printed_on)} · "
                      + counted(count, "blueprint"), styles.small),
            Spacer(1, 10),
        ]
        if not document.summaries:
            story.append(self.para("This account has no blueprints yet. Select a key "
                                   "relationship in the map and plan it in the Blueprint "
                                   "panel.", styles.body))
            return story
        story.append(self._overview(width))
        for summary in document.summaries:
            story.append(PlanStart(summary.stakeholder_name))
            story.append(PageBreak())
            story.extend(self._plan(summary, width))
        return story

    def _cell(self, value: str, *, bold: bool = False, name: bool = False) -> Paragraph:
        style = self.styles.table_head if bold else self.styles.table_cell
        return self.para(self.text(value), name_cells(style) if name else style)

    def _grades(self, summary: BlueprintSummary) -> Table:
        arrow = self.para("→", self.styles.table_cell)
        row = [GradeChip(summary.current, self.fonts), arrow,
               GradeChip(summary.blueprint.goal, self.fonts)]
        table = Table([row], colWidths=[CHIP_WIDTH + 2, 12, CHIP_WIDTH + 2], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def _overview(self, width: float) -> Table:
        head = [self._cell(title, bold=True) for title in
                ("Stakeholder", "Current → goal", "Strategies", "Owner", "Due", "Status")]
        rows: list[list[Flowable]] = [head]
        overdue_rows: list[int] = []
        for number, summary in enumerate(self.document.summaries, start=1):
            blueprint = summary.blueprint
            rows.append([
                self._cell(summary.stakeholder_name, bold=True),
                self._grades(summary),
                self._cell(summary.strategy_labels or "none chosen yet"),
                self._cell(summary.owner_name or "no owner", name=True),
                self._cell(_due(summary)),
                self._cell(blueprint.status.label),
            ])
            if summary.overdue:
                overdue_rows.append(number)
        widths = [96, 76, None, 72, 64, 62]  # the strategies take what is left
        strategies = width - sum(w for w in widths if w is not None)
        table = Table(rows, colWidths=[strategies if w is None else w for w in widths],
                      repeatRows=1, hAlign="LEFT")
        commands: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        for row in overdue_rows:  # the gold of key marks: late plans stand out on paper too
            commands.append(("LINEBEFORE", (0, row), (0, row), 3, KEY_MARK))
        table.setStyle(TableStyle(commands))
        return table

    def _plan(self, summary: BlueprintSummary, width: float) -> list[Flowable]:
        styles, blueprint = self.styles, summary.blueprint
        with_whom = ", ".join(summary.team_names)
        story: list[Flowable] = [
            self.para(f"Blueprint — {self.text(summary.stakeholder_name)}", styles.letterhead),
            self.para(f"{noun_for(len(summary.team_names), 'Relationship')} with "
                      f"{self.text(with_whom)}", styles.small),
            Spacer(1, 8),
        ]
        goal = self.para(f"From <b>{_grade_name(summary.current)}</b> to "
                         f"<b>{blueprint.goal.label}</b>", styles.body)
        facts = [
            [self._grades(summary), goal],
            [self._cell("Owner", bold=True), self._cell(summary.owner_name or "no owner")],
            [self._cell("Due", bold=True), self._cell(_due(summary))],
            [self._cell("Status", bold=True), self._cell(blueprint.status.label)],
        ]
        table = Table(facts, colWidths=[80, width - 80], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story.append(table)
        if summary.warning:
            story.append(Spacer(1, 4))
            story.append(self.para(self.text(summary.warning), styles.small))
        story.append(self.para("Influence strategies", styles.heading))
        story.append(self.para(self.text(self.document.strategies(summary) or "None chosen yet."),
                               styles.body))
        for title, value, listed in (("Tactics", blueprint.tactics, True),
                                     ("Core messages", blueprint.messages, True),
                                     ("People and resources", blueprint.resources, False),
                                     ("Notes", blueprint.notes, False)):
            story.append(self.para(title, styles.heading))
            story += self._items(value) if listed else self._paragraphs(value)
        return story

    def _items(self, value: str) -> list[Flowable]:
        """One bullet per line typed, so that a wrapped line never looks like a new item."""
        lines = [line.strip().lstrip("•-*").strip() for line in value.splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            return [self.para("—", self.styles.body)]
        return [ListFlowable([self._item(self.para(self.text(line), self.bullet))
                              for line in lines],
                             bulletType="bullet", start="•", leftIndent=ITEM_INDENT,
                             bulletFontName=self.fonts.regular, bulletFontSize=10)]

    def _item(self, item: Paragraph) -> Paragraph | ListItem:
        """An item read right to left (set from the right margin) takes its bullet there."""
        if item.style.alignment != TA_RIGHT:
            return item
        return ListItem(item, bulletDir="rtl", bulletAlign="right", leftIndent=0,
                        rightIndent=ITEM_INDENT)

    def _paragraphs(self, value: str) -> list[Flowable]:
        """Paragraphs split at blank lines, so that a long section flows across pages."""
        blocks = [block.strip() for block in value.replace("\r\n", "\n").split("\n\n")]
        blocks = [block for block in blocks if block]
        return [self.para(self.text(block), self.styles.body) for block in blocks] or [
            self.para("—", self.styles.body)]


def build_blueprints_pdf(document: BlueprintsDocument) -> bytes:
    writer = _Writer(document)
    buffer = io.BytesIO()
    pagesize = document.paper.portrait
    template = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN,
                                 rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 8,
                                 title=f"Contact Blueprints — {document.account_name}",
                                 author=document.account_name, invariant=1)
    story = writer.story(template.width - 12)  # frames have 6 points of padding each side
    canvas_class = footer_canvas(writer.fonts, f"{document.account_name} · Contact Blueprints",
                                 MARGIN)
    template.build(story, onLaterPages=_continued_header, canvasmaker=canvas_class)
    return buffer.getvalue()


def write_blueprints_pdf(path: Path, document: BlueprintsDocument) -> None:
    write_bytes_atomically(path, build_blueprints_pdf(document))

