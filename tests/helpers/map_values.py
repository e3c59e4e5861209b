"""Contact Maps built in memory from short specs, for the pure rule tests (no database)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority

REVIEWED = datetime(2026, 3, 1, 12, 0)


def stakeholder(name: str, seniority: Seniority = Seniority.MANAGER,
                roles: Iterable[BuyingRole] = ()) -> Stakeholder:
    return Stakeholder(id=f"s-{name}", account_id="a", name=name, seniority=seniority,
                       roles=frozenset(roles))


def member(name: str, seniority: Seniority = Seniority.MANAGER) -> TeamMember:
    return TeamMember(id=f"t-{name}", name=name, seniority=seniority)


def cell(member_name: str, stakeholder_name: str) -> CellRef:
    return CellRef(f"t-{member_name}", f"s-{stakeholder_name}")


def build_map(
    stakeholders: list[Stakeholder],
    members: list[TeamMember],
    grades: Mapping[tuple[str, str], str] | None = None,
    reviewed_at: datetime | None = REVIEWED,
    keys: Iterable[tuple[str, str]] = (),
    history: Iterable[GradeChange] = (),
) -> ContactMap:
    """``grades`` maps (member name, stakeholder name) to a letter; "" leaves the cell blank."""
    relationships: dict[CellRef, Relationship] = {}
    for (m, s), letter in (grades or {}).items():
        ref = cell(m, s)
        relationships[ref] = Relationship(ref, Grade.parse(letter), reviewed_at=reviewed_at)
    for m, s in keys:
        ref = cell(m, s)
        current = relationships.get(ref) or Relationship(ref)
        relationships[ref] = Relationship(ref, current.grade, is_key=True,
                                          reviewed_at=current.reviewed_at)
    return ContactMap(
        account=Account(id="a", name="Acme"),
        stakeholders=stakeholders,
        team_members=members,
        relationships={k: v for k, v in relationships.items() if not v.is_empty},
        history=list(history),
    )


def grid(letters: str) -> ContactMap:
    """A map with one team member per letter, all on one stakeholder "X" (shares and counts)."""
    members = [member(f"m{i}") for i in range(len(letters))]
    return build_map([stakeholder("X")], members,
                     {(f"m{i}", "X"): letter for i, letter in enumerate(letters)})
