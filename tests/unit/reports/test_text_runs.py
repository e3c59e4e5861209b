"""Runs of text in the face that prints them: weight and slant kept, line breaks reused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from contactmap_desktop.reports import text_runs
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument,
    build_sponsor_letter_pdf,
)
from contactmap_desktop.reports.text_runs import draw_text, paragraph, text_width
from tests.helpers.pdf_checks import needs_poppler, pdf_text
from tests.unit.reports.test_sponsor_letter_pdf import _letter


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


def test_reusing_line_breaks_changes_nothing_in_the_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    document = SponsorLetterDocument(_letter(), company_name="Meridian")  # three pages, tables
    reused = build_sponsor_letter_pdf(document)
    monkeypatch.setattr(text_runs.LaidParagraph, "breakLines", Paragraph.breakLines)
    assert build_sponsor_letter_pdf(document) == reused


@needs_poppler
def test_a_second_export_is_the_same_file(tmp_path: Path) -> None:
    document = SponsorLetterDocument(_letter(), company_name="Меридиан")
    first, second = build_sponsor_letter_pdf(document), build_sponsor_letter_pdf(document)
    assert first == second
    (tmp_path / "letter.pdf").write_bytes(second)
    assert "Меридиан" in pdf_text(tmp_path / "letter.pdf")
