"""CSV and vCard import on a real workspace file: formats, preview, all or nothing, memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.csv_text import CsvFileError
from contactmap_desktop.domain.import_plan import Action
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.services.csv_import import (
    CsvImportService,
    ImportOptions,
    mapping_from_names,
)
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers import contact_exports
from tests.helpers.builders import SmallMap, build_small_map


@pytest.fixture
def small(tmp_path: Path) -> SmallMap:
    built = build_small_map(tmp_path / "w.cmap")
    yield built
    built.opened.close()


def names(small: SmallMap) -> list[str]:
    return [s.name for s in small.opened.contact_maps.load_map(small.account.id).stakeholders]


@pytest.mark.parametrize(("make", "format_name", "encoding", "expected"), [
    (contact_exports.linkedin_connections, "LinkedIn connections", "utf-8-sig",
     ["Helena Vogt", "Priya Raman", "Zoë Müller 🚚", "伟 李", "Tom O'Neil"]),
    (contact_exports.google_contacts, "Google Contacts", "utf-8", ["Marcus Reid", "Ana Ruiz"]),
    (contact_exports.outlook_contacts, "Outlook contacts", "cp1252",
     ["Tomás Herrera", "Sara Lindqvist"]),
    (contact_exports.salesforce_contacts, "Salesforce contacts (report)", "utf-16",
     ["Daniel Okafor", "Ken Adeyemi"]),
    (contact_exports.hubspot_contacts, "HubSpot contacts", "utf-8", ["Li Wei", "Sam Short"]),
    (contact_exports.vcards, "vCard", "utf-8", ["Helena Vogt", "Zoë Müller"]),
])
def test_each_export_is_recognised_and_imported_intact(
    small: SmallMap, make: Callable[[], bytes], format_name: str, encoding: str,
    expected: list[str],
) -> None:
    service = CsvImportService(small.opened.workspace)
    source = service.read(make())
    assert source.format_name == format_name
    assert source.table.encoding == encoding
    result = service.apply(source, small.account.id, ImportOptions(source.fields))
    assert result.plan.added == len(expected)
    assert names(small)[3:] == expected
    small.opened.close()
    reopened = open_workspace(small.opened.path, create=False)
    stakeholders = reopened.contact_maps.load_map(small.account.id).stakeholders
    assert [s.name for s in stakeholders][3:] == expected
    reopened.close()


def test_linkedin_fields_and_a_formula_looking_title_arrive_as_text(small: SmallMap) -> None:
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.linkedin_connections())
    service.apply(source, small.account.id, ImportOptions(source.fields))
    by_name = {s.name: s for s in
               small.opened.contact_maps.load_map(small.account.id).stakeholders}
    assert by_name["Helena Vogt"].email == "helena@northwind.example"
    assert by_name["Helena Vogt"].seniority is Seniority.EXECUTIVE
    assert by_name["Priya Raman"].seniority is Seniority.SENIOR_MANAGER
    assert by_name["伟 李"].title == "运输规划经理"
    assert by_name["Tom O'Neil"].title == '=HYPERLINK("x")'


def test_quoted_newlines_in_notes_survive(small: SmallMap) -> None:
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.google_contacts())
    service.apply(source, small.account.id, ImportOptions(source.fields))
    marcus = next(s for s in small.opened.contact_maps.load_map(small.account.id).stakeholders
                  if s.name == "Marcus Reid")
    assert marcus.notes == 'Met at the "Freight, Future" summit\nLikes data.'
    assert marcus.department == "Finance"


def test_company_filter_and_seniority_edits_in_the_preview(small: SmallMap) -> None:
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.linkedin_connections())
    options = ImportOptions(source.fields, company_filter="northwind",
                            seniority_overrides={8: Seniority.EXECUTIVE})
    plan = service.preview(source, small.account.id, options)
    assert plan.companies == ("Northwind Logistics", "Other Corp")
    assert (plan.added, plan.updated, plan.skipped) == (4, 0, 1)
    assert plan.lines(Action.SKIP) == [9]
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]  # preview writes nothing
    service.apply(source, small.account.id, options)
    li = next(s for s in small.opened.contact_maps.load_map(small.account.id).stakeholders
              if s.name == "伟 李")
    assert li.seniority is Seniority.EXECUTIVE


def test_existing_people_are_updated_not_duplicated(small: SmallMap) -> None:
    data = contact_exports.to_csv([
        ["Name", "Title", "Email"],
        ["ada power", "Chief Executive", "ada@acme.example"],
        ["Somebody Else", "Analyst", "ada@acme.example"],
        ["Uma User", "Planner", ""],
    ]).encode()
    service = CsvImportService(small.opened.workspace)
    source = service.read(data)
    result = service.apply(source, small.account.id, ImportOptions(source.fields))
    plan = result.plan
    assert (plan.added, plan.updated, plan.skipped) == (0, 1, 2)
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]
    ada = small.opened.contact_maps.load_map(small.account.id).stakeholders[0]
    assert (ada.title, ada.email) == ("Chief Executive", "ada@acme.example")
    service.undo(result)
    ada = small.opened.contact_maps.load_map(small.account.id).stakeholders[0]
    assert (ada.title, ada.email) == ("CEO", "")
    service.redo(result)
    ada = small.opened.contact_maps.load_map(small.account.id).stakeholders[0]
    assert ada.title == "Chief Executive"


def test_what_is_kept_for_undo_undoes_and_redoes_the_same(small: SmallMap) -> None:
    data = contact_exports.to_csv([
        ["Name", "Title", "Email"],
        ["ada power", "Chief Executive", "ada@acme.example"],
        ["New Person", "Analyst", ""],
        ["Another One", "Buyer", ""],
    ]).encode()
    service = CsvImportService(small.opened.workspace)
    source = service.read(data)
    kept = service.apply_for_undo(source, small.account.id, ImportOptions(source.fields))
    # Only the row that updated someone stays: the new people are known by their ids.
    assert [row.line for row in kept.plan.rows] == [2]
    assert (len(kept.added_ids), len(kept.previous)) == (2, 1)
    service.undo(kept)
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]
    assert small.opened.contact_maps.load_map(small.account.id).stakeholders[0].title == "CEO"
    service.redo(kept)
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor", "New Person", "Another One"]
    assert small.opened.contact_maps.load_map(small.account.id).stakeholders[0].title \
        == "Chief Executive"


def test_an_error_in_any_row_writes_nothing(small: SmallMap) -> None:
    rows = [["Name", "Title"]] + [[f"Person {i}", "Analyst"] for i in range(50)]
    rows.append(["", "Orphan title"])
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.to_csv(rows).encode())
    with pytest.raises(CsvFileError, match="Line 52: the row has no name"):
        service.apply(source, small.account.id, ImportOptions(source.fields))
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]
    assert service.remembered_mapping(source.headers) is None


def test_the_mapping_is_remembered_per_header_set(small: SmallMap) -> None:
    data = contact_exports.to_csv([["Who", "Job", "Notes"], ["Ann Lee", "CTO", "x"]]).encode()
    service = CsvImportService(small.opened.workspace)
    source = service.read(data)
    assert source.fields == (ImportField.IGNORE, ImportField.IGNORE, ImportField.NOTES)
    chosen = mapping_from_names(source.headers, {"Who": "name", "job": "title"})
    service.apply(source, small.account.id, ImportOptions(chosen))
    again = service.read(data)
    assert again.remembered and again.fields == chosen
    other = service.read(b"Who,Job\nBo,CEO\n")
    assert not other.remembered


@pytest.mark.parametrize(("chosen", "message"), [
    ({"Missing": "name"}, "does not have"),
    ({"Who": "boss"}, "not a field"),
])
def test_bad_mapping_names(chosen: dict[str, str], message: str) -> None:
    with pytest.raises(Exception, match=message):
        mapping_from_names(("Who", "Job"), chosen)


def test_progress_is_reported(small: SmallMap) -> None:
    rows = [["Name"]] + [[f"P{i}"] for i in range(4500)]
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.to_csv(rows).encode())
    seen: list[tuple[int, int]] = []
    plan = service.preview(source, small.account.id, ImportOptions(source.fields),
                           progress=lambda done, total: seen.append((done, total)))
    assert plan.added == 4500
    assert seen == [(0, 4500), (2000, 4500), (4000, 4500), (4500, 4500)]


def test_a_mapping_of_the_wrong_width_is_refused(small: SmallMap) -> None:
    service = CsvImportService(small.opened.workspace)
    source = service.read(b"Name,Title\nA,B\n")
    bad = dataclasses.replace(ImportOptions(source.fields), fields=(ImportField.NAME,))
    with pytest.raises(Exception, match="does not match the columns"):
        service.preview(source, small.account.id, bad)


def test_the_window_s_preview_keeps_the_counts_and_the_first_rows_only(small: SmallMap) -> None:
    # The Import dialog holds its preview while open: the whole plan of a large file was
    # 200,000 objects for the cycle collector to walk on the window's thread.
    rows = [["Name", "Company"]] + [[f"P{i}", "Northwind" if i % 2 else "Contoso"]
                                    for i in range(300)] + [["", ""]]
    service = CsvImportService(small.opened.workspace)
    source = service.read(contact_exports.to_csv(rows).encode())
    options = ImportOptions(source.fields)
    plan = service.preview(source, small.account.id, options)

    shown = service.preview_shown(source, small.account.id, options, 50)

    assert shown.first_rows == plan.rows[:50]
    assert (shown.added, shown.updated, shown.skipped) == (300, 0, 1)
    assert (shown.grades_given, shown.managers_given) == (0, 0)
    assert shown.companies == plan.companies and set(shown.companies) == {"Contoso", "Northwind"}
