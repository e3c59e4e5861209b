"""The printed Contact Map: names escaped and in Unicode, wide maps split, legend and findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.reports.contact_map_pdf import (
    KEPT_ROWS,
    ContactMapDocument,
    MapFinding,
    column_plan,
    write_contact_map_pdf,
)
from contactmap_desktop.reports.hyphenation import hyphenate
from tests.helpers.pdf_checks import ink_share, needs_poppler, page_count, pdf_text, rendered_page


def _map(stakeholder_count: int) -> ContactMap:
    names = ["Zoë Müller", "李伟", "R&D <Team>", "<b>not bold</b>"]
    people = [Stakeholder(f"s{i}", "a", names[i] if i < len(names) else f"Person {i:02d}",
                          roles=frozenset({BuyingRole.POWER, BuyingRole.EVANGELIST}) if i == 0
                          else frozenset())
              for i in range(stakeholder_count)]
    team = [TeamMember("t1", "José Núñez", "Account Executive"), TeamMember("t2", "Ann Lee")]
    contact_map = ContactMap(Account("a", "Northwind & <Sons>"), people, team)
    contact_map.put(Relationship(CellRef("t1", "s0"), Grade.TRUST, is_key=True))
    contact_map.put(Relationship(CellRef("t2", "s1"), None, needs_filling=True))
    contact_map.put(Relationship(CellRef("t2", "s2"), Grade.MOTIVATED))
    return contact_map


def _write(tmp_path: Path, contact_map: ContactMap, findings: list[MapFinding]) -> Path:
    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(contact_map, findings, date(2026, 3, 5),
                                                  PaperSize.LETTER))
    return out


@needs_poppler
def test_names_legend_findings_and_date_are_printed_literally(tmp_path: Path) -> None:
    findings = [MapFinding("Concern", "R&D <Team> is Motivated to change with Ann Lee.")]
    out = _write(tmp_path, _map(4), findings)
    text = " ".join(pdf_text(out).split())  # names wrap inside the narrow columns
    for expected in ["Northwind & <Sons>", "Zoë Müller", "李伟", "R&D <Team>", "<b>not bold</b>",
                     "José Núñez", "5 March 2026", "key relationship", "Motivated to", "Trust",
                     "Coverage findings", "R&D <Team> is Motivated to change with Ann Lee.",
                     "Mgr · PE", "Page 1 of 1"]:
        assert expected in text, expected
    assert page_count(out) == 1


@needs_poppler
def test_a_wide_map_repeats_the_team_column_on_every_part(tmp_path: Path) -> None:
    out = _write(tmp_path, _map(30), [])
    count = page_count(out)
    text = pdf_text(out)
    groups = text.count("Stakeholders ")
    assert groups >= 3 and "Stakeholders 1–" in text and "of 30" in text
    assert text.count("José Núñez") == groups  # the team column repeated on each column group
    assert all(f"Person {i:02d}" in text for i in range(4, 30))
    assert f"Page {count} of {count}" in text
    assert "No findings" in text


@needs_poppler
def test_the_page_renders_with_ink(tmp_path: Path) -> None:
    out = _write(tmp_path, _map(6), [])
    assert 0.01 < ink_share(rendered_page(out, 1, tmp_path)) < 0.6


@needs_poppler
def test_findings_left_out_of_a_long_list_are_counted_under_it(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(
        _map(4), [MapFinding("Concern", "Ann Lee is Motivated to change.")], date(2026, 3, 5),
        findings_not_listed=[("relationships below Satisfied", 6512),
                             ("stakeholders <nobody> knows", 3)]))

    text = " ".join(pdf_text(out).split())

    assert "6,512 more relationships below Satisfied; 3 more stakeholders <nobody> knows" in text
    assert "lists every one" in text


@needs_poppler
def test_the_footer_names_the_account_and_marks_executives_replacing_us(
        tmp_path: Path) -> None:
    from dataclasses import replace

    from contactmap_desktop.domain.people import Seniority

    calm = _write(tmp_path, _map(4), [])
    footer = [line for line in pdf_text(calm).splitlines() if "Page 1 of" in line or
              "Contact Map" in line]
    assert any(line.startswith("Northwind & <Sons> · Contact Map") for line in footer)
    assert "CONFIDENTIAL" not in pdf_text(calm)
    tense = _map(4)
    tense.stakeholders[2] = replace(tense.stakeholders[2], seniority=Seniority.EXECUTIVE)
    tense = ContactMap(tense.account, tense.stakeholders, tense.team_members,
                       dict(tense.relationships))  # s2 is graded Motivated to change
    out = tmp_path / "tense.pdf"
    write_contact_map_pdf(out, ContactMapDocument(tense, [], date(2026, 3, 5)))
    pages = [page for page in pdf_text(out).split("\f") if page.strip()]
    assert all("CONFIDENTIAL · Northwind & <Sons> · Contact Map" in page for page in pages)


@needs_poppler
def test_the_key_mark_shows_in_grayscale_on_a_light_grade(tmp_path: Path) -> None:
    import subprocess

    from reportlab.pdfgen.canvas import Canvas

    from contactmap_desktop.reports.contact_map_pdf import CELL_HEIGHT, CELL_WIDTH, GradeCell
    from contactmap_desktop.reports.fonts import report_fonts

    out = tmp_path / "cell.pdf"
    canvas = Canvas(str(out), pagesize=(CELL_WIDTH, CELL_HEIGHT))
    GradeCell(Grade.SATISFIED, True, False, report_fonts()).drawOn(canvas, 0, 0)
    canvas.save()
    subprocess.run(["pdftoppm", "-gray", "-r", "288", "-singlefile", str(out),
                    str(tmp_path / "cell")], check=True)
    data = (tmp_path / "cell.pgm").read_bytes()
    header, pixels = data.split(b"\n255\n", 1)
    width, height = (int(value) for value in header.split()[1:3])
    scale = 288 / 72

    def grey(x: float, y: float) -> int:  # points from the cell's bottom-left corner
        return pixels[int((CELL_HEIGHT - y) * scale) * width + int(x * scale)]

    cell_right, cell_top = CELL_WIDTH - 6, CELL_HEIGHT - 6
    assert grey(cell_right / 2, cell_top / 2 - 4) > 150  # the light grade around the letter
    assert grey(cell_right - 3, cell_top - 3) < 90  # the dark dot in the gold corner


@pytest.mark.parametrize(("word", "breaks"), [
    ("Wojciechowska", ["Wojciecho|wska", "Wojcie|chowska"]),
    ("Lee", []), ("Jean-Luc", ["Jean-|Luc"]), ("王小明王小明", []),
    ("Nowak-Kowalska", ["Nowak-Kowa|lska", "Nowak-|Kowalska"]),
    ("Παπαδοπούλου", ["Παπαδοπού|λου", "Παπαδο|πούλου", "Παπα|δοπούλου"]),
    ("Світлана", ["Сві|тлана"]), ("สมชายใจดี", []), ("김민준김민준", []), ("محمدبنسلمان", []),
])
def test_names_break_between_syllables_with_three_letters_each_side(
        word: str, breaks: list[str]) -> None:
    assert [f"{head}|{tail}" for head, tail in hyphenate(word)] == breaks


@needs_poppler
def test_a_long_name_in_a_stakeholder_column_breaks_with_a_hyphen(tmp_path: Path) -> None:
    contact_map = _map(2)
    contact_map.stakeholders[1] = Stakeholder("s1", "a", "Agnieszka Wojciechowska-Szymańska")
    contact_map = ContactMap(contact_map.account, contact_map.stakeholders,
                             contact_map.team_members)
    out = _write(tmp_path, contact_map, [])
    lines = [line.strip() for line in pdf_text(out, layout=True).splitlines()]
    pieces = [word for line in lines for word in line.split()]
    assert any(piece.endswith("-") and piece[:-1].isalpha() for piece in pieces)
    # Every line break inside the surname falls after a hyphen, none in mid-syllable.
    assert not any(piece in ("Wojciechows", "ka", "Szymańsk") for piece in pieces)


@needs_poppler
def test_a_greek_name_breaks_with_a_hyphen_and_a_thai_one_without(tmp_path: Path) -> None:
    contact_map = _map(2)
    contact_map.stakeholders[0] = Stakeholder("s0", "a", "Ελένη Παπαδοπούλου")
    contact_map.stakeholders[1] = Stakeholder("s1", "a", "สมชายใจดีสมชายใจดีสมชาย")
    contact_map = ContactMap(contact_map.account, contact_map.stakeholders,
                             contact_map.team_members)
    out = _write(tmp_path, contact_map, [])
    pieces = [word for line in pdf_text(out, layout=True).splitlines() for word in line.split()]
    assert "Παπαδο-" in pieces and "πούλου" in pieces
    assert not any(piece.endswith("-") and "ส" in piece for piece in pieces)


@needs_poppler
@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.LETTER])
def test_ten_stakeholders_share_one_page_with_the_legend_on_every_page(
        tmp_path: Path, paper: PaperSize) -> None:
    assert column_plan(10, 792 - 72 - 12 - 130) == (10, pytest.approx(57.8))  # US Letter
    assert column_plan(66, 842 - 72 - 12 - 130)[0] == 11  # A4: six even groups, not 11 + 1
    findings = [MapFinding("Warning", f"Finding {n} about the map.") for n in range(60)]
    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(_map(10), findings, date(2026, 3, 5), paper))
    pages = [page for page in pdf_text(out).split("\f") if page.strip()]
    assert len(pages) >= 2
    assert "Stakeholders 1–" not in pages[0] and "Person 09" in pages[0]
    for page in pages:  # the legend strip at the foot of each page
        assert "Motivated to change" in page and "key relationship" in page
        assert "blank, to be filled" in page


@needs_poppler
def test_a_column_group_starts_a_page_only_with_a_few_team_members(tmp_path: Path) -> None:
    people = [Stakeholder(f"s{i}", "a", f"Person {i:02d}") for i in range(40)]
    team = [TeamMember(f"t{i}", f"Member {i:02d}", "AE") for i in range(14)]
    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(
        ContactMap(Account("a", "Big"), people, team), [], date(2026, 3, 5), PaperSize.A4))
    for page in pdf_text(out).split("\f"):
        if "Our team" in page:  # a group's header (first or repeated) on this page
            after = page.split("Our team", 1)[1]
            assert sum(f"Member {i:02d}" in after for i in range(14)) >= KEPT_ROWS


def test_leverage_links_are_drawn_between_cells_of_the_same_part(
        tmp_path: Path, monkeypatch: object) -> None:
    """Article 004: "You might want to visually link those on the map." — an arrow from each
    leverage source to its target, green while the source is Trust or Open, dashed when not."""
    from contactmap_desktop.reports import contact_map_pdf

    drawn: list[tuple[tuple[float, float], tuple[float, float], bool]] = []
    monkeypatch.setattr(contact_map_pdf, "draw_leverage_arrow",  # type: ignore[attr-defined]
                        lambda _canvas, start, end, usable: drawn.append((start, end, usable)))
    contact_map = _map(4)
    contact_map.put(Relationship(CellRef("t1", "s1"), Grade.OPEN,
                                 leverage_for=(CellRef("t2", "s2"),)))
    contact_map.put(Relationship(CellRef("t2", "s3"), Grade.SATISFIED,  # cooled since
                                 leverage_for=(CellRef("t2", "s2"),)))
    _write(tmp_path, contact_map, [])
    assert [usable for _start, _end, usable in drawn] == [True, False]
    (start, end, _usable) = drawn[0]
    assert start[0] < end[0] and start[1] > end[1]  # from row 1 column 2 down and right


@needs_poppler
@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.LETTER])
def test_a_column_group_never_carries_one_or_two_team_members_to_a_page(
        tmp_path: Path, paper: PaperSize) -> None:
    from tests.helpers.international import TEAM_NAMES, international_account

    out = tmp_path / "map.pdf"
    write_contact_map_pdf(out, ContactMapDocument(international_account(), [],
                                                  date(2026, 3, 5), paper))
    for page in pdf_text(out).split("\f"):
        for part in page.split("Our team")[1:]:  # each group's header on the page
            shown = sum(name in part.split("Stakeholders ")[0] for name in TEAM_NAMES)
            assert shown >= KEPT_ROWS


def test_a_saved_map_lets_go_of_its_pages_and_its_pdf_objects(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Kept, the pages (each holding the list of them) and the PDF's objects would be a
    # cycle of 20,000 objects after a large map, left for a full collection on the window's
    # thread; let go, reference counting frees them as the build ends.
    from contactmap_desktop.reports.page_footer import FooterCanvas

    saved: list[FooterCanvas] = []
    save = FooterCanvas.save

    def saving(canvas: FooterCanvas) -> None:
        saved.append(canvas)
        save(canvas)

    monkeypatch.setattr(FooterCanvas, "save", saving)
    out = _write(tmp_path, _map(40), [])
    assert page_count(out) > 1
    [canvas] = saved
    assert canvas._pages == [] and canvas._doc is None


def test_a_written_map_leaves_no_text_object_in_a_cycle(tmp_path: Path) -> None:
    # Each paragraph's text object pointed at itself and at the PDF document: thousands of
    # cycles after a large map, some old enough for a full collection on the window's thread.
    import gc

    from contactmap_desktop.reports.script_canvas import ScriptTextObject

    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        _write(tmp_path, _map(40), [MapFinding("Concern", "<b>Ann</b> & Zoë: one level")])
        gc.collect()
        assert not [item for item in gc.garbage if isinstance(item, ScriptTextObject)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
