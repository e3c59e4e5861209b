"""Two and three laptops syncing through the team server converge, losing nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event

from benchmarks.large_account import build_large_account
from contactmap_desktop.domain.model import CellRef, Stakeholder, new_id
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.team_laptops import Laptop
from tests.helpers.team_logins import new_login, prepared, query


@pytest.fixture
def team(team_database: str, tmp_path: Path) -> Iterator[tuple[SmallMap, list[Laptop]]]:
    """Ann (rep) shares Acme with Bob (rep) and Lee (leader); each on a laptop."""
    prepared(team_database)
    ann, ann_url = new_login(team_database, "rep")
    bob, bob_url = new_login(team_database, "rep")
    _, lee_url = new_login(team_database, "leader")
    small = build_small_map(tmp_path / "ann.cmap")
    small.opened.close()
    laptops = [Laptop.join(tmp_path / "ann.cmap", ann_url)]
    laptops[0].team.share("Acme Corp", [bob])
    laptops += [Laptop.join(tmp_path / f"{name}.cmap", url)
                for name, url in (("bob", bob_url), ("lee", lee_url))]
    for laptop in laptops[1:]:
        laptop.team.sync()
    yield small, laptops
    for laptop in laptops:
        laptop.close()


def _converged(laptops: list[Laptop], account_id: str) -> dict[str, object]:
    first = laptops[0].snapshot(account_id)
    for other in laptops[1:]:
        assert other.snapshot(account_id) == first
    return first


def test_a_shared_account_arrives_whole(team: tuple[SmallMap, list[Laptop]]) -> None:
    small, laptops = team
    snapshot = _converged(laptops, small.account.id)
    assert len(snapshot["stakeholders"]) == 3
    assert len(snapshot["team_members"]) == 2


def test_edits_of_different_fields_offline_all_arrive(
        team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, lee) = team
    ann.grade(small.cell(0, 0), "T")
    bob.grade(small.cell(1, 1), "O")
    person = bob.opened.contact_maps.load_map(small.account.id).stakeholders[2]
    bob.opened.contact_maps.update_stakeholder(replace(person, title="Chief Tech"))
    for order in ([bob, ann, lee, bob], [lee, ann, bob, lee]):
        for laptop in order:
            laptop.team.sync()
    snapshot = _converged([ann, bob, lee], small.account.id)
    grades = {(r["team_member_id"], r["stakeholder_id"]): r["grade"]
              for r in snapshot["relationships"]}
    assert grades[(small.cell(0, 0).team_member_id, small.cell(0, 0).stakeholder_id)] == "T"
    assert grades[(small.cell(1, 1).team_member_id, small.cell(1, 1).stakeholder_id)] == "O"
    assert any(s["title"] == "Chief Tech" for s in snapshot["stakeholders"])
    logins = {c["changed_by"] for c in snapshot["grade_changes"]}
    assert len(logins) == 2 and "" not in logins


def test_the_same_field_edited_on_two_laptops_keeps_the_newest_and_lists_the_other(
        team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, lee) = team
    ann.grade(small.cell(0, 1), "S")
    bob.grade(small.cell(0, 1), "D")  # later: wins everywhere
    people = {p.id: p for p in ann.opened.contact_maps.load_map(small.account.id).stakeholders}
    ada = people[small.stakeholders[0].id]
    ann.opened.contact_maps.update_stakeholder(replace(ada, title="Ann's"))
    ada_b = {p.id: p for p in bob.opened.contact_maps.load_map(small.account.id).stakeholders}[
        ada.id]
    bob.opened.contact_maps.update_stakeholder(replace(ada_b, title="Bob's"))
    for laptop in (ann, bob, lee, ann):
        laptop.team.sync()
    snapshot = _converged([ann, bob, lee], small.account.id)
    assert next(s["title"] for s in snapshot["stakeholders"] if s["id"] == ada.id) == "Bob's"
    cell = small.cell(0, 1)
    assert next(r["grade"] for r in snapshot["relationships"]
                if r["stakeholder_id"] == cell.stakeholder_id
                and r["team_member_id"] == cell.team_member_id) == "D"
    # Both grades stay in the history; each laptop lists the losing edits for review.
    assert {c["new_grade"] for c in snapshot["grade_changes"]
            if c["stakeholder_id"] == cell.stakeholder_id} >= {"S", "D"}
    for laptop in (ann, bob, lee):
        conflicts = laptop.team.status().conflicts
        assert any("Ann's" in line for line in conflicts), conflicts
        assert laptop.team.status().to_send == 0
    # The grade fork is listed too, also by a laptop that received both grades.
    for laptop in (ann, bob, lee):
        assert any("grade: kept \"D\"" in line for line in laptop.team.status().conflicts), \
            laptop.team.status().conflicts


def test_grades_given_one_after_another_are_no_conflict(
        team: tuple[SmallMap, list[Laptop]]) -> None:
    """A grade given after seeing the cell's last grade is simply newer, on every laptop,
    however long the cell's history already is."""
    small, (ann, bob, lee) = team
    cell = small.cell(0, 1)
    for laptop, letter in ((ann, "S"), (bob, "O"), (ann, "T"), (lee, "O")):
        laptop.team.sync()
        laptop.grade(cell, letter)
        laptop.team.sync()
    for laptop in (ann, bob, lee):
        laptop.team.sync()
        assert laptop.team.status().conflicts == []
    assert _converged([ann, bob, lee], small.account.id)


