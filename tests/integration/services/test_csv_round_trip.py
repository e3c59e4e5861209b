"""A map goes out to a spreadsheet and comes back: the app's own CSV export is recognised,
its grades and reporting lines are imported (team members created as needed), and the whole
import is one step that undo takes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.csv_text import CsvFileError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.csv_export import contact_map_rows, write_csv
from contactmap_desktop.services.csv_import import CsvImportService, ImportOptions
from contactmap_desktop.services.workspace_service import open_workspace


def _grades(contact_map: ContactMap) -> dict[tuple[str, str], Grade]:
    team = {m.id: m.name for m in contact_map.team_members}
    people = {s.id: s.name for s in contact_map.stakeholders}
    return {(team[r.cell.team_member_id], people[r.cell.stakeholder_id]): r.grade
            for r in contact_map.graded()
            if r.grade is not None and r.cell.team_member_id in team}


def _reporting(contact_map: ContactMap) -> dict[str, str]:
    people = {s.id: s.name for s in contact_map.stakeholders}
    return {s.name: people[s.reports_to_id] for s in contact_map.stakeholders
            if s.reports_to_id is not None}


def test_the_sample_map_round_trips_through_csv_into_an_empty_account(tmp_path: Path) -> None:
    sample = open_workspace(tmp_path / "sample.cmap", with_sample=True)
    [account] = sample.accounts.list_accounts()
    original = sample.contact_maps.load_map(account.id)
    out = tmp_path / "map.csv"
    write_csv(contact_map_rows(original), out)
    sample.close()
    assert _grades(original) and _reporting(original)  # the sample has both to carry

    target = open_workspace(tmp_path / "empty.cmap")
    empty = target.accounts.create_account("Northwind again", "Logistics").value
    service = CsvImportService(target.workspace)
    source = service.read(out.read_bytes())
    assert source.format_name == "ContactMap export"
    assert source.fields.count(ImportField.GRADE) == len(original.team_members)
    assert ImportField.REPORTS_TO in source.fields
    result = service.apply(source, empty.id, ImportOptions(source.fields))
    assert result.plan.added == len(original.stakeholders)
    assert result.links.unknown_managers == ()
    target.close()

    reopened = open_workspace(tmp_path / "empty.cmap")  # on disk, not just in memory
    imported = reopened.contact_maps.load_map(empty.id)
    assert [m.name for m in imported.team_members] == [m.name for m in original.team_members]
    assert _grades(imported) == _grades(original)
    assert _reporting(imported) == _reporting(original)
    reopened.close()


def test_the_import_with_its_grades_is_one_step_of_undo_and_redo(tmp_path: Path) -> None:
    source_text = ("Name,Reports to,Grade: Rep One,Grade: New Person\n"
                   "Ada Boss,,T,\nBo Staff,ada boss,S,O\nCy Staff,nobody@x.com,,M\n")
    opened = open_workspace(tmp_path / "w.cmap")
    account = opened.accounts.create_account("Acme", "Retail").value
    service = CsvImportService(opened.workspace)
    source = service.read(source_text.encode())
    assert source.fields == (ImportField.NAME, ImportField.REPORTS_TO, ImportField.GRADE,
                             ImportField.GRADE)
    plan = service.preview(source, account.id, ImportOptions(source.fields))
    assert (plan.grades_given, plan.managers_given) == (4, 2)
    result = service.apply(source, account.id, ImportOptions(source.fields))
    assert result.links.unknown_managers == ((4, "nobody@x.com"),)
    assert result.for_undo() is result  # redo gives the grades and managers again
    done = opened.contact_maps.load_map(account.id)
    assert [m.name for m in done.team_members] == ["Rep One", "New Person"]
    assert _reporting(done) == {"Bo Staff": "Ada Boss"}
    assert len(_grades(done)) == 4

    service.undo(result)
    undone = opened.contact_maps.load_map(account.id)
    assert undone.stakeholders == [] and undone.team_members == []

    again = service.redo(result)
    redone = opened.contact_maps.load_map(account.id)
    assert _grades(redone) == _grades(done) and _reporting(redone) == _reporting(done)
    service.undo(again)
    assert opened.contact_maps.load_map(account.id).team_members == []
    opened.close()


def test_a_grade_that_is_not_one_names_its_line(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "w.cmap")
    account = opened.accounts.create_account("Acme", "Retail").value
    service = CsvImportService(opened.workspace)
    source = service.read(b"Name,Grade: Rep One\nAda Boss,T\nBo Staff,Great\n")
    with pytest.raises(CsvFileError, match="Line 3: “Great” is not a grade"):
        service.preview(source, account.id, ImportOptions(source.fields))
    opened.close()
