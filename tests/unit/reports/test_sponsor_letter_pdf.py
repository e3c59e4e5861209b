"""The printed sponsor letter: user text literal and in Unicode, numbered pages, safe writes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports import output
from contactmap_desktop.reports.output import ExportError
from contactmap_desktop.reports.sponsor_letter_pdf import (
    UNDATED,
    SponsorLetterDocument,
    write_sponsor_letter_pdf,
)
from tests.helpers.pdf_checks import (
    ink_share,
    needs_poppler,
    page_count,
    pdf_fonts,
    pdf_text,
    rendered_page,
)

HOSTILE = ['R&D <Team> "quoted"', "<b>not bold</b>", "Zoë Müller", "李伟", "José Núñez"]
LONG_RECAP = "\n\n".join(
    f"Paragraph {n}: the planners copy last week's routes, then correct them by phone as the "
    "orders change, which costs each depot most of a day and still leaves trucks half empty."
    for n in range(1, 61))


def _letter(**changes: object) -> SponsorLetter:
    fields: dict[str, object] = dict(
        subject=HOSTILE[0], addressee_name=HOSTILE[2], addressee_title=HOSTILE[1],
        addressee_company="Northwind & Sons", sender_name=HOSTILE[4], sender_title="AE",
        signature=HOSTILE[3], pains=(PainStatement("Planning takes <days>", HOSTILE[3]),),
        current_method=LONG_RECAP, results="Late", impact="Renewal at risk",
        solution="Overnight planning", value="£1.2m a year",
        milestones=(Milestone("Review", HOSTILE[2], date(2026, 2, 1), "Signed off"),
                    Milestone("PO", HOSTILE[3], None, "PO issued")))
    fields.update(changes)
    return SponsorLetter("l1", "a1", date(2026, 1, 5), **fields)  # type: ignore[arg-type]


def _write(path: Path, letter: SponsorLetter, paper: PaperSize = PaperSize.A4) -> Path:
    write_sponsor_letter_pdf(path, SponsorLetterDocument(letter, LetterTemplate(), "Meridian",
                                                         None, paper))
    return path


@needs_poppler
def test_user_text_comes_out_exactly_and_pages_are_numbered(tmp_path: Path) -> None:
    out = _write(tmp_path / "letter.pdf", _letter())
    text = pdf_text(out)
    for expected in [*HOSTILE, "Northwind & Sons", "Planning takes <days>", "5 January 2026",
                     "Dear Zoë,", "Paragraph 1:", "Paragraph 60:", "1 Feb 2026", "£1.2m a year",
                     "Yours sincerely,", "Next steps"]:
        assert expected in text, expected
    assert UNDATED in " ".join(text.split())
    pages = page_count(out)
    assert pages >= 3
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert f"Page {pages + 1} of" not in text


@needs_poppler
def test_a_short_letter_is_one_page_and_renders_with_ink(tmp_path: Path) -> None:
    out = _write(tmp_path / "letter.pdf", _letter(current_method="By hand", milestones=()),
                 PaperSize.LETTER)
    assert page_count(out) == 1
    assert "Page 1 of 1" in pdf_text(out)
    share = ink_share(rendered_page(out, 1, tmp_path))
    assert 0.005 < share < 0.5


def test_a_failed_export_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"the letter printed last week")
    with pytest.raises(ExportError, match="folder does not exist"):
        _write(tmp_path / "missing" / "letter.pdf", _letter())
    with pytest.raises(ExportError, match="it is a folder"):
        _write(tmp_path, _letter())

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    original = output.os.replace
    output.os.replace = refuse  # type: ignore[assignment]
    try:
        with pytest.raises(ExportError, match="permission was denied"):
            _write(target, _letter())
    finally:
        output.os.replace = original
    assert target.read_bytes() == b"the letter printed last week"
    assert os.listdir(tmp_path) == ["letter.pdf"]


@needs_poppler
def test_cjk_and_cyrillic_names_are_both_kept_in_the_text(tmp_path: Path) -> None:
    letter = _letter(addressee_name="Светлана Иванова", current_method="By hand",
                     pains=(PainStatement("Half the trucks run empty", "李伟, Planning"),),
                     milestones=(Milestone("Review", "Светлана Иванова", None, "李伟 agrees"),))
    text = pdf_text(_write(tmp_path / "letter.pdf", letter))
    for expected in ["Светлана Иванова", "Dear Светлана,", "李伟, Planning", "李伟 agrees"]:
        assert expected in text, expected


WESTERN = "Zoë Müller — “€1.2m a year”, ‘on time’… Œuvre, naïve"
STANDARD_FACES = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"}


def _western_letter(**changes: object) -> SponsorLetter:
    fields: dict[str, object] = dict(
        signature="Mobile +44 20 7946 0000", pains=(PainStatement(WESTERN, "Zoë Müller"),),
        milestones=(Milestone("Review", "José Núñez", date(2026, 2, 1), "Signed off"),))
    fields.update(changes)
    return _letter(**fields)


@needs_poppler
def test_a_western_european_letter_embeds_no_font_and_keeps_every_character(
        tmp_path: Path) -> None:
    out = _write(tmp_path / "letter.pdf", _western_letter())
    assert set(pdf_fonts(out)) <= STANDARD_FACES
    assert not any(pdf_fonts(out).values())
    text = pdf_text(out)
    for expected in [WESTERN, "Dear Zoë,", "José Núñez", "Page 1 of"]:
        assert expected in text, expected


@needs_poppler
def test_a_cyrillic_and_greek_letter_embeds_only_the_faces_those_runs_need(
        tmp_path: Path) -> None:
    # The name prints bold in the address and regular after "Dear"; the Greek quote italic.
    letter = _western_letter(addressee_name="Светлана Иванова",
                             pains=(PainStatement("Η ομάδα «σχεδιάζει» με το χέρι", "Ελένη"),))
    out = _write(tmp_path / "letter.pdf", letter)
    fonts = pdf_fonts(out)
    embedded = {name for name, is_embedded in fonts.items() if is_embedded}
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert set(fonts) - embedded <= STANDARD_FACES  # no Symbol or ZapfDingbats stand-ins
    text = pdf_text(out)
    for expected in ["Светлана Иванова", "Dear Светлана,", "Η ομάδα «σχεδιάζει» με το χέρι",
                     "— Ελένη", "José Núñez"]:
        assert expected in text, expected
    assert 0.005 < ink_share(rendered_page(out, 1, tmp_path)) < 0.5


@needs_poppler
def test_cjk_text_alone_embeds_only_the_cjk_face(tmp_path: Path) -> None:
    out = _write(tmp_path / "letter.pdf",
                 _western_letter(pains=(PainStatement("Half the trucks run empty", "李伟"),)))
    embedded = {name for name, is_embedded in pdf_fonts(out).items() if is_embedded}
    assert embedded == {"DroidSansFallback"}
    assert "— 李伟" in pdf_text(out)


def test_the_company_name_in_the_footer_prints_in_any_alphabet(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    write_sponsor_letter_pdf(out, SponsorLetterDocument(_western_letter(), LetterTemplate(),
                                                        "Меридиан 東京"))
    assert "Меридиан 東京" in pdf_text(out)


def _logo_file(tmp_path: Path, width: int, height: int) -> Path:
    from PIL import Image

    path = tmp_path / f"logo-{width}x{height}.png"
    Image.new("RGB", (width, height), (27, 79, 143)).save(path)
    return path


@needs_poppler
@pytest.mark.parametrize("shape", [(1200, 100), (1000, 100), (100, 300)])
def test_any_logo_shape_fits_beside_the_company_name_on_one_line(
        tmp_path: Path, shape: tuple[int, int]) -> None:
    out = tmp_path / "letter.pdf"
    write_sponsor_letter_pdf(out, SponsorLetterDocument(
        _letter(), LetterTemplate(), "Meridian Logistics Group", _logo_file(tmp_path, *shape)))
    assert "Meridian Logistics Group" in pdf_text(out).splitlines()[0]


@needs_poppler
def test_without_a_company_the_letterhead_names_the_sender_and_the_signature_the_company(
        tmp_path: Path) -> None:
    plain = write_sponsor_letter_pdf(tmp_path / "plain.pdf", SponsorLetterDocument(
        _letter(sender_name="Ann Lee", signature="")))
    assert pdf_text(tmp_path / "plain.pdf").splitlines()[0] == "Ann Lee"
    assert plain is None
    write_sponsor_letter_pdf(tmp_path / "ours.pdf", SponsorLetterDocument(
        _letter(sender_name="Ann Lee", sender_title="AE", signature=""), LetterTemplate(),
        "Meridian"))
    lines = [line for line in pdf_text(tmp_path / "ours.pdf").splitlines() if line.strip()]
    signed = lines.index("Ann Lee")
    assert lines[signed + 1:signed + 3] == ["AE", "Meridian"]


@needs_poppler
def test_firm_dates_are_promised_only_when_every_step_has_one(tmp_path: Path) -> None:
    template = LetterTemplate()
    _write(tmp_path / "open.pdf", _letter())  # the PO step has no date
    open_text = " ".join(pdf_text(tmp_path / "open.pdf").split())
    assert "a firm date" not in open_text and "still to be agreed" in open_text
    dated = tuple(Milestone("Step", "Ann", date(2026, 2, 1), "ok") for _ in range(3))
    _write(tmp_path / "dated.pdf", _letter(milestones=dated))
    assert " ".join(template.next_steps_intro.split()) in " ".join(
        pdf_text(tmp_path / "dated.pdf").split())


@needs_poppler
def test_step_numbers_stay_on_one_line_and_the_steps_split_under_a_repeated_header(
        tmp_path: Path) -> None:
    steps = tuple(Milestone(f"Step {n} of the plan", "Ann Lee", date(2026, 2, n), "Agreed")
                  for n in range(1, 15))
    out = _write(tmp_path / "steps.pdf", _letter(milestones=steps))
    pages = [" ".join(page.split()) for page in pdf_text(out).split("\f") if page.strip()]
    lines = pdf_text(out, layout=True).splitlines()
    for number in (10, 11, 14):
        assert any(line.split()[:1] == [str(number)] for line in lines), number
    where = [index for index, page in enumerate(pages) if "Next steps" in page]
    start = where[0]
    # The heading starts its table on its page; a page's worth of steps is never pushed
    # whole onto the next page, and a continued table repeats its header.
    assert "Step 1 of the plan" in pages[start]
    if "Step 14 of the plan" not in pages[start]:
        assert "Go / no-go" in pages[start + 1]


@needs_poppler
def test_a_letter_writes_its_dates_in_its_own_language(tmp_path: Path) -> None:
    german = LetterTemplate(
        date_pattern="d. MMMM yyyy",
        month_names="Januar Februar März April Mai Juni Juli August September Oktober "
                    "November Dezember")
    out = tmp_path / "brief.pdf"
    write_sponsor_letter_pdf(out, SponsorLetterDocument(_letter(), german, "Meridian", None,
                                                        PaperSize.A4))
    text = pdf_text(out)
    assert "5. Januar 2026" in text  # the letter's date
    assert "1. Feb 2026" in text  # a step's date, months shortened
    english = pdf_text(_write(tmp_path / "letter.pdf", _letter()))
    assert "5 January 2026" in english and "1 Feb 2026" in english


@needs_poppler
def test_the_salutation_greets_as_written_and_the_first_word_without_one(
        tmp_path: Path) -> None:
    _write(tmp_path / "sato.pdf", _letter(addressee_name="佐藤 健", salutation="佐藤様"))
    assert "Dear 佐藤様," in pdf_text(tmp_path / "sato.pdf")
    _write(tmp_path / "plain.pdf", _letter(addressee_name="Priya Raman"))
    assert "Dear Priya," in pdf_text(tmp_path / "plain.pdf")


@needs_poppler
def test_the_sponsors_agreement_is_printed_as_an_acknowledgement(tmp_path: Path) -> None:
    """Article 002: "without firm milestones set, and dates for achievement agreed to you are
    like a boat adrift" — the letter shows who agreed the dates and when, or lines to sign."""
    unsigned = " ".join(pdf_text(_write(tmp_path / "a.pdf", _letter())).split())
    assert "Agreed: the steps and dates above. Name:" in unsigned
    agreed = _letter(agreed_by="李伟 <Ops>", agreed_on=date(2026, 3, 9),
                     milestones=(Milestone("Pilot review", "Priya", date(2026, 3, 20), "Go",
                                           done_on=date(2026, 3, 18)),))
    text = " ".join(pdf_text(_write(tmp_path / "b.pdf", agreed)).split())
    assert "were agreed by 李伟 <Ops> on 9 March 2026." in text
    assert "done 18 Mar 2026" in text or "done 18 March 2026" in text
