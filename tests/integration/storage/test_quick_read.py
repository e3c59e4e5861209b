"""The first paint's light read (sqlite3) gives exactly what the repositories read (the
history read from the file when asked), and steps aside whenever the full open has something
to ask or refuse."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    AccountStage,
    CellRef,
    FocusPeriod,
    Stakeholder,
    TeamMember,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.file_header import SCHEMA_VERSION
from contactmap_desktop.storage.quick_read import quick_open
from contactmap_desktop.storage.stored_history import StoredHistory
from contactmap_desktop.storage.team_local import install_change_tracking
from tests.helpers.damaged_files import write_damaged_workspace
from tests.helpers.old_schemas import write_v11_workspace

pytestmark = pytest.mark.sqlite_only("the first paint reads the SQLite file with sqlite3")

# Text the app stores: no surrogates and no control characters (a NUL is refused).
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXT = st.text(CHARACTERS, min_size=1, max_size=12).filter(lambda text: text.strip() == text)


def _same_as_the_services(opened: OpenWorkspace) -> None:
    path = opened.path
    opened.close()  # the lock goes with it, as when the app last closed
    quick = quick_open(path)
    assert quick is not None
    reopened = open_workspace(path, backups_root=path.parent / "backups")
    try:
        accounts = reopened.accounts.list_accounts()
        assert quick.list_accounts() == accounts
        for account in accounts:
            assert quick.get(account.id) == account
            painted = quick.load_shown_map(account.id)
            loaded = reopened.contact_maps.load_map(account.id)
            assert painted.history == StoredHistory(path, account.id)  # read when asked
            assert dict(painted.histories()) == dict(loaded.histories())
            assert replace(painted, history=loaded.history) == loaded
    finally:
        quick.close()
        reopened.close()


def test_the_sample_workspace_reads_the_same(tmp_path: Path) -> None:
    _same_as_the_services(open_workspace(tmp_path / "sample.cmap", with_sample=True,
                                         backups_root=tmp_path / "backups"))


def test_the_services_map_read_keeps_one_value_for_what_repeats(tmp_path: Path) -> None:
    """The map the services hold with its history (reports, exports, the command line)."""
    opened = open_workspace(tmp_path / "sample.cmap", with_sample=True,
                            backups_root=tmp_path / "backups")
    try:
        account = opened.accounts.list_accounts()[0]
        _keeps_one_value_for_what_repeats(opened.contact_maps.load_map(account.id))
    finally:
        opened.close()


def _keeps_one_value_for_what_repeats(contact_map: ContactMap) -> None:
    history = contact_map.history
    authors = {change.changed_by for change in history}
    assert authors and all(author for author in authors)
    # One string per author, one datetime per instant (a cell's latest change and its review).
    assert len({id(change.changed_by) for change in history}) == len(authors)
    latest = {change.cell: change for change in history}
    reviewed = [(change, contact_map.relationships[cell].reviewed_at)
                for cell, change in latest.items() if cell in contact_map.relationships]
    assert any(change.changed_at == moment for change, moment in reviewed)
    assert all(change.changed_at is moment for change, moment in reviewed
               if change.changed_at == moment)


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    people = draw(st.lists(st.tuples(TEXT, st.sampled_from(Seniority),
                                     st.frozensets(st.sampled_from(BuyingRole)), TEXT, TEXT,
                                     st.booleans()),
                           min_size=1, max_size=4, unique_by=lambda p: p[0]))
    team = draw(st.lists(st.tuples(TEXT, TEXT, st.sampled_from(Seniority)), min_size=1,
                         max_size=3, unique_by=lambda member: member[0]))
    grades = draw(st.lists(st.one_of(st.none(), st.sampled_from(Grade)),
                           min_size=len(people) * len(team), max_size=len(people) * len(team)))
    marks = draw(st.lists(st.tuples(st.booleans(), st.sampled_from([None, *FocusPeriod]),
                                    st.booleans(), st.text(CHARACTERS, max_size=8)),
                          min_size=len(grades), max_size=len(grades)))
    account = {"industry": draw(TEXT), "annual_value": draw(st.integers(0, 10**9)),
               "renewal_date": draw(st.one_of(st.none(), st.dates())),
               "notes": draw(st.text(CHARACTERS, max_size=20)),
               "currency": draw(st.sampled_from(["", "EUR", "JPY"])),
               "review_interval_days": draw(st.one_of(st.none(), st.integers(1, 400)))}
    return {"name": draw(TEXT), "stage": draw(st.sampled_from(AccountStage)), "people": people,
            "team": team, "grades": grades, "marks": marks, "account": account,
            "deleted": draw(st.booleans()), "second_grades": draw(st.booleans())}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_a_generated_map_reads_the_same(drawn: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        opened = open_workspace(Path(folder) / "map.cmap", backups_root=Path(folder) / "b")
        account = opened.accounts.create_account(drawn["name"], stage=drawn["stage"]).value
        opened.accounts.update_account(replace(account, **drawn["account"]))
        opened.accounts.create_account("Another account")  # its map is not this one's
        maps = opened.contact_maps
        people: list[Stakeholder] = []
        for number, (name, seniority, roles, title, notes, reports) in enumerate(
                drawn["people"]):
            people.append(maps.add_stakeholder(Stakeholder(
                id=f"s{number}", account_id=account.id, name=name, seniority=seniority,
                roles=roles, title=title, department=notes, email=f"p{number}@example.com",
                phone="+1 555 0100", notes=notes, position=-1,
                reports_to_id=people[-1].id if reports and people else None)).value)
        team = [maps.add_team_member(account.id, TeamMember(
            f"t{number}", name, title, seniority, f"t{number}@example.com")).value
            for number, (name, title, seniority) in enumerate(drawn["team"])]
        cells = [CellRef(member.id, person.id) for member in team for person in people]
        for cell, grade, (key, focus, fill, note) in zip(
                cells, drawn["grades"], drawn["marks"], strict=True):
            maps.set_grade(cell, grade, note)
            if drawn["second_grades"] and grade is not None:
                maps.set_grade(cell, grade)  # a review
            current = maps.read_cells([cell])[0].relationship
            maps.update_marks(replace(current, is_key=key, focus_period=focus,
                                      focus_due=date(2026, 3, 1) if focus else None,
                                      needs_filling=fill and grade is None, note=note))
        trusted = [cell for cell, grade in zip(cells, drawn["grades"], strict=True)
                   if grade in (Grade.TRUST, Grade.OPEN)]
        if len(trusted) > 1:  # targets in no particular order: read back in the same one
            source = maps.read_cells([trusted[0]])[0].relationship
            maps.update_marks(replace(source, leverage_for=tuple(reversed(trusted[1:4]))))
        if drawn["deleted"]:
            maps.remove_stakeholder(people[0].id)
        _same_as_the_services(opened)


def test_a_file_the_full_open_must_decide_on_is_left_to_it(tmp_path: Path) -> None:
    path = tmp_path / "work.cmap"
    assert quick_open(path) is None  # missing: the full open creates it
    opened = open_workspace(path, backups_root=tmp_path / "backups")
    assert quick_open(path) is None  # in use: the lock file is there
    opened.close()
    quick = quick_open(path)
    assert quick is not None
    quick.close()


def test_a_workspace_held_through_a_symlink_is_left_to_the_full_open(tmp_path: Path) -> None:
    """A copy holding the file through a link is seen (the lock is beside the file it
    names), and the reads keep the link's name for the full open: its backups, the recent
    files and the title are those of the name opened, as without the light read."""
    target = tmp_path / "work.cmap"
    _sound(target)
    link = tmp_path / "link.cmap"
    link.symlink_to(target)
    opened = open_workspace(link, backups_root=tmp_path / "backups")
    try:
        assert quick_open(link) is None  # in use through the link
    finally:
        opened.close()
    quick = quick_open(link)
    assert quick is not None
    try:
        assert quick.path == link
    finally:
        quick.close()


def _newer(path: Path) -> None:
    _sound(path)
    data = bytearray(path.read_bytes())
    data[60:64] = (SCHEMA_VERSION + 1).to_bytes(4, "big")
    path.write_bytes(bytes(data))


def _sound(path: Path) -> None:
    open_workspace(path, with_sample=True, backups_root=path.parent / "backups").close()


def _in_a_team(path: Path) -> None:
    """Joined to a team server: the change-tracking triggers, checked by the full open."""
    opened = open_workspace(path, backups_root=path.parent / "backups")
    with opened.workspace.session() as session, session.begin():
        install_change_tracking(session)
    opened.close()


def _two_names(path: Path) -> None:
    _sound(path)
    os.link(path, path.with_name("second name.cmap"))


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"name,title\nAda,CTO\n" * 20)


@pytest.mark.parametrize("write", [
    pytest.param(_newer, id="newer schema"),
    pytest.param(write_v11_workspace, id="older schema: upgraded with a backup"),
    pytest.param(write_damaged_workspace, id="damaged: offered its backups"),
    pytest.param(_in_a_team, id="team workspace: triggers checked word for word"),
    pytest.param(_two_names, id="hard link: refused"),
    pytest.param(_not_sqlite, id="not a workspace"),
])
def test_a_file_the_full_open_would_change_ask_about_or_refuse_takes_the_normal_path(
        tmp_path: Path, write: Callable[[Path], None]) -> None:
    path = tmp_path / "work.cmap"
    write(path)
    assert quick_open(path) is None
