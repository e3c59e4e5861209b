"""Synthetic client organisations of any size as contact maps (tests, screenshots, benchmarks)."""

from __future__ import annotations

import random
from collections import deque
from dataclasses import replace

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    Relationship,
    Stakeholder,
    TeamMember,
    new_id,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.services.workspace_service import OpenWorkspace

_FIRST = ["Ada", "Ben", "Chloé", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena",
          "Mo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tara", "Uri", "Vera", "Wes", "Yara"]
_LAST = ["Abbott", "Brandt", "Castro", "Dahl", "Eze", "Fischer", "García", "Holm", "Ito",
         "Jovanović", "Khan", "Larsen", "Meyer", "Nakamura", "Olsen", "Park", "Quist", "Rossi"]
_TITLES = {
    Seniority.EXECUTIVE: "Chief Officer",
    Seniority.SENIOR_MANAGER: "Vice President",
    Seniority.MANAGER: "Manager",
    Seniority.INDIVIDUAL_CONTRIBUTOR: "Specialist",
}


def synthetic_org(count: int, seed: int = 7, team_size: int = 6,
                  unmanaged_share: float = 0.03) -> ContactMap:
    """A company of ``count`` people: a few trees, some people with no manager, sparse grades."""
    rng = random.Random(seed)
    account = Account("synthetic", f"Synthetic Co ({count})")
    managers: list[str | None] = [None] * count
    depth = [0] * count
    waiting: deque[int] = deque([0])
    next_person = 1
    while next_person < count:
        if not waiting:  # start another tree
            waiting.append(next_person)
            next_person += 1
            continue
        boss = waiting.popleft()
        if boss and rng.random() < 0.35:
            continue  # nobody reports to this one
        for _ in range(rng.randint(2, 7)):
            if next_person >= count:
                break
            if rng.random() < unmanaged_share:
                next_person += 1  # someone with no manager recorded
                continue
            managers[next_person] = str(boss)
            depth[next_person] = depth[boss] + 1
            waiting.append(next_person)
            next_person += 1
    levels = list(Seniority)
    stakeholders = []
    for index in range(count):
        seniority = levels[min(depth[index], len(levels) - 1)]
        roles = {rng.choice(list(BuyingRole))} if rng.random() < 0.4 else set()
        if depth[index] == 0 and index == 0:
            roles = {BuyingRole.POWER}
        stakeholders.append(Stakeholder(
            id=str(index), account_id=account.id,
            name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {index}",
            title=_TITLES[seniority], seniority=seniority, roles=frozenset(roles),
            reports_to_id=managers[index], position=index,
        ))
    team = [TeamMember(f"t{i}", f"Teammate {i}") for i in range(team_size)]
    contact_map = ContactMap(account, stakeholders, team)
    grades = list(Grade)
    for person in stakeholders:
        if rng.random() < 0.45:
            for member in rng.sample(team, rng.randint(1, 3)):
                contact_map.put(Relationship(CellRef(member.id, person.id), rng.choice(grades),
                                             is_key=rng.random() < 0.05))
    return contact_map


def save_org(opened: OpenWorkspace, contact_map: ContactMap) -> str:
    """Store a synthetic org in a workspace through the services; return the new account id."""
    account = opened.accounts.create_account(contact_map.account.name).value
    ids = {s.id: new_id() for s in contact_map.stakeholders}
    for person in contact_map.stakeholders:  # managers come before their reports
        opened.contact_maps.add_stakeholder(replace(
            person, id=ids[person.id], account_id=account.id,
            reports_to_id=ids[person.reports_to_id] if person.reports_to_id else None,
        ))
    members = {m.id: opened.contact_maps.add_team_member(account.id, replace(m, id=new_id())).value
               for m in contact_map.team_members}
    for relationship in contact_map.relationships.values():
        cell = CellRef(members[relationship.cell.team_member_id].id,
                       ids[relationship.cell.stakeholder_id])
        opened.contact_maps.set_grade(cell, relationship.grade)
        if relationship.is_key:
            opened.contact_maps.update_marks(replace(relationship, cell=cell, grade=None))
    return account.id
