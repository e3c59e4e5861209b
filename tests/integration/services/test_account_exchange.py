"""Account files between two workspaces: round trip, newer-wins merge, conflicts, versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Relationship, Stakeholder, TeamMember, new_id
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.account_exchange import FORMAT_VERSION, AccountExchangeService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.sample_account import create_sample_account
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from tests.helpers.account_files import build_two_accounts
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock


def snapshot(opened: OpenWorkspace, account_id: str) -> dict[str, object]:
    contact_map = opened.contact_maps.load_map(account_id)
    return {
        "account": contact_map.account,
        "stakeholders": contact_map.stakeholders,
        "team": contact_map.team_members,
        "cells": contact_map.relationships,
        "history": contact_map.history,
    }


def test_sample_account_round_trips_into_an_empty_workspace(tmp_path: Path) -> None:
    laptop_a = open_workspace(tmp_path / "a.cmap")
    account_id = create_sample_account(laptop_a.accounts, laptop_a.contact_maps)
    file = tmp_path / "northwind.cmacct"
    counts = AccountExchangeService(laptop_a.workspace).export_account(account_id, file)
    assert counts["stakeholders"] == 10 and counts["grade_changes"] > 15

    laptop_b = open_workspace(tmp_path / "b.cmap")
    summary = AccountExchangeService(laptop_b.workspace).import_account(file)
    assert summary.account_created and not summary.conflicts
    assert snapshot(laptop_b, account_id) == snapshot(laptop_a, account_id)
    laptop_b.close()
    reopened = open_workspace(tmp_path / "b.cmap", create=False)
    assert snapshot(reopened, account_id) == snapshot(laptop_a, account_id)
    again = AccountExchangeService(reopened.workspace).import_account(file)
    assert again.lines()[-1].startswith("Nothing new")
    reopened.close()
    laptop_a.close()


def _two_laptops(tmp_path: Path) -> tuple[SmallMap, OpenWorkspace, FakeClock, FakeClock]:
    """Laptop A builds a map; laptop B gets a copy through an account file."""
    clock_a, clock_b = FakeClock(), FakeClock()
    small = build_small_map(tmp_path / "a.cmap")
    small.opened.close()
    a = open_workspace(tmp_path / "a.cmap", clock=clock_a)
    small.opened = a
    a.contact_maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
    a.contact_maps.set_grade(small.cell(1, 1), Grade.OPEN)
    a.contact_maps.update_marks(Relationship(small.cell(1, 2), needs_filling=True))
    a.contact_maps.update_marks(Relationship(small.cell(1, 1), is_key=True,
                                            leverage_for=(small.cell(0, 0),)))
    file = tmp_path / "acme.cmacct"
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file)
    b = open_workspace(tmp_path / "b.cmap", clock=clock_b)
    AccountExchangeService(b.workspace, clock_b).import_account(file)
    assert snapshot(b, small.account.id) == snapshot(a, small.account.id)
    return small, b, clock_a, clock_b


def test_changes_on_both_sides_merge_newer_wins_and_a_grade_fork_is_reported(
    tmp_path: Path,
) -> None:
    small, b, clock_a, clock_b = _two_laptops(tmp_path)
    a = small.opened
    ada_id = small.stakeholders[0].id

    # B, earlier: retitles Ada, grades the fork cell Open, adds a person and a team member.
    clock_b.advance(hours=1)
    b.contact_maps.update_stakeholder(replace(b.contact_maps.load_map(small.account.id)
                                             .stakeholders[0], title="Chief Executive"))
    b.contact_maps.set_grade(small.cell(0, 0), Grade.OPEN)
    b.contact_maps.add_stakeholder(Stakeholder(new_id(), small.account.id, "Bea New",
                                              title="Buyer", position=-1))
    b.contact_maps.add_team_member(small.account.id, TeamMember(new_id(), "Cal Ours"))
    # A, later: a different grade on the same cell, and a new phone for Ada.
    clock_a.advance(hours=2)
    a.contact_maps.set_grade(small.cell(0, 0), Grade.INDIFFERENT)
    a.contact_maps.update_stakeholder(replace(small.stakeholders[0], phone="+1 555 0100"))
    # B, latest: grades a cell A never touched.
    clock_b.advance(hours=2)
    b.contact_maps.set_grade(small.cell(1, 2), Grade.TRUST)

    file_b = tmp_path / "from_b.cmacct"
    AccountExchangeService(b.workspace, clock_b).export_account(small.account.id, file_b)
    summary = AccountExchangeService(a.workspace, clock_a).import_account(file_b)

    merged = a.contact_maps.load_map(small.account.id)
    ada = merged.stakeholder(ada_id)
    # A's edit of Ada is newer: all of Ada's row is A's (row timestamps decide per field).
    assert (ada.title, ada.phone) == ("CEO", "+1 555 0100")
    assert [s.name for s in merged.stakeholders][-1] == "Bea New"
    assert [m.name for m in merged.team_members][-1] == "Cal Ours"
    assert merged.grade(small.cell(0, 0)) is Grade.INDIFFERENT   # A's change is newer
    assert merged.grade(small.cell(1, 2)) is Grade.TRUST         # only B changed it
    assert merged.grade(small.cell(1, 1)) is Grade.OPEN
    assert merged.relationship(small.cell(1, 1)).leverage_for == (small.cell(0, 0),)
    history = [(c.old_grade, c.new_grade) for c in merged.history
               if c.cell == small.cell(0, 0)]
    assert (Grade.SATISFIED, Grade.OPEN) in history           # B's change is kept, not hidden
    assert (Grade.SATISFIED, Grade.INDIFFERENT) in history

    [conflict] = summary.conflicts
    assert (conflict.local_grade, conflict.incoming_grade, conflict.kept) == (
        Grade.INDIFFERENT, Grade.OPEN, Grade.INDIFFERENT)
    text = "\n".join(summary.lines())
    assert "Conflict on Rep One × Ada Power: this workspace had Indifferent" in text
    assert "the file had Open" in text
    assert "stakeholders: 1 added, 0 updated, 1 kept" in text

    # The other way round B receives A's newer row and the same fork, from its side.
    file_a = tmp_path / "from_a.cmacct"
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file_a)
    back = AccountExchangeService(b.workspace, clock_b).import_account(file_a)
    assert back.conflicts == []  # B had nothing A did not already merge
    assert snapshot(b, small.account.id)["cells"] == snapshot(a, small.account.id)["cells"]
    b_ada = b.contact_maps.load_map(small.account.id).stakeholder(ada_id)
    assert b_ada.phone == "+1 555 0100"
    a.close()
    b.close()


def test_people_created_on_both_laptops_under_one_name_are_matched(tmp_path: Path) -> None:
    a = build_small_map(tmp_path / "a.cmap")
    b = build_small_map(tmp_path / "b.cmap")  # same names, other ids
    b.opened.contact_maps.set_grade(b.cell(0, 1), Grade.TRUST)
    file = tmp_path / "b.cmacct"
    AccountExchangeService(b.opened.workspace).export_account(b.account.id, file)
    summary = AccountExchangeService(a.opened.workspace).import_account(file)
    assert not summary.account_created
    assert "account Acme Corp" in summary.matched_by_name
    assert "stakeholder Uma User" in summary.matched_by_name
    assert "team member Rep One" in summary.matched_by_name
    merged = a.opened.contact_maps.load_map(a.account.id)
    assert len(merged.stakeholders) == 3 and len(merged.team_members) == 2
    assert merged.grade(a.cell(0, 1)) is Grade.TRUST
    assert [acc.name for acc in a.opened.accounts.list_accounts()] == ["Acme Corp"]
    a.opened.close()
    b.opened.close()


def test_an_account_id_that_is_also_a_persons_id_renames_no_one(tmp_path: Path) -> None:
    """Ids are replaced only where they name their kind: a file whose account has one of its
    stakeholders' ids merges into the account of that name, and the stakeholder stays one."""
    a = build_small_map(tmp_path / "a.cmap")
    b = build_small_map(tmp_path / "b.cmap")  # same names, other ids
    file = tmp_path / "b.cmacct"
    AccountExchangeService(b.opened.workspace).export_account(b.account.id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    document["account"]["id"] = b.stakeholders[0].id
    for section in ("stakeholders", "account_team"):
        for record in document["sections"][section]:
            record["account_id"] = b.stakeholders[0].id
    summary = AccountExchangeService(a.opened.workspace).import_account(_write(file, document))
    assert summary.account_id == a.account.id and not summary.account_created
    merged = a.opened.contact_maps.load_map(a.account.id)
    assert [s.id for s in merged.stakeholders] == [s.id for s in a.stakeholders]
    assert [m.id for m in merged.team_members] == [m.id for m in a.team_members]
    a.opened.close()
    b.opened.close()


def test_people_matched_by_name_are_the_local_ones_in_a_review_meetings_lists(
        tmp_path: Path) -> None:
    a = build_small_map(tmp_path / "a.cmap")
    b = build_small_map(tmp_path / "b.cmap")  # same names, other ids
    meeting = ReviewMeeting(new_id(), b.account.id, date(2026, 11, 2),
                            (b.team_members[0].id,), (b.stakeholders[0].id,))
    LifecycleService(b.opened.workspace).save(meeting)
    file = tmp_path / "b.cmacct"
    AccountExchangeService(b.opened.workspace).export_account(b.account.id, file)
    AccountExchangeService(a.opened.workspace).import_account(file)
    [there] = LifecycleService(a.opened.workspace).list(ReviewMeeting, a.account.id)
    assert there.our_attendees == (a.team_members[0].id,)
    assert there.client_attendees == (a.stakeholders[0].id,)
    a.opened.close()
    b.opened.close()


def _write(path: Path, document: dict[str, object]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_newer_versions_foreign_and_damaged_files_are_refused(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    service = AccountExchangeService(small.opened.workspace)
    file = tmp_path / "acme.cmacct"
    service.export_account(small.account.id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    before = snapshot(small.opened, small.account.id)

    newer = _write(tmp_path / "newer.cmacct", {**document, "version": FORMAT_VERSION + 1})
    with pytest.raises(ValidationError, match=r"newer ContactMap \(account file version 2\); "
                                              r"this version reads up to 1"):
        service.import_account(newer)
    with pytest.raises(ValidationError, match="not a ContactMap account file"):
        service.import_account(_write(tmp_path / "x.json", {"hello": 1}))
    (tmp_path / "bin").write_bytes(b"\x89PNG\x00\xff")
    with pytest.raises(ValidationError, match="not a ContactMap account file"):
        service.import_account(tmp_path / "bin")
    damaged = json.loads(json.dumps(document))
    damaged["sections"]["stakeholders"][0]["position"] = "first"
    with pytest.raises(ValidationError, match=r"stakeholders\[0\].position holds “first”"):
        service.import_account(_write(tmp_path / "d.cmacct", damaged))
    missing = json.loads(json.dumps(document))
    del missing["sections"]["stakeholders"][1]["name"]
    with pytest.raises(ValidationError, match=r"stakeholders\[1\] has no name"):
        service.import_account(_write(tmp_path / "m.cmacct", missing))
    nameless = json.loads(json.dumps(document))
    nameless["sections"]["stakeholders"][0]["name"] = None
    with pytest.raises(ValidationError, match=r"stakeholders\[0\].name is empty"):
        service.import_account(_write(tmp_path / "n.cmacct", nameless))
    assert snapshot(small.opened, small.account.id) == before
    small.opened.close()


def test_sections_from_a_later_app_are_listed_not_dropped_silently(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    service = AccountExchangeService(small.opened.workspace)
    file = tmp_path / "acme.cmacct"
    service.export_account(small.account.id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    document["sections"]["future_tables"] = [{"id": "x"}, {"id": "y"}]
    other = open_workspace(tmp_path / "b.cmap")
    summary = AccountExchangeService(other.workspace).import_account(
        _write(tmp_path / "f.cmacct", document))
    assert "Not imported: future tables (2 records)" in "\n".join(summary.lines())
    other.close()
    small.opened.close()


def test_a_row_older_than_the_local_one_is_kept_local(tmp_path: Path) -> None:
    small, b, clock_a, clock_b = _two_laptops(tmp_path)
    clock_b.advance(minutes=5)
    uma = b.contact_maps.load_map(small.account.id).stakeholders[1]
    b.contact_maps.update_stakeholder(replace(uma, seniority=Seniority.EXECUTIVE))
    file_b = tmp_path / "b.cmacct"
    AccountExchangeService(b.workspace, clock_b).export_account(small.account.id, file_b)
    clock_a.advance(minutes=10)
    small.opened.contact_maps.update_stakeholder(replace(small.stakeholders[1], title="Lead"))
    summary = AccountExchangeService(small.opened.workspace, clock_a).import_account(file_b)
    [stakeholders] = [s for s in summary.sections if s.name == "stakeholders"]
    assert stakeholders.kept_local == 1 and stakeholders.updated == 0
    assert small.opened.contact_maps.load_map(small.account.id).stakeholders[1].seniority is \
        Seniority.INDIVIDUAL_CONTRIBUTOR
    small.opened.close()
    b.close()


def test_blueprints_travel_and_both_plans_of_one_cell_arrive(tmp_path: Path) -> None:
    from contactmap_desktop.domain.blueprints import Strategy
    from contactmap_desktop.services.blueprint_service import BlueprintService

    small, b, clock_a, clock_b = _two_laptops(tmp_path)
    a = small.opened
    a_plans = BlueprintService(a.workspace, clock_a)
    b_plans = BlueprintService(b.workspace, clock_b)
    travelling = a_plans.create(replace(a_plans.draft(small.cell(0, 0)),
                                        strategies=(Strategy.RECIPROCITY,), tactics="Lunch")).value
    # Both laptops plan the same other cell separately: a cell may have successive plans, so
    # both arrive, and the newer open one is the one the cell shows.
    a_plans.create(a_plans.draft(small.cell(1, 1)))
    newer = b_plans.create(b_plans.draft(small.cell(1, 1))).value
    file = tmp_path / "a.cmacct"
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file)
    summary = AccountExchangeService(b.workspace, clock_b).import_account(file)
    arrived = b_plans.get(travelling.id)
    assert arrived.tactics == "Lunch" and arrived.strategies == (Strategy.RECIPROCITY,)
    assert arrived.cells == (small.cell(0, 0),)
    [cells] = [s for s in summary.sections if s.name == "blueprint_cells"]
    assert (cells.added, cells.kept_local) == (2, 0)
    assert len(b_plans.history_of(small.cell(1, 1))) == 2
    assert b_plans.for_cell(small.cell(1, 1)) in (newer, b_plans.history_of(small.cell(1, 1))[-1])
    a.close()
    b.close()


def test_sponsor_letters_travel_with_their_revisions(tmp_path: Path) -> None:
    from contactmap_desktop.services.letters import LetterService

    small, b, clock_a, clock_b = _two_laptops(tmp_path)
    a = small.opened
    letters_a = LetterService(a.workspace, clock_a)
    first = letters_a.save(replace(letters_a.draft(a.contact_maps.load_map(small.account.id)),
                                   subject="Next steps for the fleet pilot")).value
    revised = letters_a.new_revision(first.id).value
    revision = letters_a.save(replace(revised, subject="Revised plan")).value
    file = tmp_path / "letters.cmacct"
    AccountExchangeService(a.workspace, clock_a).export_account(small.account.id, file)
    summary = AccountExchangeService(b.workspace, clock_b).import_account(file)
    arrived = LetterService(b.workspace, clock_b).list_for_account(small.account.id)
    assert {(letter.id, letter.subject) for letter in arrived} == \
        {(first.id, "Next steps for the fleet pilot"), (revision.id, "Revised plan")}
    [letters] = [s for s in summary.sections if s.name == "sponsor_letters"]
    assert letters.added == 2
    a.close()
    b.close()


def test_an_import_reads_the_rows_it_merges_a_few_hundred_at_a_time(tmp_path: Path) -> None:
    # One read per record was a fifth of a large file's import, and more of one merged again.
    reads = [_reads_of_two_imports(tmp_path / str(people), people) for people in (5, 60)]
    assert reads[0] == reads[1], reads  # whatever the number of records


def _reads_of_two_imports(folder: Path, people: int) -> list[int]:
    """SELECTs of an import of an account of ``people`` × 3 Open cells into an empty
    workspace, then of the same file again."""
    laptop_a = open_workspace(folder / "a.cmap")
    account = laptop_a.accounts.create_account("Acme").value
    team = [laptop_a.contact_maps.add_team_member(account.id, TeamMember(new_id(), f"Rep {n}"))
            .value for n in range(3)]
    for n in range(people):
        person = laptop_a.contact_maps.add_stakeholder(
            Stakeholder(new_id(), account.id, f"Person {n}", position=n)).value
        for member in team:
            laptop_a.contact_maps.set_grade(CellRef(member.id, person.id), Grade.OPEN)
    file = folder / "acme.cmacct"
    AccountExchangeService(laptop_a.workspace).export_account(account.id, file)
    laptop_a.close()
    laptop_b = open_workspace(folder / "b.cmap")
    exchange = AccountExchangeService(laptop_b.workspace)
    reads = []
    for _ in range(2):
        with _counted_selects(laptop_b) as selects:
            exchange.import_account(file)
        reads.append(len(selects))
    laptop_b.close()
    return reads


@contextmanager
def _counted_selects(opened: OpenWorkspace) -> Iterator[list[str]]:
    selects: list[str] = []

    def counted(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    engine = opened.workspace.engine
    event.listen(engine, "before_cursor_execute", counted)
    try:
        yield selects
    finally:
        event.remove(engine, "before_cursor_execute", counted)


def test_a_team_member_on_another_accounts_team_keeps_their_fields(tmp_path: Path) -> None:
    """A rename in one account's file would show in the other account: it is not taken."""
    two = build_two_accounts(tmp_path)
    opened = open_workspace(two.copy_to(tmp_path))
    northwind, acme = two.documents()
    jordan, rita = northwind["sections"]["team_members"][:2]
    acme_id = acme["account"]["id"]
    acme["sections"]["account_team"].append(
        {**northwind["sections"]["account_team"][0], "account_id": acme_id,
         "team_member_id": jordan["id"]})
    acme["sections"]["team_members"].append(jordan)
    exchange = AccountExchangeService(opened.workspace)
    exchange.import_account(two.file(tmp_path, acme))  # Jordan joins Acme's team too
    renamed = {**jordan, "name": "Someone Else", "updated_at": "2030-01-01T00:00:00"}
    retitled = {**rita, "title": "Chief Listener", "updated_at": "2030-01-01T00:00:00"}
    northwind["sections"]["team_members"][:2] = [renamed, retitled]

    exchange.import_account(two.file(tmp_path, northwind))

    acme_team = {m.id: m for m in opened.contact_maps.load_map(acme_id).team_members}
    northwind_team = {m.id: m for m in
                      opened.contact_maps.load_map(northwind["account"]["id"]).team_members}
    assert acme_team[jordan["id"]].name == northwind_team[jordan["id"]].name == jordan["name"]
    assert northwind_team[rita["id"]].title == "Chief Listener"  # on Northwind's team only
    opened.close()
