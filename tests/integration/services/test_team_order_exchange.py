"""The order of an account's team travels in account files, newer order wins; files written
before a column existed (as the team's times) still import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import Stakeholder, TeamMember, new_id
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.account_records import decode_record, with_defaults
from contactmap_desktop.storage.account_sections import ACCOUNT_SECTIONS, TableSection
from contactmap_desktop.storage.schema import EPOCH
from tests.helpers.fake_clock import FakeClock

TEAM = ["Rep One", "Eng Two", "Exec Three"]


class Laptops:
    """Laptop A builds an account with a team of three; laptop B gets it by an account file."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path
        self.clock_a, self.clock_b = FakeClock(), FakeClock()
        self.a = open_workspace(tmp_path / "a.cmap", clock=self.clock_a)
        self.account_id = self.a.accounts.create_account("Acme Corp", "Manufacturing").value.id
        self.a.contact_maps.add_stakeholder(Stakeholder(new_id(), self.account_id, "Ada Power"))
        self.ids = {name: self.a.contact_maps.add_team_member(
            self.account_id, TeamMember(new_id(), name)).value.id for name in TEAM}
        self.b = open_workspace(tmp_path / "b.cmap", clock=self.clock_b)
        self.send(self.a, self.b)

    def send(self, source: OpenWorkspace, target: OpenWorkspace) -> list[str]:
        file = self.folder / "acme.cmacct"
        clock = self.clock_a if source is self.a else self.clock_b
        AccountExchangeService(source.workspace, clock).export_account(self.account_id, file)
        return AccountExchangeService(target.workspace, clock).import_account(file).lines()

    def reorder(self, laptop: OpenWorkspace, names: list[str]) -> None:
        laptop.contact_maps.reorder_team(self.account_id, [self.ids[n] for n in names])

    def team(self, laptop: OpenWorkspace) -> list[str]:
        return [m.name for m in laptop.contact_maps.load_map(self.account_id).team_members]

    def close(self) -> None:
        self.a.close()
        self.b.close()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Laptops]:
    built = Laptops(tmp_path)
    yield built
    built.close()


def test_a_team_reordered_on_one_laptop_is_reordered_on_the_other(laptops: Laptops) -> None:
    assert laptops.team(laptops.b) == TEAM
    laptops.clock_a.advance(hours=1)
    laptops.reorder(laptops.a, ["Exec Three", "Rep One", "Eng Two"])
    lines = laptops.send(laptops.a, laptops.b)
    assert laptops.team(laptops.b) == ["Exec Three", "Rep One", "Eng Two"]
    assert "account team: 0 added, 3 updated (position)" in lines
    laptops.b.close()
    laptops.b = open_workspace(laptops.folder / "b.cmap", create=False)
    assert laptops.team(laptops.b) == ["Exec Three", "Rep One", "Eng Two"]


def test_a_later_reorder_here_wins_over_an_older_file(laptops: Laptops) -> None:
    laptops.clock_a.advance(hours=1)
    laptops.reorder(laptops.a, ["Eng Two", "Rep One", "Exec Three"])
    laptops.clock_b.advance(hours=2)
    # Eng Two stays second here, yet it belongs to B's newer order as a whole: taking A's
    # place for it alone would put it first.
    laptops.reorder(laptops.b, ["Exec Three", "Eng Two", "Rep One"])
    lines = laptops.send(laptops.a, laptops.b)
    assert laptops.team(laptops.b) == ["Exec Three", "Eng Two", "Rep One"]
    assert "account team: 0 added, 0 updated, 3 kept as they are here (newer or " \
           "undecidable)" in lines
    # And B's order, sent back, replaces A's older one.
    laptops.send(laptops.b, laptops.a)
    assert laptops.team(laptops.a) == ["Exec Three", "Eng Two", "Rep One"]


def test_adding_and_restoring_a_member_stamps_the_row_with_the_services_clock(
    laptops: Laptops,
) -> None:
    laptops.clock_a.advance(hours=1)
    laptops.a.contact_maps.add_team_member(laptops.account_id, TeamMember(new_id(), "New Four"))
    laptops.clock_a.advance(hours=1)
    removal = laptops.a.contact_maps.remove_team_member(laptops.account_id, laptops.ids["Rep One"])
    laptops.clock_a.advance(hours=1)
    laptops.a.contact_maps.restore_team_member(removal)
    file = laptops.folder / "a.cmacct"
    AccountExchangeService(laptops.a.workspace, laptops.clock_a).export_account(
        laptops.account_id, file)
    rows = json.loads(file.read_text(encoding="utf-8"))["sections"]["account_team"]
    names = {i: n for n, i in laptops.ids.items()}
    times = {names.get(r["team_member_id"], "New Four"): r["updated_at"] for r in rows}
    assert times == {"Rep One": "2026-01-05T12:00:00", "Eng Two": "2026-01-05T09:00:00",
                     "Exec Three": "2026-01-05T09:00:00", "New Four": "2026-01-05T10:00:00"}


