"""The power-map PDF: every name printed, whole teams per sheet at 7 points or more, in vector."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.reports import power_map_pdf
from contactmap_desktop.reports.fonts import report_fonts
from contactmap_desktop.reports.output import ExportError
from contactmap_desktop.reports.power_map_pdf import (
    PowerMapDocument,
    chart_area,
    page_content,
    write_power_map_pdf,
)
from contactmap_desktop.reports.power_map_plan import SMALLEST_TEXT
from tests.helpers.org_charts import synthetic_org

NAMES = ["Helena Vogt", "Zoë Müller", "Tomás Herrera", "<b>Ann & Co</b>", "李伟 Li"]


def _small_map() -> ContactMap:
    people = [
        Stakeholder("0", "a", NAMES[0], title="COO", roles=frozenset({BuyingRole.POWER})),
        Stakeholder("1", "a", NAMES[1], reports_to_id="0", position=1),
        Stakeholder("2", "a", NAMES[2], reports_to_id="0", position=2),
        Stakeholder("3", "a", NAMES[3], reports_to_id="2", position=3),
        Stakeholder("4", "a", NAMES[4], position=4),
    ]
    contact_map = ContactMap(Account("a", "Northwind & <Sons>"), people, [TeamMember("t", "Rep")])
    contact_map.put(Relationship(CellRef("t", "1"), Grade.TRUST, is_key=True))
    contact_map.put(Relationship(CellRef("t", "3"), Grade.DISSATISFIED))
    return contact_map


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_small_chart_is_one_landscape_page_with_every_name_and_the_legend(
    tmp_path: Path,
) -> None:
    target = tmp_path / "power.pdf"
    assert write_power_map_pdf(target, PowerMapDocument.from_map(_small_map())) == 1
    page = PdfReader(target).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = _text(target)
    for name in NAMES[:-1]:
        assert name in text  # markup characters print as typed
    assert "Power map — Northwind & <Sons>" in text
    for grade in Grade:
        assert grade.label in text
    assert "chain of command" not in text  # only shown when a chain is highlighted


def test_uncovered_people_above_a_key_person_are_marked(tmp_path: Path) -> None:
    # Zoë holds a key relationship and nobody on our team knows Helena, her manager.
    document = PowerMapDocument.from_map(_small_map(), chain_from="3")
    assert document.uncovered == {"0"}
    assert document.chain == {"3", "2", "0"}
    write_power_map_pdf(tmp_path / "chain.pdf", document)
    assert "chain of command to the top" in _text(tmp_path / "chain.pdf")


@pytest.mark.parametrize("people", [66, 200])
def test_a_large_chart_is_cut_into_whole_teams_printed_at_seven_points_or_more(
        people: int) -> None:
    document = PowerMapDocument.from_map(synthetic_org(people))
    content = page_content()
    area = chart_area(content)
    sheets = document.sheets(content)
    assert len(sheets) > 1
    shown: set[str] = set()
    for number, sheet in enumerate(sheets, start=1):
        assert sheet.scale * SMALLEST_TEXT >= 7.0  # never below 7 pt on paper
        # The whole sheet's chart fits the chart area: no card is cut by the sheet's edge.
        assert sheet.layout.width * sheet.scale <= area.width + 0.01
        assert sheet.layout.height * sheet.scale <= area.height + 0.01
        shown |= set(sheet.layout.boxes)
        for person, later in sheet.continues.items():
            assert later > number  # a team continues further on, on a sheet that heads
            assert person in sheets[later - 1].layout.boxes  # with that person again
            assert number in sheets[later - 1].continued_from
    assert shown == set(document.layout.boxes)  # everyone is on a sheet


def test_every_name_of_a_large_chart_is_printed_with_its_continuation_pages(
        tmp_path: Path) -> None:
    contact_map = synthetic_org(90, seed=3)
    document = PowerMapDocument.from_map(contact_map)
    pages = write_power_map_pdf(tmp_path / "big.pdf", document)
    assert pages == len(document.sheets(page_content())) > 1
    text = _text(tmp_path / "big.pdf")
    missing = [s.name for s in contact_map.stakeholders if s.name not in text]
    assert missing == []
    assert re.search(r"Team continues on page \d+", text)
    assert re.search(r"Continued from pages? \d+", text)


def test_a_failed_export_leaves_neither_the_file_nor_a_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(power_map_pdf, "draw_power_map_pages", broken)
    with pytest.raises(OSError):
        write_power_map_pdf(tmp_path / "power.pdf", PowerMapDocument.from_map(_small_map()))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_the_page_renders_with_the_grade_colors(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    write_power_map_pdf(tmp_path / "power.pdf", PowerMapDocument.from_map(_small_map()))
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", str(tmp_path / "power.pdf"),
                    str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    colors = {color for _count, color in image.getcolors(maxcolors=1 << 20) or []}
    assert (0x1B, 0x4F, 0x8F) in colors  # the Trust chip


def test_a_folder_that_does_not_exist_is_a_clear_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="the folder does not exist"):
        write_power_map_pdf(tmp_path / "gone" / "power.pdf",
                            PowerMapDocument.from_map(_small_map()))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_han_characters_are_set_in_the_cjk_face(tmp_path: Path) -> None:
    if not report_fonts().has_cjk:
        pytest.skip("no CJK font installed")
    write_power_map_pdf(tmp_path / "power.pdf", PowerMapDocument.from_map(_small_map()))
    text = subprocess.run(["pdftotext", str(tmp_path / "power.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "李伟 Li" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "power.pdf")], check=True,
                           capture_output=True, text=True).stdout
    assert "ContactMapCJK" in fonts or "DroidSans" in fonts
