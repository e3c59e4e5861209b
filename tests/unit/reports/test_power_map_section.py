"""The power map as the second section of the printed Contact Map."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reportlab.platypus import PageBreak

from contactmap_desktop.domain.org_chart_layout import Box
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.contact_map_pdf import ContactMapDocument, write_contact_map_pdf
from contactmap_desktop.reports.power_map_pdf import PowerMapDocument
from contactmap_desktop.reports.power_map_section import power_map_flowables
from tests.helpers.org_charts import synthetic_org
from tests.helpers.pdf_checks import needs_poppler, page_count, pdf_text


def _write(tmp_path: Path, people: int, with_power_map: bool) -> Path:
    contact_map = synthetic_org(people, seed=5)
    power_map = PowerMapDocument.from_map(contact_map) if with_power_map else None
    out = tmp_path / f"map-{people}-{with_power_map}.pdf"
    write_contact_map_pdf(out, ContactMapDocument(contact_map, [], date(2026, 3, 5),
                                                  PaperSize.LETTER, power_map))
    return out


@needs_poppler
def test_the_org_chart_follows_the_grid_on_pages_of_its_own(tmp_path: Path) -> None:
    without = page_count(_write(tmp_path, 12, with_power_map=False))
    out = _write(tmp_path, 12, with_power_map=True)
    text = pdf_text(out)
    sheets = text.count("Power map — Synthetic Co (12)")
    assert page_count(out) == without + sheets and f"Sheet 1 of {sheets}" in text
    org_chart = text.split("Power map — ", 1)[1]
    for person in synthetic_org(12, seed=5).stakeholders:
        assert person.name in org_chart
    total = without + sheets
    assert f"Page {total} of {total}" in text  # the host's footer counts them


@needs_poppler
def test_a_large_chart_takes_one_page_per_sheet(tmp_path: Path) -> None:
    without = page_count(_write(tmp_path, 150, with_power_map=False))
    out = _write(tmp_path, 150, with_power_map=True)
    text = pdf_text(out)
    sheets = text.count("Power map — ")
    assert sheets > 1 and page_count(out) == without + sheets
    # Continuation notes name the host document's pages, not the sheets' numbers.
    named = [int(page) for page in re.findall(r"Team continues on page (\d+)", text)]
    named += [int(page) for page in re.findall(r"Continued from pages? (\d+)", text)]
    assert named and all(without < page <= without + sheets for page in named)


def test_one_flowable_per_sheet_each_after_a_page_break() -> None:
    document = PowerMapDocument.from_map(synthetic_org(150, seed=5))
    flowables = power_map_flowables(document, 700, 500)
    breaks, sheets = flowables[0::2], flowables[1::2]
    assert all(isinstance(f, PageBreak) for f in breaks)
    assert len(sheets) == len(document.sheets(Box(0, 0, 699, 499))) > 1
    assert all(sheet.wrap(700, 500) == (699, 499) for sheet in sheets)
