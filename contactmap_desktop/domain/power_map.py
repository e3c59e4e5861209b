"""The power map as values: each stakeholder's card, the chain of command, uncovered chains.

A key stakeholder is someone we marked a key relationship with, or who holds the Power role:
the people a deal cannot move without. The uncovered chain of a key stakeholder is everyone
above them with no relationship at all to anyone on our team — the gaps to close first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder
from contactmap_desktop.domain.org_chart_layout import OrgNode
from contactmap_desktop.domain.people import BuyingRole


@dataclass(frozen=True)
class PowerCard:
    """What a card on the power map shows about one stakeholder."""

    stakeholder: Stakeholder
    best_grade: Grade | None  # the best grade any team member holds with them
    relationship_count: int  # graded relationships, as in the grid's column depth
    has_key_relationship: bool
    worst_concern: Grade | None  # the lowest grade below Satisfied, if any

    @property
    def is_key(self) -> bool:
        return self.has_key_relationship or BuyingRole.POWER in self.stakeholder.roles

    @property
    def is_uncovered(self) -> bool:
        return self.relationship_count == 0


def power_cards(contact_map: ContactMap) -> dict[str, PowerCard]:
    """One card per stakeholder of the map, keyed by stakeholder id."""
    best: dict[str, Grade] = {}
    worst: dict[str, Grade] = {}
    key: set[str] = set()
    for relationship in contact_map.relationships.values():
        column = relationship.cell.stakeholder_id
        if relationship.is_key:
            key.add(column)
        grade = relationship.grade
        if grade is None:
            continue
        if column not in best or grade.level > best[column].level:
            best[column] = grade
        if grade.is_concern and (column not in worst or grade.level < worst[column].level):
            worst[column] = grade
    return {
        s.id: PowerCard(
            stakeholder=s,
            best_grade=best.get(s.id),
            relationship_count=contact_map.depth(s.id),
            has_key_relationship=s.id in key,
            worst_concern=worst.get(s.id),
        )
        for s in contact_map.stakeholders
    }


def focus_cell(contact_map: ContactMap, stakeholder_id: str) -> CellRef | None:
    """The relationship to show beside the chart when a person is picked on it: their key
    relationship, else the strongest one (the first in team order on a tie); None when nobody
    on our team knows them."""
    cells = [CellRef(member.id, stakeholder_id) for member in contact_map.team_members]
    key = [cell for cell in cells if contact_map.relationship(cell).is_key]
    if key:
        return key[0]
    levels = {cell: grade.level for cell in cells
              if (grade := contact_map.grade(cell)) is not None}
    return max(levels, key=levels.__getitem__, default=None)


def org_nodes(stakeholders: Iterable[Stakeholder]) -> list[OrgNode]:
    """The layout's input, in the map's column order."""
    ordered = sorted(stakeholders, key=lambda s: (s.position, s.name.casefold()))
    return [OrgNode(s.id, s.reports_to_id) for s in ordered]


def chain_to_top(managers: Mapping[str, str | None], person_id: str) -> list[str]:
    """The person, their manager, and so on up to the top; stops safely on a cycle."""
    chain: list[str] = []
    current: str | None = person_id
    while current is not None and current in managers and current not in chain:
        chain.append(current)
        current = managers[current]
    return chain


def uncovered_chains(
    cards: Mapping[str, PowerCard], managers: Mapping[str, str | None],
    key_ids: Sequence[str] | None = None,
) -> frozenset[str]:
    """People above a key stakeholder (or above ``key_ids``) with no relationship at all."""
    starts = key_ids if key_ids is not None else [i for i, card in cards.items() if card.is_key]
    uncovered: set[str] = set()
    for start in starts:
        for above in chain_to_top(managers, start)[1:]:
            if cards[above].is_uncovered:
                uncovered.add(above)
    return frozenset(uncovered)
