"""A paragraph read right to left is set from the right margin (and its cell's right edge)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintSummary
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import PainStatement, SponsorLetter
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.blueprint_pdf import BlueprintsDocument, write_blueprints_pdf
from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument, write_contact_map_pdf
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.page_footer import footer_canvas
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument,
    write_sponsor_letter_pdf,
)
from contactmap_desktop.reports.styles import letter_styles
from contactmap_desktop.reports.text_runs import paragraph
from tests.helpers.international import CORPUS, international_account
from tests.helpers.pdf_checks import needs_poppler, word_boxes

pytestmark = needs_poppler

ARABIC = "مرحبا بكم في الشركة اليوم"
HEBREW = "שלום עולם וגם Zoë"
FRAME = 72 + 6, A4[0] - 72 - 6  # SimpleDocTemplate's margins and its frame's padding


def _box(path: Path, word: str, page: int = 1) -> tuple[float, float]:
    [(left, right)] = [(left, right) for text, left, right in word_boxes(path, page)
                       if text == word]
    return left, right


def test_a_right_to_left_paragraph_ends_at_the_right_margin_and_keeps_its_indent(
        tmp_path: Path) -> None:
    fonts = report_fonts()
    styles = letter_styles(fonts)
    out = tmp_path / "rtl.pdf"
    SimpleDocTemplate(str(out), pagesize=A4, invariant=1).build(
        [paragraph("Plain Zoë", styles.body, fonts), paragraph(ARABIC, styles.body, fonts),
         paragraph(HEBREW, styles.quote, fonts),
         paragraph("Zoë says שלום", styles.body, fonts)],
        canvasmaker=footer_canvas(fonts, "", 50))
    words = {text: (left, right) for text, left, right in word_boxes(out)}
    assert abs(words["Plain"][0] - FRAME[0]) < 0.5
    # pdftotext lists right-to-left words as drawn: the first word read is the rightmost.
    assert abs(max(right for text, _left, right in word_boxes(out) if "مرحبا"[::-1] in text)
               - FRAME[1]) < 0.5
    quote = styles.quote.leftIndent
    assert abs(max(right for text, _l, right in word_boxes(out) if "םולש" in text)
               - (FRAME[1] - quote)) < 0.5
    assert abs(words["Zoë"][0] - FRAME[0]) < 0.5  # first strong letter Latin: left to right


def test_an_arabic_recap_is_right_aligned_and_a_latin_one_left(tmp_path: Path) -> None:
    name, title = CORPUS["arabic"]
    letter = SponsorLetter(
        "l1", "a1", date(2026, 1, 5), subject="Proposal", addressee_name="Ana Lima",
        sender_name="Zoë", pains=(PainStatement(title, name), PainStatement("Slow close", "Ann")),
        current_method="Manual", solution="Plan", value="Value")
    out = tmp_path / "letter.pdf"
    write_sponsor_letter_pdf(out, SponsorLetterDocument(letter, company_name="Acme",
                                                        paper=PaperSize.A4))
    words = word_boxes(out)
    arabic_right = max(right for text, _l, right in words if "يلاملا" in text)
    [latin_left] = [left for text, left, _r in words if text.endswith("Slow")]
    # The quote is indented the same on both sides: mirrored about the page's centre.
    assert abs((arabic_right + latin_left) - A4[0]) < 1.5, (latin_left, arabic_right)


def test_a_right_to_left_name_cell_of_the_contact_map_is_right_aligned(tmp_path: Path) -> None:
    account = international_account(5, 2)
    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(account, [], date(2026, 1, 5), PaperSize.A4))
    words = word_boxes(out)
    # Columns: Our team, then Latin, Greek, Cyrillic, Arabic, Hebrew names, one cell each.
    [greek_left] = [left for text, left, _r in words if text == "Ελένη"]
    [cyrillic_left] = [left for text, left, _r in words if text == "Светлана"]
    column = cyrillic_left - greek_left
    arabic_right = max(right for text, _l, right in words if "دمحم" in text)
    hebrew_right = max(right for text, _l, right in words if "הרש" in text)
    assert abs(hebrew_right - arabic_right - column) < 0.5
    # The name row keeps ReportLab's 6-point padding: as far from its cell's right edge
    # as a Latin name from its cell's left.
    arabic_cell = cyrillic_left - 6 + column
    assert abs(arabic_right - (arabic_cell + column - 6)) < 0.5


def test_a_right_to_left_tactic_takes_its_bullet_at_the_right(tmp_path: Path) -> None:
    summary = BlueprintSummary(
        Blueprint(id="1", account_id="a", stakeholder_id="s", cells=(CellRef("t", "s"),),
                  goal=Grade.OPEN, tactics=f"Lunch\n{CORPUS['hebrew'][1]}"),
        "Ann", ("Ben",), Grade.SATISFIED, "Ben", False, None)
    out = tmp_path / "blueprints.pdf"
    write_blueprints_pdf(out, BlueprintsDocument("Intl", [summary], date(2026, 1, 5),
                                                 PaperSize.A4))
    words = word_boxes(out, 2)
    bullets = sorted(left for text, left, _r in words if text == "•")
    [lunch_left] = [left for text, left, _r in words if text == "Lunch"]
    hebrew_right = max(right for text, _l, right in words if "שכר" in text)
    frame = 48 + 6, A4[0] - 48 - 6
    assert abs(bullets[0] - frame[0]) < 0.5 and bullets[1] > hebrew_right
    assert abs((lunch_left - frame[0]) - (frame[1] - hebrew_right)) < 0.5
