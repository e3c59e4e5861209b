"""Runs of text in the face that prints them: weight and slant kept, line breaks reused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from contactmap_desktop.reports import laid_paragraph
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument,
    build_sponsor_letter_pdf,
)
from contactmap_desktop.reports.text_runs import draw_text, paragraph, text_width
from tests.helpers.pdf_checks import needs_poppler, pdf_text
from tests.unit.reports.test_sponsor_letter_pdf import LONG_RECAP, _letter


def _faces(markup: str, font: str) -> list[tuple[str, str]]:
    built = paragraph(markup, ParagraphStyle("p", fontName=font), report_fonts())
    return [(frag.text, frag.fontName) for frag in built.frags]


def test_each_run_takes_the_weight_and_slant_of_its_style_or_tag() -> None:
    assert _faces("Dear <b>Светлана</b>, 李伟", "Helvetica") == [
        ("Dear ", "Helvetica"), ("Светлана", "ContactMapSans-Bold"), (", ", "Helvetica"),
        ("李伟", "ContactMapCJK")]
    assert _faces("Ελένη, Zoë", "Helvetica-Oblique") == [
        ("Ελένη", "ContactMapSans-Oblique"), (", Zoë", "Helvetica-Oblique")]
    assert _faces("Zoë Müller", "Helvetica-Bold") == [("Zoë Müller", "Helvetica-Bold")]


def test_a_canvas_line_is_one_text_object_and_measures_its_runs() -> None:
    fonts = report_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_text(canvas, 100, 100, "Zoë Светлана", fonts.regular, 10, fonts, anchor="right")
    canvas.save()
    width = text_width("Zoë Светлана", fonts.regular, 10, fonts)
    assert width == pytest.approx(text_width("Zoë ", fonts.regular, 10, fonts)
                                  + text_width("Светлана", fonts.regular, 10, fonts))
    content = PdfReader(buffer).pages[0].get_contents()
    assert content is not None and content.get_data().count(b" Tm ") == 1


def _fresh(document: SponsorLetterDocument, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The PDF built with nothing kept: every paragraph parsed and broken anew."""
    laid_paragraph.forget()
    with monkeypatch.context() as patch:
        patch.setattr(laid_paragraph.LaidParagraph, "breakLines", Paragraph.breakLines)
        built = build_sponsor_letter_pdf(document)
    laid_paragraph.forget()  # what that build kept was broken by ReportLab's own code
    return built


def test_reusing_parsed_and_broken_paragraphs_changes_nothing_in_the_pdf(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Three pages with paragraphs (of one face and of several) split across them, tables, and
    # text shared by both letters.
    mixed = LONG_RECAP.replace("planners", "<планировщики>")
    long_letter = SponsorLetterDocument(_letter(current_method=mixed), company_name="Meridian")
    # The same paragraphs a few lines lower: others split across the pages.
    other = SponsorLetterDocument(_letter(addressee_name="Светлана Иванова", current_method=mixed,
                                          results="Late\n\nand later\n\nthan last year"),
                                  company_name="Meridian")
    laid_paragraph.forget()
    first = build_sponsor_letter_pdf(long_letter)
    other_reusing = build_sponsor_letter_pdf(other)  # reuses the paragraphs both letters share
    again = build_sponsor_letter_pdf(long_letter)  # reuses every paragraph
    assert again == first == _fresh(long_letter, monkeypatch)
    assert other_reusing == _fresh(other, monkeypatch)


def test_the_session_keeps_a_bounded_number_of_paragraphs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(laid_paragraph, "LIMIT", 3)
    laid_paragraph.forget()
    style, fonts = ParagraphStyle("p"), report_fonts()
    for number in range(10):
        paragraph(f"Paragraph {number}", style, fonts).wrap(200, 100)
    assert len(laid_paragraph._parsed) <= 3 and len(laid_paragraph._lines) <= 3


def test_a_long_document_keeps_a_memory_of_its_own_for_its_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    document = SponsorLetterDocument(_letter(), company_name="Meridian")
    laid_paragraph.forget()
    with laid_paragraph.memory_of_its_own():
        own = build_sponsor_letter_pdf(document)
    assert not laid_paragraph._parsed and not laid_paragraph._lines  # nothing outlives it
    assert own == _fresh(document, monkeypatch)


@needs_poppler
def test_a_second_export_is_the_same_file(tmp_path: Path) -> None:
    document = SponsorLetterDocument(_letter(), company_name="Меридиан")
    first, second = build_sponsor_letter_pdf(document), build_sponsor_letter_pdf(document)
    assert first == second
    (tmp_path / "letter.pdf").write_bytes(second)
    assert "Меридиан" in pdf_text(tmp_path / "letter.pdf")
