"""Find and filter the map's people; sort the stakeholder columns; department groups."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.map_filter import MapFilter, shown_people
from contactmap_desktop.domain.map_order import (
    StakeholderOrder,
    department_starts,
    sorted_stakeholders,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority
from tests.helpers.map_values import build_map, member, stakeholder


def _map() -> ContactMap:
    people = [
        replace(stakeholder("Ada", Seniority.EXECUTIVE, {BuyingRole.POWER}),
                title="Chief Executive", department="Board"),
        replace(stakeholder("Bo", Seniority.INDIVIDUAL_CONTRIBUTOR, {BuyingRole.USER}),
                title="Planner", department="Operations"),
        replace(stakeholder("Cy", Seniority.SENIOR_MANAGER,
                            {BuyingRole.ADVISOR, BuyingRole.EVANGELIST}),
                title="IT Manager", department="IT"),
        replace(stakeholder("Di"), title="Buyer", department="Operations"),
    ]
    team = [replace(member("Rep"), title="Account Executive"),
            replace(member("Eng"), title="Solutions Engineer")]
    return build_map(people, team, {("Rep", "Ada"): "O", ("Eng", "Bo"): "D",
                                    ("Rep", "Cy"): "I", ("Eng", "Cy"): "T"})


def _names(contact_map: ContactMap, wanted: MapFilter) -> tuple[list[str], list[str]]:
    shown = shown_people(contact_map, wanted)
    return ([s.name for s in contact_map.stakeholders if s.id in shown.stakeholder_ids],
            [m.name for m in contact_map.team_members if m.id in shown.team_member_ids])


@pytest.mark.parametrize(("wanted", "columns", "rows"), [
    (MapFilter(), ["Ada", "Bo", "Cy", "Di"], ["Rep", "Eng"]),
    (MapFilter(text="  "), ["Ada", "Bo", "Cy", "Di"], ["Rep", "Eng"]),
    (MapFilter(text="ada"), ["Ada"], ["Rep", "Eng"]),  # a name, any case
    (MapFilter(text="OPERATIONS"), ["Bo", "Di"], ["Rep", "Eng"]),  # a department
    (MapFilter(text="advisor"), ["Cy"], ["Rep", "Eng"]),  # a buying role
    (MapFilter(text="planner"), ["Bo"], ["Rep", "Eng"]),  # a title
    (MapFilter(text="engineer"), ["Ada", "Bo", "Cy", "Di"], ["Eng"]),  # our side only
    (MapFilter(text="executive"), ["Ada"], ["Rep"]),  # found on both sides
    (MapFilter(text="nobody"), [], []),
    (MapFilter(role=BuyingRole.POWER), ["Ada"], ["Rep", "Eng"]),
    (MapFilter(seniority=Seniority.SENIOR_MANAGER), ["Cy"], ["Rep", "Eng"]),
    (MapFilter(concerns_only=True), ["Bo", "Cy"], ["Rep", "Eng"]),
    (MapFilter(text="eng", concerns_only=True), ["Bo"], ["Eng"]),
    (MapFilter(role=BuyingRole.POWER, concerns_only=True), [], []),
    (MapFilter(text="o", role=BuyingRole.USER), ["Bo"], ["Rep", "Eng"]),
])
def test_shown_people(wanted: MapFilter, columns: list[str], rows: list[str]) -> None:
    assert _names(_map(), wanted) == (columns, rows)


def test_a_filter_is_active_when_anything_is_asked() -> None:
    assert not MapFilter().is_active and not MapFilter(text=" ").is_active
    assert MapFilter(text="a").is_active and MapFilter(concerns_only=True).is_active
    assert MapFilter(role=BuyingRole.USER).is_active
    assert MapFilter(seniority=Seniority.MANAGER).is_active


@pytest.mark.parametrize(("order", "names"), [
    (StakeholderOrder.NAME, ["Ada", "Bo", "Cy", "Di"]),
    (StakeholderOrder.SENIORITY, ["Ada", "Cy", "Di", "Bo"]),
    (StakeholderOrder.ROLE, ["Ada", "Bo", "Cy", "Di"]),  # P, U, A+E, none
    # Board, IT, Operations; inside a department the order given is kept (here reversed).
    (StakeholderOrder.DEPARTMENT, ["Ada", "Cy", "Di", "Bo"]),
])
def test_sorted_stakeholders(order: StakeholderOrder, names: list[str]) -> None:
    people = list(reversed(_map().stakeholders))
    assert [s.name for s in sorted_stakeholders(people, order)] == names


def test_department_sort_keeps_the_order_inside_a_department_and_puts_none_last() -> None:
    people = [replace(stakeholder("X"), department=""), *_map().stakeholders]
    ordered = sorted_stakeholders(people, StakeholderOrder.DEPARTMENT)
    assert [s.name for s in ordered] == ["Ada", "Cy", "Bo", "Di", "X"]


def test_department_starts_mark_each_change_of_department() -> None:
    people = sorted_stakeholders(_map().stakeholders, StakeholderOrder.DEPARTMENT)
    assert department_starts(people) == {"s-Cy", "s-Bo"}
    assert department_starts([]) == set()
    assert department_starts(people[2:]) == set()  # Operations only