def test_a_grade_conflict_says_which_laptop_kept_its_grade(
        team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, _) = team
    cell = small.cell(0, 1)
    ann.grade(cell, "S")
    bob.grade(cell, "D")  # later: wins everywhere
    ann.team.sync()
    bob.team.sync()  # Bob's D is kept here, Ann's S lost
    assert any("kept \"D\" by this laptop" in line and "\"S\" by another laptop lost"
               in line for line in bob.team.status().conflicts), bob.team.status().conflicts


def test_status_counts_what_waits(team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, _) = team
    ann.grade(small.cell(0, 0), "O")
    status = ann.team.status()
    assert status.to_send >= 1 and status.accounts == ["Acme Corp"]
    ann.team.sync()
    assert ann.team.status().to_send == 0
    assert bob.team.status().to_fetch >= 1
    bob.team.sync()
    assert bob.team.status().to_fetch == 0


def test_a_new_id_person_added_on_one_laptop_arrives(team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, lee) = team
    bob.opened.contact_maps.add_stakeholder(Stakeholder(
        id=new_id(), account_id=small.account.id, name="Nia New", title="CFO", position=3))
    bob.team.sync()
    lee.team.sync()
    ann.team.sync()
    snapshot = _converged([ann, bob, lee], small.account.id)
    assert "Nia New" in {s["name"] for s in snapshot["stakeholders"]}


def test_the_sample_account_is_never_shared_unless_asked(team_database: str,
                                                         tmp_path: Path) -> None:
    prepared(team_database)
    _, rep_url = new_login(team_database, "rep")
    _, leader_url = new_login(team_database, "leader")
    opened = open_workspace(tmp_path / "rep.cmap", with_sample=True,
                            backups_root=tmp_path / "backups")
    opened.accounts.create_account("Own Deal", "Retail")
    opened.close()
    rep = Laptop.join(tmp_path / "rep.cmap", rep_url)
    rep.team.share("Own Deal", [])
    rep.team.sync()
    assert query(leader_url, "SELECT name FROM contactmap.accounts") == [("Own Deal",)]
    sample = next(a for a in rep.opened.accounts.list_accounts() if a.name != "Own Deal")
    assert query(leader_url, "SELECT count(*) FROM contactmap.changes WHERE fields::text"
                             " LIKE %s", f"%{sample.id}%") == [(0,)]
    rep.close()


def test_a_removal_travels_and_an_undo_brings_it_back(
        team: tuple[SmallMap, list[Laptop]]) -> None:
    small, (ann, bob, lee) = team
    member = small.team_members[1]
    ann.grade(small.cell(1, 0), "O")
    for laptop in (ann, bob):
        laptop.team.sync()
    removal = bob.opened.contact_maps.remove_team_member(small.account.id, member.id)
    for laptop in (bob, ann, lee):
        laptop.team.sync()
    snapshot = _converged([ann, bob, lee], small.account.id)
    assert member.id not in {t["team_member_id"] for t in snapshot["account_team"]}
    assert member.id not in {r["team_member_id"] for r in snapshot["relationships"]}
    assert member.id in {c["team_member_id"] for c in snapshot["grade_changes"]}  # history
    bob.opened.contact_maps.restore_team_member(removal)
    for laptop in (bob, ann, lee):
        laptop.team.sync()
    snapshot = _converged([ann, bob, lee], small.account.id)
    assert member.id in {t["team_member_id"] for t in snapshot["account_team"]}


def test_an_account_deleted_on_one_laptop_leaves_it_only(
        team: tuple[SmallMap, list[Laptop]], tmp_path: Path) -> None:
    small, (ann, bob, lee) = team
    bob.opened.accounts.delete_account(small.account.id)
    bob.close()
    bob = Laptop.join(tmp_path / "bob.cmap", bob.team_url)  # reopening purges it
    ann.grade(small.cell(0, 2), "S")
    for laptop in (bob, ann, bob, lee):
        laptop.team.sync()
    assert small.account.id not in {a.id for a in bob.opened.accounts.list_accounts()}
    assert bob.team.status().accounts == []
    assert ann.snapshot(small.account.id) == lee.snapshot(small.account.id)
    bob.close()


def test_edits_arrive_in_statements_of_many_rows(team_database: str, tmp_path: Path) -> None:
    """A statement per arriving row let go of the interpreter's lock at each one, and the
    window's thread, woken each time, lost the race for it: 30-75 ms waits during a sync of
    2,000 edits. However many edits arrive, the rows go a chunk at a time."""
    prepared(team_database)
    _, ann_url = new_login(team_database, "rep")
    bob, bob_url = new_login(team_database, "rep")
    built = build_large_account(tmp_path / "ann.cmap", stakeholders=30, team=20,
                                graded_share=1)
    ann = Laptop.join(tmp_path / "ann.cmap", ann_url)
    ann.team.share(built.account_name, [bob])
    receiver = Laptop.join(tmp_path / "bob.cmap", bob_url)
    receiver.team.sync()
    cells = [CellRef(m, s) for m in built.team_member_ids for s in built.stakeholder_ids]
    for number, cell in enumerate(cells):  # every cell graded anew: each row is updated
        ann.grade(cell, "TOSIDM"[(number + 1) % 6], note="after the workshop")
    ann.team.sync()
    statements: list[str] = []
    engine = receiver.opened.workspace.engine
    count = lambda *args: statements.append(str(args[2]))  # noqa: E731
    event.listen(engine, "before_cursor_execute", count)
    try:
        report = receiver.team.sync()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    try:
        assert len(report.cells) == len(cells) == 600
        assert len(statements) < len(cells) / 4
        assert receiver.snapshot(built.account_id)["relationships"] == \
            ann.snapshot(built.account_id)["relationships"]
    finally:
        ann.close()
        receiver.close()
