"""The inbound gate's own API, as the team sync calls it, its tables kept complete, and the
files it must let through."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import InboundError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.inbound_gate import admit_section, section_named
from contactmap_desktop.services.inbound_rules import OWNERS
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.account_sections import ACCOUNT_SECTIONS
from tests.helpers.builders import build_small_map

STAKEHOLDER = {"id": "s1", "account_id": "a1", "name": "Ada Power", "seniority": "executive",
               "roles": "PE", "updated_at": "2026-01-05T09:00:00"}


def test_every_table_of_an_account_says_what_makes_it_part_of_one() -> None:
    # A table missing here would be taken as shared by all accounts: an import could then
    # change another account's rows of it.
    shared = {"team_members", "settings"}
    assert {s.name for s in ACCOUNT_SECTIONS} - shared == set(OWNERS)


def test_rows_as_a_database_driver_gives_them_are_admitted() -> None:
    row = {**STAKEHOLDER, "updated_at": dt.datetime(2026, 1, 5, 9), "position": 2}
    [values] = admit_section(section_named("stakeholders"), [row])
    assert values["updated_at"] == dt.datetime(2026, 1, 5, 9) and values["roles"] == "PE"
    assert "deleted_at" not in values


@pytest.mark.parametrize("change, message", [
    ({"updated_at": dt.datetime(2026, 1, 5, tzinfo=dt.UTC)},
     "stakeholders[0].updated_at holds “2026-01-05 00:00:00+00:00”: a time with a time"),
    ({"seniority": "boss"}, "stakeholders[0].seniority holds “boss”: not one of"),
    ({"deleted_at": "2026-01-06T00:00:00"}, "stakeholders[0].deleted_at is set"),
    ({"name": "a\nb" * 100}, "stakeholders[0].name holds “a?ba?b"),
    # PostgreSQL refused it with a traceback: no text there holds a NUL.
    ({"notes": "a\x00b"}, "stakeholders[0].notes holds “a?b”: a NUL character"),
])
def test_a_refusal_is_one_line_naming_record_and_field(change: dict[str, object],
                                                       message: str) -> None:
    with pytest.raises(InboundError) as refused:
        admit_section(section_named("stakeholders"), [{**STAKEHOLDER, **change}])
    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)


def test_history_of_someone_taken_off_the_team_travels_with_them(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    small.opened.contact_maps.set_grade(small.cell(1, 0), Grade.OPEN)
    small.opened.contact_maps.remove_team_member(small.account.id, small.team_members[1].id)
    file = tmp_path / "acme.cmacct"
    AccountExchangeService(small.opened.workspace).export_account(small.account.id, file)
    other = open_workspace(tmp_path / "b.cmap")
    AccountExchangeService(other.workspace).import_account(file)
    arrived = other.contact_maps.load_map(small.account.id)
    assert [m.name for m in arrived.team_members] == ["Rep One"]
    assert [c.new_grade for c in arrived.history] == [Grade.OPEN]
    other.close()
    small.opened.close()


def test_an_older_or_re_dated_change_never_regrades_a_cell(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "a.cmap")
    cell = small.cell(0, 0)
    small.opened.contact_maps.set_grade(cell, Grade.OPEN)
    small.opened.contact_maps.set_grade(cell, Grade.SATISFIED)
    file = tmp_path / "acme.cmacct"
    exchange = AccountExchangeService(small.opened.workspace)
    exchange.export_account(small.account.id, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    first, _ = document["sections"]["grade_changes"]
    # The same change with a later time and another grade, and an old change of the cell.
    first["changed_at"], first["new_grade"] = "2190-01-01T00:00:00", "T"
    document["sections"]["grade_changes"].append(
        {**first, "id": "00000000-0000-4000-8000-000000000003",
         "changed_at": "2001-01-01T00:00:00", "new_grade": "D"})
    file.write_text(json.dumps(document), encoding="utf-8")
    exchange.import_account(file)
    contact_map = small.opened.contact_maps.load_map(small.account.id)
    assert contact_map.grade(cell) is Grade.SATISFIED
    assert len(contact_map.history) == 3
    small.opened.close()
