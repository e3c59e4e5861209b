"""The order of stakeholder columns and team rows is saved in the workspace and survives
reopening; an order that does not name exactly the account's people is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map


def test_new_orders_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "w.cmap"
    small = build_small_map(path)
    service = small.opened.contact_maps
    columns = [s.id for s in reversed(small.stakeholders)]
    rows = [m.id for m in reversed(small.team_members)]
    service.reorder_stakeholders(small.account.id, columns)
    service.reorder_team(small.account.id, rows)
    small.opened.close()
    reopened = open_workspace(path)
    try:
        contact_map = reopened.contact_maps.load_map(small.account.id)
        assert [s.id for s in contact_map.stakeholders] == columns
        assert [m.id for m in contact_map.team_members] == rows
        added = reopened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=small.account.id, name="New One", position=-1)).value
        assert reopened.contact_maps.load_map(small.account.id).stakeholders[-1].id == added.id
    finally:
        reopened.close()


def test_a_removed_stakeholder_is_not_part_of_the_order(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = small.opened.contact_maps
    service.remove_stakeholder(small.stakeholders[1].id)
    order = [small.stakeholders[2].id, small.stakeholders[0].id]
    service.reorder_stakeholders(small.account.id, order)
    assert [s.id for s in service.load_map(small.account.id).stakeholders] == order
    small.opened.close()


@pytest.mark.parametrize("change", ["missing", "twice", "stranger"])
def test_an_order_that_does_not_match_the_people_is_refused(tmp_path: Path, change: str) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    service = small.opened.contact_maps
    ids = [s.id for s in small.stakeholders]
    team = [m.id for m in small.team_members]
    wrong = {"missing": ids[:-1], "twice": [*ids[:-1], ids[0]], "stranger": [*ids, "x"]}[change]
    wrong_team = {"missing": team[:-1], "twice": [team[0], team[0]],
                  "stranger": [*team, "x"]}[change]
    with pytest.raises(ValidationError, match="changed meanwhile"):
        service.reorder_stakeholders(small.account.id, wrong)
    with pytest.raises(ValidationError, match="changed meanwhile"):
        service.reorder_team(small.account.id, wrong_team)
    contact_map = service.load_map(small.account.id)
    assert [s.id for s in contact_map.stakeholders] == ids
    assert [m.id for m in contact_map.team_members] == team
    small.opened.close()
