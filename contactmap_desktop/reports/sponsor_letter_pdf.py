"""The sponsor letter as a printed business letter (ReportLab platypus).

Letterhead (our company name, optional logo), date, address block, subject, salutation, the
recap with the customer's own words as quotations, the solution and its value, the next steps
as a milestones table, the closing and the signature; "Page n of m" in the footer. All user
text goes through :mod:`markup`, so nothing typed can turn into markup. With no company name
set, the letterhead names the sender, so the letter always says who it is from; the signature
names the company. A logo of any shape is scaled to fit beside the name.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.fonts import ReportFonts, report_fonts
from contactmap_desktop.reports.markup import paragraph_text
from contactmap_desktop.reports.output import write_bytes_atomically
from contactmap_desktop.reports.page_footer import footer_canvas
from contactmap_desktop.reports.styles import (
    ACCENT,
    MUTED,
    RULE,
    SHADE,
    LetterStyles,
    letter_styles,
)
from contactmap_desktop.reports.text_runs import paragraph

MARGIN = 64.0  # about 22 mm: a generous business-letter margin on A4 and Letter alike
FRAME_PADDING = 6.0  # platypus frames keep this much inside the margins
LOGO_HEIGHT = 40.0
LOGO_SHARE = 0.4  # of the letterhead's width at most: the name keeps the rest
NUMBER_COLUMN = 24.0  # room for two digits and a dot on one line
KEPT_ROWS = 2  # steps that stay with the "Next steps" heading
UNDATED = "date to be agreed"


@dataclass(frozen=True)
class SponsorLetterDocument:
    letter: SponsorLetter
    template: LetterTemplate = LetterTemplate()
    company_name: str = ""
    logo_path: Path | None = None
    paper: PaperSize = PaperSize.A4


def content_width(paper: PaperSize) -> float:
    return paper.portrait[0] - 2 * MARGIN - 2 * FRAME_PADDING


def build_sponsor_letter_pdf(document: SponsorLetterDocument) -> bytes:
    fonts = report_fonts()
    styles = letter_styles(fonts)
    letter = document.letter
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer, pagesize=document.paper.portrait, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN * 0.75, bottomMargin=MARGIN, invariant=1,
        title=letter.subject or "Sponsor letter",
        author=document.company_name or letter.sender_name, subject="Sponsor letter")
    story = LetterStory(document, fonts, styles).flowables()
    template.build(story, canvasmaker=footer_canvas(fonts, document.company_name,
                                                    MARGIN + FRAME_PADDING))
    return buffer.getvalue()


def write_sponsor_letter_pdf(path: Path, document: SponsorLetterDocument) -> None:
    write_bytes_atomically(path, build_sponsor_letter_pdf(document))


class LetterStory:
    """Turns one letter into platypus flowables, section by section."""

    def __init__(self, document: SponsorLetterDocument, fonts: ReportFonts,
                 styles: LetterStyles) -> None:
        self.document, self.fonts, self.styles = document, fonts, styles
        self.letter = document.letter
        self.template = document.template

    def text(self, value: str) -> str:
        return paragraph_text(value)

    def para(self, markup: str, style: ParagraphStyle) -> Flowable:
        return paragraph(markup, style, self.fonts)

    def flowables(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.letterhead()
        story += self.address_block()
        story += self.opening()
        story += self.recap()
        story += self.proposal()
        story += self.next_steps()
        story += self.closing()
        return story

    def sender(self) -> str:
        """Who the letter is from: our company, else the person who signs it."""
        return self.document.company_name.strip() or self.letter.sender_name.strip()

    def letterhead(self) -> list[Flowable]:
        name = self.para(self.text(self.sender()), self.styles.letterhead)
        width = content_width(self.document.paper)
        logo = _logo(self.document.logo_path, width * LOGO_SHARE)
        if logo is None and not self.sender():
            return [Spacer(1, 12)]  # nobody to name: plain paper, no empty rule
        if logo is None:
            head: Flowable = name
        else:
            head = Table([[name, logo]], colWidths=[width - logo.drawWidth - 4,
                                                    logo.drawWidth + 4])
            head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                      ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [head, Spacer(1, 6),
                HRFlowable(width="100%", thickness=1.6, color=ACCENT, spaceAfter=22)]

    def address_block(self) -> list[Flowable]:
        letter = self.letter
        lines = [f"<b>{self.text(letter.addressee_name)}</b>" if letter.addressee_name else ""]
        lines += [self.text(line) for line in (letter.addressee_title, letter.addressee_company)
                  if line.strip()]
        address = self.para("<br/>".join(line for line in lines if line), self.styles.body)
        dated = self.para(self.text(self.template.long_dates().format(letter.letter_date)),
                          self.styles.right)
        width = content_width(self.document.paper)
        block = Table([[address, dated]], colWidths=[width * 0.65, width * 0.35])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story: list[Flowable] = [block, Spacer(1, 18)]
        if letter.subject.strip():
            story.append(self.para(self.text(letter.subject), self.styles.title))
        return story

    def opening(self) -> list[Flowable]:
        letter = self.letter
        greeting = self.template.greeting(letter.salutation.strip() or (
            letter.addressee_name.split(" ")[0] if letter.addressee_name else ""))
        return [self.para(self.text(greeting), self.styles.body),
                *self.paragraphs(self.template.opening)]

    def recap(self) -> list[Flowable]:
        letter = self.letter
        parts = [(self.template.current_method_heading, letter.current_method),
                 (self.template.results_heading, letter.results),
                 (self.template.impact_heading, letter.impact)]
        quotes = [pain for pain in letter.pains if pain.quote.strip()]
        if not quotes and not any(body.strip() for _heading, body in parts):
            return []
        story: list[Flowable] = [self.para(self.text(self.template.recap_heading),
                                           self.styles.heading)]
        if quotes:
            story.append(self.para(self.text(self.template.pain_heading), self.styles.subheading))
            for pain in quotes:
                story.append(self.para(f"“{self.text(pain.quote.strip())}”", self.styles.quote))
                if pain.said_by.strip():
                    story.append(self.para(f"— {self.text(pain.said_by.strip())}",
                                           self.styles.attribution))
                else:
                    story.append(Spacer(1, 6))
        for heading, body in parts:
            if body.strip():
                story.append(self.para(self.text(heading), self.styles.subheading))
                story += self.paragraphs(body)
        return story

    def proposal(self) -> list[Flowable]:
        story: list[Flowable] = []
        for heading, body in ((self.template.solution_heading, self.letter.solution),
                              (self.template.value_heading, self.letter.value)):
            if body.strip():
                story.append(self.para(self.text(heading), self.styles.heading))
                story += self.paragraphs(body)
        return story

    def next_steps(self) -> list[Flowable]:
        milestones = [m for m in self.letter.milestones
                      if m.step.strip() or m.owner.strip() or m.criterion.strip() or m.due]
        if not milestones:
            return []
        cell, head = self.styles.table_cell, self.styles.table_head
        rows: list[list[Flowable]] = [[self.para(label, head) for label in
                                       ("", "Step", "Owner", "Date", "Go / no-go")]]
        short = self.template.short_dates()  # the letter's language, not the window's
        for number, milestone in enumerate(milestones, start=1):
            due = (self.text(short.format(milestone.due)) if milestone.due
                   else f'<font color="#b8401f"><i>{UNDATED}</i></font>')
            if milestone.done_on is not None:
                due += f"<br/><i>done {self.text(short.format(milestone.done_on))}</i>"
            rows.append([self.para(str(number), cell), self.para(self.text(milestone.step), cell),
                         self.para(self.text(milestone.owner), cell), self.para(due, cell),
                         self.para(self.text(milestone.criterion), cell)])
        width = content_width(self.document.paper)
        # Every width given: a table with a free column measures all its cells once more.
        widths = [NUMBER_COLUMN, width * 0.31, width * 0.2, width * 0.16]
        widths.append(width - sum(widths))
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ])
        table.setStyle(style)
        intro = (self.template.next_steps_intro_undated
                 if any(milestone.due is None for milestone in milestones)
                 else self.template.next_steps_intro)
        heading = [self.para(self.text(self.template.next_steps_heading), self.styles.heading),
                   *self.paragraphs(intro)]
        # The heading and its introduction never end a page without the table's first rows;
        # the rest of the table goes on on the next page, under its repeated header.
        start = Table(rows[:KEPT_ROWS + 1], colWidths=widths)
        start.setStyle(style)
        needed = sum(part.wrap(width, 10_000)[1] + part.getSpaceBefore() + part.getSpaceAfter()
                     for part in (*heading, start))
        return [CondPageBreak(needed), *heading, table, Spacer(1, 10)]

    def closing(self) -> list[Flowable]:
        letter = self.letter
        story: list[Flowable] = list(self.paragraphs(letter.closing_note))
        signature = [self.para(self.text(self.template.closing), self.styles.body),
                     Spacer(1, 30)]
        if letter.sender_name.strip():
            signature.append(self.para(f"<b>{self.text(letter.sender_name)}</b>",
                                       self.styles.signer))
        company = self.document.company_name.strip()
        lines = [letter.sender_title, letter.signature]
        if company and company not in letter.signature:
            lines.insert(1, company)
        for line in lines:
            if line.strip():
                signature.append(self.para(self.text(line.strip()), self.styles.small))
        story.append(Spacer(1, 6))
        story.append(KeepTogether(signature))  # the closing never leaves the name behind
        story.append(KeepTogether(self.acknowledgement()))
        return story

    def acknowledgement(self) -> list[Flowable]:
        """The sponsor's agreement to the steps and dates (article 002: dates agreed to):
        recorded, or lines to sign on."""
        letter = self.letter
        if letter.agreed_by.strip() and letter.agreed_on is not None:
            said = (f"<b>Agreed:</b> the steps and dates above were agreed by "
                    f"{self.text(letter.agreed_by.strip())} on "
                    f"{self.text(self.template.long_dates().format(letter.agreed_on))}.")
        else:
            said = ("<b>Agreed:</b> the steps and dates above. &nbsp; Name: "
                    "________________________ &nbsp; Date: ______________")
        return [Spacer(1, 10), self.para(said, self.styles.small)]

    def paragraphs(self, body: str) -> list[Flowable]:
        """Blank lines separate paragraphs; single newlines stay line breaks inside one."""
        blocks = [block.strip() for block in body.replace("\r\n", "\n").split("\n\n")]
        return [self.para(self.text(block), self.styles.body) for block in blocks if block]


def _logo(path: Path | None, widest: float) -> Image | None:
    """The logo scaled to fit the letterhead's height and ``widest``, its shape kept; an
    unreadable image prints no logo."""
    if path is None or not str(path).strip():
        return None
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception:  # missing file, not an image: the letter is still worth printing
        return None
    scale = min(LOGO_HEIGHT / max(height, 1), widest / max(width, 1))
    return Image(str(path), width=width * scale, height=height * scale)