def test_an_account_file_from_before_team_times_still_imports(laptops: Laptops) -> None:
    laptops.clock_a.advance(hours=1)
    laptops.ids["New Four"] = laptops.a.contact_maps.add_team_member(
        laptops.account_id, TeamMember(new_id(), "New Four")).value.id
    laptops.reorder(laptops.a, ["Exec Three", "New Four", "Rep One", "Eng Two"])
    file = laptops.folder / "old.cmacct"
    AccountExchangeService(laptops.a.workspace).export_account(laptops.account_id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    for record in document["sections"]["account_team"]:
        del record["updated_at"]  # as ContactMap wrote them before the team had times
    file.write_text(json.dumps(document), encoding="utf-8")
    service = AccountExchangeService(laptops.b.workspace, laptops.clock_b)
    lines = service.import_account(file).lines()
    # Without times the file cannot be shown newer: the new member joins at the file's
    # place (second, beside Eng Two: ties go by name) and the rows here keep their order.
    assert laptops.team(laptops.b) == ["Rep One", "Eng Two", "New Four", "Exec Three"]
    assert "account team: 1 added, 0 updated, 3 kept as they are here (newer or " \
           "undecidable)" in lines
    # A reorder here is newer than the epoch the old file's rows took.
    laptops.clock_b.advance(hours=2)
    laptops.reorder(laptops.b, ["New Four", "Rep One", "Eng Two", "Exec Three"])
    service.import_account(file)
    assert laptops.team(laptops.b) == ["New Four", "Rep One", "Eng Two", "Exec Three"]


def _section(name: str) -> TableSection:
    return next(s for s in ACCOUNT_SECTIONS if s.name == name)


def test_a_record_may_lack_a_column_with_a_default_and_nothing_else() -> None:
    team = _section("account_team")
    old = {"account_id": "a", "team_member_id": "t", "position": 2}
    decoded = decode_record(team, old, 0)
    assert decoded == old  # left out: a stored row keeps its time, a new row takes the epoch
    assert with_defaults(team, decoded)["updated_at"] == EPOCH
    with pytest.raises(ValidationError, match=r"account_team\[0\] has no team_member_id"):
        decode_record(team, {"account_id": "a", "position": 2}, 0)
    with pytest.raises(ValidationError, match=r"account_team\[3\].account_id is empty"):
        decode_record(team, {**old, "account_id": None}, 3)
    # Null where null is not allowed says no more than a missing column.
    assert decode_record(team, {**old, "position": None}, 0) == \
        {"account_id": "a", "team_member_id": "t"}
    with pytest.raises(ValidationError, match=r"account_team\[1\].updated_at holds “soon”"):
        decode_record(team, {**old, "updated_at": "soon"}, 1)
    with pytest.raises(ValidationError, match=r"account_team\[1\].position holds “2nd”"):
        decode_record(team, {**old, "position": "2nd"}, 1)


def test_a_newer_record_without_a_column_leaves_that_column_as_it_is_here(
    laptops: Laptops,
) -> None:
    """As a file from before a column existed would: every table, not only the team."""
    laptops.clock_b.advance(hours=1)
    ada = laptops.b.contact_maps.load_map(laptops.account_id).stakeholders[0]
    laptops.b.contact_maps.update_stakeholder(replace(ada, title="CEO", phone="+1 555 0100"))
    laptops.clock_a.advance(hours=2)
    laptops.a.contact_maps.update_stakeholder(replace(ada, title="Chief Executive",
                                                               department="Board"))
    laptops.a.contact_maps.add_stakeholder(Stakeholder(new_id(), laptops.account_id, "Uma User",
                                                      title="Planner", position=1))
    file = laptops.folder / "a.cmacct"
    AccountExchangeService(laptops.a.workspace, laptops.clock_a).export_account(
        laptops.account_id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    for record in document["sections"]["stakeholders"]:
        del record["phone"]
        record["title"] = None
    file.write_text(json.dumps(document), encoding="utf-8")
    AccountExchangeService(laptops.b.workspace, laptops.clock_b).import_account(file)
    people = laptops.b.contact_maps.load_map(laptops.account_id).stakeholders
    # A's row is newer: its department wins, but it says nothing of title or phone, so B
    # keeps its own; a new person takes the defaults.
    assert [(p.name, p.department, p.title, p.phone) for p in people] == [
        ("Ada Power", "Board", "CEO", "+1 555 0100"), ("Uma User", "", "", "")]
