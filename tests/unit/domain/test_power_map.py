"""Power-map cards, the chain to the top and uncovered chains, from a small contact map."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.org_chart_layout import OrgNode
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.power_map import (
    chain_to_top,
    focus_cell,
    org_nodes,
    power_cards,
    uncovered_chains,
)


def _map() -> ContactMap:
    # ceo <- vp <- director <- analyst ; cfo alone at the top
    people = [
        Stakeholder("ceo", "a", "Cleo", position=0),
        Stakeholder("vp", "a", "Vic", reports_to_id="ceo", position=1),
        Stakeholder("dir", "a", "Dora", reports_to_id="vp", position=2,
                    roles=frozenset({BuyingRole.POWER})),
        Stakeholder("ana", "a", "Ana", reports_to_id="dir", position=3),
        Stakeholder("cfo", "a", "Carl", position=4),
    ]
    contact_map = ContactMap(Account("a", "Acme"), people,
                             [TeamMember("t1", "Rep"), TeamMember("t2", "Eng")])
    contact_map.put(Relationship(CellRef("t1", "ceo"), Grade.INDIFFERENT))
    contact_map.put(Relationship(CellRef("t2", "ceo"), Grade.OPEN))
    contact_map.put(Relationship(CellRef("t1", "ana"), Grade.DISSATISFIED, is_key=True))
    contact_map.put(Relationship(CellRef("t2", "ana"), Grade.MOTIVATED))
    contact_map.put(Relationship(CellRef("t1", "cfo"), None, needs_filling=True))
    return contact_map


def test_a_card_holds_the_best_grade_the_count_and_the_worst_concern() -> None:
    cards = power_cards(_map())
    assert (cards["ceo"].best_grade, cards["ceo"].relationship_count) == (Grade.OPEN, 2)
    assert cards["ceo"].worst_concern is Grade.INDIFFERENT
    assert (cards["ana"].best_grade, cards["ana"].worst_concern) == (
        Grade.DISSATISFIED, Grade.MOTIVATED)
    assert cards["cfo"].best_grade is None and cards["cfo"].relationship_count == 0
    assert cards["cfo"].worst_concern is None


@pytest.mark.parametrize(("person", "is_key"), [
    ("ana", True),   # a key relationship
    ("dir", True),   # the Power role
    ("vp", False),
    ("cfo", False),  # needs filling is not key
])
def test_key_stakeholders_have_a_key_relationship_or_the_power_role(
    person: str, is_key: bool
) -> None:
    assert power_cards(_map())[person].is_key is is_key


def test_the_chain_runs_from_the_person_to_the_top_and_stops_on_a_cycle() -> None:
    managers = {n.id: n.manager_id for n in org_nodes(_map().stakeholders)}
    assert chain_to_top(managers, "ana") == ["ana", "dir", "vp", "ceo"]
    assert chain_to_top(managers, "cfo") == ["cfo"]
    assert chain_to_top({"x": "y", "y": "x"}, "x") == ["x", "y"]


def test_uncovered_chain_is_everyone_above_a_key_person_with_no_relationship() -> None:
    contact_map = _map()
    cards = power_cards(contact_map)
    managers = {n.id: n.manager_id for n in org_nodes(contact_map.stakeholders)}
    # Above Ana (key) and Dora (Power): Dora and Vic have nobody; Cleo is covered.
    assert uncovered_chains(cards, managers) == {"dir", "vp"}
    assert uncovered_chains(cards, managers, key_ids=["dir"]) == {"vp"}
    contact_map.put(Relationship(CellRef("t2", "vp"), Grade.SATISFIED))
    assert uncovered_chains(power_cards(contact_map), managers) == {"dir"}


def test_layout_input_follows_the_map_column_order() -> None:
    contact_map = _map()
    shuffled = list(reversed(contact_map.stakeholders))
    assert org_nodes(shuffled)[:2] == [OrgNode("ceo", None), OrgNode("vp", "ceo")]


@pytest.mark.parametrize(("person", "cell"), [
    ("ana", CellRef("t1", "ana")),  # the key relationship, though not the strongest
    ("ceo", CellRef("t2", "ceo")),  # no key one: the strongest (Open over Indifferent)
    ("cfo", None),                  # only a blank cell marked as needing a relationship
    ("dir", None),                  # nobody knows them
])
def test_picking_a_person_shows_their_key_or_else_strongest_relationship(
    person: str, cell: CellRef | None
) -> None:
    assert focus_cell(_map(), person) == cell


def test_on_a_tie_the_first_team_member_in_order_is_shown() -> None:
    contact_map = _map()
    contact_map.put(Relationship(CellRef("t2", "cfo"), Grade.SATISFIED))
    contact_map.put(Relationship(CellRef("t1", "cfo"), Grade.SATISFIED))
    assert focus_cell(contact_map, "cfo") == CellRef("t1", "cfo")
