"""Which people of a map to show: a find text, buying role, seniority, and concerns only.

A pure function of the map and the filter; the window hides the other rows and columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.model import Stakeholder, TeamMember
from contactmap_desktop.domain.people import BuyingRole, Seniority


@dataclass(frozen=True)
class MapFilter:
    """What the user asked to see; the default shows everyone."""

    text: str = ""
    role: BuyingRole | None = None
    seniority: Seniority | None = None
    concerns_only: bool = False

    @property
    def is_active(self) -> bool:
        return bool(self.text.strip()) or self.role is not None \
            or self.seniority is not None or self.concerns_only


@dataclass(frozen=True)
class ShownPeople:
    """The stakeholders (columns) and team members (rows) that pass a filter."""

    stakeholder_ids: frozenset[str]
    team_member_ids: frozenset[str]


def stakeholder_matches(stakeholder: Stakeholder, words: str) -> bool:
    """Does a stakeholder's name, title, department or buying role contain ``words``?"""
    fields = [stakeholder.name, stakeholder.title, stakeholder.department,
              *(role.label for role in stakeholder.roles)]
    return any(words in field.casefold() for field in fields)


def team_member_matches(member: TeamMember, words: str) -> bool:
    return any(words in field.casefold() for field in (member.name, member.title))


def shown_people(contact_map: ContactMap, map_filter: MapFilter) -> ShownPeople:
    """The people to show.

    The text finds people on either side: when it names only stakeholders, every team member
    stays (and the other way round), so that the found people keep their whole row or column.
    Concerns only keeps the rows and columns that have an Indifferent, Dissatisfied or
    Motivated-to-change grade among the people left.
    """
    stakeholders = [s for s in contact_map.stakeholders
                    if (map_filter.role is None or map_filter.role in s.roles)
                    and (map_filter.seniority is None or s.seniority is map_filter.seniority)]
    team = list(contact_map.team_members)
    words = map_filter.text.strip().casefold()
    if words:
        found_stakeholders = [s for s in stakeholders if stakeholder_matches(s, words)]
        found_team = [m for m in team if team_member_matches(m, words)]
        if found_stakeholders or found_team:
            stakeholders = found_stakeholders or stakeholders
            team = found_team or team
        else:
            stakeholders, team = [], []
    column_ids = {s.id for s in stakeholders}
    row_ids = {m.id for m in team}
    if map_filter.concerns_only:
        concerns = [r.cell for r in contact_map.graded()
                    if r.grade is not None and r.grade.is_concern
                    and r.cell.stakeholder_id in column_ids and r.cell.team_member_id in row_ids]
        column_ids = {cell.stakeholder_id for cell in concerns}
        row_ids = {cell.team_member_id for cell in concerns}
    return ShownPeople(frozenset(column_ids), frozenset(row_ids))

