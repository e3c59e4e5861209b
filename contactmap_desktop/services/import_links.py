"""The parts of imported rows that link people: grades with our team (team members created or
put on the account's team as needed) and reporting lines. Written inside the import's own
transaction, so an import with grades is still one operation and one undo step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from contactmap_desktop.domain.import_plan import Candidate, ImportPlan
from contactmap_desktop.domain.model import CellRef, Relationship, Stakeholder, TeamMember, new_id
from contactmap_desktop.domain.validation import clean_name
from contactmap_desktop.services.contact_map_service import (
    GradeResult,
    take_back_grade,
    write_grade,
)
from contactmap_desktop.storage.repositories import Repositories

IMPORT_NOTE = "Imported from a file"


@dataclass(frozen=True)
class ReportingLine:
    """A manager set by an import: who, and their manager before and after."""

    stakeholder_id: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class LinksResult:
    """What the links of an import wrote, with what is needed to take it back."""

    joined: tuple[TeamMember, ...] = ()  # put on the account's team by the import
    created: tuple[str, ...] = ()  # of those, the ids of people new to the workspace
    grades: tuple[GradeResult, ...] = ()
    before: tuple[Relationship, ...] = ()  # the graded cells as they were
    reporting: tuple[ReportingLine, ...] = ()
    unknown_managers: tuple[tuple[int, str], ...] = ()  # (line, text) no one matched


def write_links(repos: Repositories, account_id: str, plan: ImportPlan,
                ids_by_line: Mapping[int, str], now: datetime, by: str) -> LinksResult:
    """Grades and reporting lines of every row that became (or matched) a stakeholder."""
    rows = [(row.candidate, ids_by_line[row.line]) for row in plan.rows
            if row.candidate is not None and row.line in ids_by_line]
    members, joined, created = _team_for(repos, account_id, plan.grade_members, now)
    reporting, unknown = _reporting_lines(repos, account_id, rows, now)
    before: list[Relationship] = []
    grades: list[GradeResult] = []
    for candidate, stakeholder_id in rows:
        for member_id, grade in zip(members, candidate.grades, strict=False):
            cell = CellRef(member_id, stakeholder_id)
            if grade is None:
                continue  # a blank cell in a file never takes a grade away
            current = repos.relationships.get(cell)
            if current.grade is not grade:
                before.append(current)
                grades.append(write_grade(repos, cell, grade, IMPORT_NOTE, now, by))
    return LinksResult(tuple(joined), tuple(created), tuple(grades), tuple(before),
                       tuple(reporting), tuple(unknown))


def take_back_links(repos: Repositories, account_id: str, links: LinksResult,
                    now: datetime, by: str) -> None:
    """Undo: grades back (recorded), managers back, the team as it was."""
    before = {r.cell: r for r in links.before}
    for done in reversed(links.grades):
        take_back_grade(repos, done, before[done.relationship.cell], IMPORT_NOTE, now, by)
    for line in links.reporting:
        _set_manager(repos, line.stakeholder_id, line.before, now)
    for member in links.joined:
        repos.relationships.delete_for_team_member_in_account(account_id, member.id)
        repos.team_members.remove_from_account(account_id, member.id)


def redo_links(repos: Repositories, account_id: str, plan: ImportPlan,
               ids_by_line: Mapping[int, str], links: LinksResult, now: datetime,
               by: str) -> LinksResult:
    """Put undone links back: the same people on the team, the grades written again."""
    for member in links.joined:
        repos.team_members.save(member, now)
        repos.team_members.add_to_account(account_id, member.id, None, now)
    again = write_links(repos, account_id, plan, ids_by_line, now, by)
    return replace(again, joined=links.joined, created=links.created)


def _team_for(repos: Repositories, account_id: str, names: Sequence[str], now: datetime
              ) -> tuple[list[str], list[TeamMember], list[str]]:
    """The team member id of each grade column: someone on the team of that name, else
    someone of that name elsewhere in the workspace (put on the team), else a new person."""
    team = {m.name.casefold(): m for m in repos.team_members.list_for_account(account_id)}
    everyone = {m.name.casefold(): m for m in repos.team_members.list_all()}
    ids: list[str] = []
    joined: list[TeamMember] = []
    created: list[str] = []
    for name in names:
        key = name.casefold()
        member = team.get(key)
        if member is None:
            member = everyone.get(key)
            if member is None:
                member = TeamMember(new_id(), clean_name(name, "team member"))
                repos.team_members.save(member, now)
                created.append(member.id)
            repos.team_members.add_to_account(account_id, member.id, None, now)
            team[key] = member
            joined.append(member)
        ids.append(member.id)
    return ids, joined, created


def _reporting_lines(repos: Repositories, account_id: str,
                     rows: Sequence[tuple[Candidate, str]], now: datetime
                     ) -> tuple[list[ReportingLine], list[tuple[int, str]]]:
    """Each row's manager found by email, else by name, among the account's people
    (those just imported included); a line that would close a loop is left out."""
    people = {s.id: s for s in repos.stakeholders.list_for_account(account_id)}
    by_email = {s.email.casefold(): s.id for s in people.values() if s.email}
    by_name = {s.name.casefold(): s.id for s in people.values()}
    manager_of = {s.id: s.reports_to_id for s in people.values()}
    lines: list[ReportingLine] = []
    unknown: list[tuple[int, str]] = []
    for candidate, stakeholder_id in rows:
        text = candidate.reports_to.strip()
        if not text:
            continue
        manager = by_email.get(text.casefold()) or by_name.get(text.casefold())
        if manager is None or _closes_loop(manager_of, stakeholder_id, manager):
            unknown.append((candidate.line, text))
            continue
        if manager_of.get(stakeholder_id) != manager:
            lines.append(ReportingLine(stakeholder_id, manager_of.get(stakeholder_id), manager))
            manager_of[stakeholder_id] = manager
            _set_manager(repos, stakeholder_id, manager, now)
    return lines, unknown


def _closes_loop(manager_of: Mapping[str, str | None], stakeholder_id: str,
                 manager: str) -> bool:
    current: str | None = manager
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current == stakeholder_id:
            return True
        seen.add(current)
        current = manager_of.get(current)
    return False


def _set_manager(repos: Repositories, stakeholder_id: str, manager: str | None,
                 now: datetime) -> None:
    stakeholder: Stakeholder = repos.stakeholders.get(stakeholder_id)
    repos.stakeholders.save(replace(stakeholder, reports_to_id=manager), now)
