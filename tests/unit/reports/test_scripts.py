"""Every script prints: each letter in a face that has it, shaped, ordered, and extractable."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintSummary
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.blueprint_pdf import BlueprintsDocument, write_blueprints_pdf
from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument, write_contact_map_pdf
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.markup import Script, script_runs
from contactmap_desktop.reports.power_map_pdf import PowerMapDocument, write_power_map_pdf
from contactmap_desktop.reports.shaping import display_order, shape
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument,
    write_sponsor_letter_pdf,
)
from contactmap_desktop.reports.styles import letter_styles
from contactmap_desktop.reports.text_runs import paragraph
from tests.helpers.international import CORPUS, NAMES, international_account
from tests.helpers.pdf_checks import needs_poppler, pdf_text

# Joiners and variation selectors steer shaping; they need no glyph of their own.
_FORMAT = {0x200C, 0x200D, 0xFE0E, 0xFE0F}
# Direction marks pdftotext puts around right-to-left text.
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def _extracted(path: Path) -> str:
    return " ".join(_MARKS.sub("", pdf_text(path)).split())


@pytest.mark.parametrize("script", list(CORPUS))
def test_every_letter_of_the_corpus_is_in_the_face_that_prints_it(script: str) -> None:
    fonts = report_fonts()
    for text in CORPUS[script]:
        for face in (fonts.regular, fonts.bold):
            for run_script, piece in script_runs(text):
                name = fonts.face_for(run_script, face)
                if run_script is Script.STANDARD:
                    continue
                cmap = pdfmetrics.getFont(name).face.charToGlyph
                missing = [char for char in piece if ord(char) not in cmap
                           and ord(char) not in _FORMAT]
                assert not missing, (script, name, missing)


def test_each_script_gets_its_own_face() -> None:
    fonts = report_fonts()
    expected = {"arabic": "ContactMapArabic", "hebrew": "ContactMapHebrew",
                "devanagari": "ContactMapDevanagari", "thai": "ContactMapThai",
                "korean": "ContactMapHangul", "chinese": "ContactMapCJK"}
    for script, face in expected.items():
        [(run_script, _piece)] = script_runs(CORPUS[script][0].replace(" ", ""))
        assert fonts.face_for(run_script, fonts.regular) == face
    assert fonts.face_for(Script.ARABIC, fonts.bold) == "ContactMapArabic-Bold"
    assert fonts.face_for(Script.HANGUL, fonts.bold) == "ContactMapHangul-Bold"
    assert [script for script, _ in script_runs("Ana 🙂🚀")] == [Script.STANDARD, Script.EMOJI]


def test_arabic_letters_join_and_devanagari_forms_conjuncts() -> None:
    report_fonts().face_for(Script.ARABIC, "Helvetica")  # registers the faces
    report_fonts().face_for(Script.DEVANAGARI, "Helvetica")
    joined = shape("سلمان", "ContactMapArabic", 10)
    # Joined letters are other glyphs than the letters alone; HarfBuzz puts them right to left.
    assert str(joined) != "سلمان"
    assert [data.cluster for data in joined.__shapeData__] == sorted(
        (data.cluster for data in joined.__shapeData__), reverse=True)
    conjunct = shape("प्रिया", "ContactMapDevanagari", 10)
    assert len(conjunct.__shapeData__) < len("प्रिया")  # प्र is one glyph


@pytest.mark.parametrize(("tokens", "base", "order"), [
    ([("Dear", "F"), (" ", "F"), ("محمد", "ContactMapArabic"), (" ", "ContactMapArabic"),
      ("بن", "ContactMapArabic"), (",", "F")], 0, [0, 1, 4, 3, 2, 5]),
    ([("שרה", "ContactMapHebrew"), (" ", "ContactMapHebrew"), ("לוי", "ContactMapHebrew")], 1,
     [2, 1, 0]),
    ([("מנהל", "ContactMapHebrew"), (" ", "F"), ("ACME", "F"), (" ", "F"),
      ("Ltd", "F")], 1, [2, 3, 4, 1, 0]),
])
def test_words_are_put_in_display_order(tokens: list[tuple[str, str]], base: int,
                                        order: list[int]) -> None:
    assert display_order(tokens, base) == order


def test_bold_han_is_printed_bold_and_latin_text_has_no_spans(tmp_path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from contactmap_desktop.reports.page_footer import footer_canvas

    fonts = report_fonts()
    styles = letter_styles(fonts)
    out = tmp_path / "bold.pdf"
    SimpleDocTemplate(str(out), invariant=1).build(
        [paragraph("<b>王小明</b> Plain Zoë", styles.body, fonts)],
        canvasmaker=footer_canvas(fonts, "", 50))
    content = PdfReader(str(out)).pages[0].get_contents()
    assert content is not None
    data = content.get_data()
    assert b" 2 Tr " in data and b" 0 Tr " in data  # filled and stroked: faux bold
    assert b"ActualText" not in data  # nothing shaped, nothing spanned


def _letter() -> SponsorLetter:
    return SponsorLetter(
        "l1", "a1", date(2026, 1, 5), subject="Proposal " + NAMES[3],
        addressee_name=NAMES[4], addressee_title=CORPUS["hebrew"][1],
        addressee_company=CORPUS["korean"][1], sender_name=NAMES[0],
        pains=tuple(PainStatement(title, name) for name, title in CORPUS.values()),
        current_method=" ".join(NAMES), solution="Plan", value="Value",
        milestones=tuple(Milestone(title, name, date(2026, 2, 1), "ok")
                         for name, title in CORPUS.values()))


def _summaries() -> list[BlueprintSummary]:
    return [BlueprintSummary(
        Blueprint(id=str(index), account_id="a", stakeholder_id=str(index),
                  cells=(CellRef("t1", str(index)),), goal=Grade.OPEN, tactics=title),
        name, (NAMES[(index + 1) % len(NAMES)],), Grade.SATISFIED, NAMES[index], False, None)
        for index, (name, title) in enumerate(CORPUS.values())]


@needs_poppler
@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.LETTER])
def test_the_corpus_reads_back_in_reading_order_from_every_document(
        tmp_path: Path, paper: PaperSize) -> None:
    account = international_account(len(NAMES), 4)
    outputs = {
        "letter": tmp_path / "letter.pdf", "map": tmp_path / "map.pdf",
        "blueprints": tmp_path / "blueprints.pdf", "power": tmp_path / "power.pdf"}
    write_sponsor_letter_pdf(outputs["letter"], SponsorLetterDocument(
        _letter(), company_name=NAMES[5], paper=paper))
    write_contact_map_pdf(outputs["map"], ContactMapDocument(account, [], date(2026, 1, 5),
                                                             paper))
    write_blueprints_pdf(outputs["blueprints"], BlueprintsDocument(
        "Intl", _summaries(), date(2026, 1, 5), paper))
    write_power_map_pdf(outputs["power"], PowerMapDocument.from_map(account))
    for document, path in outputs.items():
        # Narrow columns wrap names: compared without the spaces, letters keep their order.
        # pdftotext joins a name hyphenated at a line end: hyphens are left out of both.
        text = "".join(unicodedata.normalize("NFC", _extracted(path)).replace("-", "").split())
        for name in NAMES:
            assert "".join(name.replace("-", "").split()) in text, (document, name)


@needs_poppler
def test_an_emoji_the_emoji_face_lacks_prints_as_its_name_not_a_box(tmp_path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from contactmap_desktop.reports.page_footer import footer_canvas

    fonts = report_fonts()
    [(script, piece)] = script_runs("🙂🫠")  # U+1FAE0 is newer than Symbola
    assert fonts.pieces(script, piece, fonts.regular) == [
        ("🙂", "ContactMapEmoji"), ("[melting face]", fonts.regular)]
    out = tmp_path / "emoji.pdf"
    SimpleDocTemplate(str(out), invariant=1).build(
        [paragraph("Ana 🙂🫠 👍🏽", letter_styles(fonts).body, fonts)],
        canvasmaker=footer_canvas(fonts, "", 50))
    assert "Ana 🙂[melting face] 👍🏽" in pdf_text(out)
