"""CSV export: formula-safe cells, and ordinary text that reads back unchanged."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from contactmap_desktop.domain.csv_safety import neutralise
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.csv_export import FIXED_COLUMNS, contact_map_rows, write_csv
from contactmap_desktop.services.csv_import import CsvImportService, ImportOptions
from tests.helpers.builders import build_small_map


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"), ("+33 1 23", "'+33 1 23"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
])
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_export_round_trips_ordinary_text_and_neutralises_formulas(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = small.opened.contact_maps
    ada = replace(small.stakeholders[0], title='Chief "Everything", Officer',
                  notes="Line one\nLine two — Zoë, 李", email="=HYPERLINK(\"http://x\")")
    service.update_stakeholder(ada)
    service.set_grade(small.cell(0, 0), Grade.TRUST)
    service.set_grade(small.cell(1, 2), Grade.DISSATISFIED)
    out = tmp_path / "map.csv"
    write_csv(contact_map_rows(service.load_map(small.account.id)), out)

    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(FIXED_COLUMNS) + ["Grade: Rep One", "Grade: Eng Two"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Title"] == 'Chief "Everything", Officer'
    assert first["Notes"] == "Line one\nLine two — Zoë, 李"
    assert first["Email"] == "'=HYPERLINK(\"http://x\")"
    assert first["Buying roles"] == "P"
    assert first["Grade: Rep One"] == "T" and first["Grade: Eng Two"] == ""
    assert rows[3][-1] == "D"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    small.opened.close()


def test_an_export_imports_back_as_updates_without_duplicates(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    out = tmp_path / "map.csv"
    write_csv(contact_map_rows(small.opened.contact_maps.load_map(small.account.id)), out)
    importer = CsvImportService(small.opened.workspace)
    source = importer.read(out.read_bytes())
    plan = importer.preview(source, small.account.id, ImportOptions(source.fields))
    assert (plan.added, plan.updated, plan.skipped) == (0, 0, 3)
    small.opened.close()
