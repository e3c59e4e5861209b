"""Leverage links: a Trust or Open relationship used to improve another one on the map.

Article 004: Trust and Open relationships can often be leveraged to improve other
relationships, and the map may link them visually. A link whose source has since cooled below
Open can no longer carry that weight, so it is flagged rather than silently kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef

LEVERAGE_GRADES = frozenset({Grade.TRUST, Grade.OPEN})


@dataclass(frozen=True, slots=True)
class LeverageLink:
    """One link from a source relationship to the one it should help improve."""

    source: CellRef
    target: CellRef
    source_grade: Grade | None

    @property
    def usable(self) -> bool:
        """True while the source is still Trust or Open."""
        return self.source_grade in LEVERAGE_GRADES


def leverage_links(contact_map: ContactMap) -> list[LeverageLink]:
    """Every link between two cells of people still on the map, in map order."""
    links = []
    for relationship in contact_map.relationships.values():
        if not relationship.leverage_for or not contact_map.has_cell(relationship.cell):
            continue
        for target in relationship.leverage_for:
            if contact_map.has_cell(target):
                links.append(LeverageLink(relationship.cell, target, relationship.grade))
    return links
