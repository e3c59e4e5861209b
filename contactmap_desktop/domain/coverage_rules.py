"""The rules about who on our team covers whom today: grades below Satisfied, how many
relationships each stakeholder has and with whom, buying roles, the shares of the grades."""

from __future__ import annotations

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder
from contactmap_desktop.domain.people import BuyingRole


def cell_names(contact_map: ContactMap, cell: CellRef) -> tuple[str, str]:
    """The cell's team member and stakeholder, by name (the map's own strings)."""
    return (contact_map.team_member(cell.team_member_id).name,
            contact_map.stakeholder(cell.stakeholder_id).name)


def graded_columns(contact_map: ContactMap) -> dict[str, list[CellRef]]:
    """Graded cells per live stakeholder (rows of people no longer on the team are ignored)."""
    members = {m.id for m in contact_map.team_members}
    columns: dict[str, list[CellRef]] = {s.id: [] for s in contact_map.stakeholders}
    for relationship in contact_map.graded():
        cell = relationship.cell
        if cell.stakeholder_id in columns and cell.team_member_id in members:
            columns[cell.stakeholder_id].append(cell)
    return columns


def graded_cells(contact_map: ContactMap) -> list[CellRef]:
    return [cell for cells in graded_columns(contact_map).values() for cell in cells]


# Article 004: below Satisfied, either improve the relationship or change it (someone else on
# the team takes the person over); Motivated to change is almost impossible to rescue.
_BELOW_SATISFIED_ADVICE = {
    Grade.MOTIVATED: "is taking steps to replace us — such a relationship is almost impossible "
                     "to rescue: act now, and consider handing {first} to someone else on the "
                     "team",
    Grade.DISSATISFIED: "is unhappy with our work — improve the relationship, or change it by "
                        "handing {first} to someone else on the team",
    Grade.INDIFFERENT: "sees no compelling reason to work with us — give them one, or change "
                       "the relationship by handing {first} to someone else on the team",
}


def below_satisfied(contact_map: ContactMap) -> list[Finding]:
    """Indifferent, Dissatisfied and Motivated to change are concerns; Motivated is the worst."""
    found = []
    for cell in graded_cells(contact_map):
        grade = contact_map.grade(cell)
        if grade is None or not grade.is_concern:
            continue
        member, stakeholder = cell_names(contact_map, cell)
        found.append(Finding(
            Rule.BELOW_SATISFIED, Severity.CONCERN, _below_satisfied,
            (stakeholder, grade, member), cells=(cell,), rank=grade.level,
        ))
    return found


def _below_satisfied(stakeholder: str, grade: Grade, member: str) -> str:
    first = stakeholder.split()[0]
    return (f"{stakeholder} is {grade.label} with {member}: {first} "
            f"{_BELOW_SATISFIED_ADVICE[grade].format(first=first)}.")


def all_below_satisfied(contact_map: ContactMap) -> list[Finding]:
    """A stakeholder every one of whose relationships is below Satisfied: nobody on the team
    has a working relationship with them, whatever the number of contacts."""
    found = []
    for stakeholder_id, cells in graded_columns(contact_map).items():
        grades = [contact_map.grade(cell) for cell in cells]
        if not grades or not all(g is not None and g.is_concern for g in grades):
            continue
        found.append(Finding(
            Rule.ALL_BELOW_SATISFIED, Severity.CONCERN, _all_below_satisfied,
            (contact_map.stakeholder(stakeholder_id).name, len(cells)),
            cells=tuple(cells), stakeholder_ids=(stakeholder_id,),
            rank=-1,  # a whole column before single cells
        ))
    return found


def _all_below_satisfied(name: str, count: int) -> str:
    return (f"Every relationship with {name} is below Satisfied ({count} of {count}): nobody "
            "on the team has a working relationship with them — decide who can rebuild one.")


def too_many_keys(contact_map: ContactMap, thresholds: CoverageThresholds) -> list[Finding]:
    """More key relationships than the threshold: a focus period is for a small number."""
    members = {m.id for m in contact_map.team_members}
    stakeholders = {s.id for s in contact_map.stakeholders}
    keys = tuple(r.cell for r in contact_map.relationships.values()
                 if r.is_key and r.cell.team_member_id in members
                 and r.cell.stakeholder_id in stakeholders)
    if len(keys) <= thresholds.most_key_relationships:
        return []
    return [Finding(
        Rule.TOO_MANY_KEYS, Severity.WARNING, _too_many_keys,
        (len(keys), thresholds.most_key_relationships), cells=keys,
    )]


def _too_many_keys(count: int, most: int) -> str:
    return (f"{count} relationships are marked key (more than {most}): in a 30, 60 or 90-day "
            "period only a small number of intersections can get real attention — keep the "
            "few that matter most.")


def relationship_counts(contact_map: ContactMap, thresholds: CoverageThresholds) -> list[Finding]:
    """No relationship, only one (too thin), or more than the limit (too many) per stakeholder.

    Only graded cells count: a blank cell is no relationship, while Indifferent is one.
    """
    found = []
    columns = graded_columns(contact_map)
    for stakeholder in contact_map.stakeholders:
        cells = tuple(columns[stakeholder.id])
        column = (stakeholder.id,)
        if not cells:
            found.append(Finding(
                Rule.NO_RELATIONSHIP, Severity.WARNING, _no_relationship, (stakeholder,),
                stakeholder_ids=column,
            ))
        elif len(cells) == 1:
            only = contact_map.team_member(cells[0].team_member_id).name
            found.append(Finding(
                Rule.THIN_COVERAGE, Severity.WARNING, _thin_coverage, (stakeholder.name, only),
                cells=cells, stakeholder_ids=column,
            ))
        elif len(cells) > thresholds.most_relationships:
            found.append(Finding(
                Rule.TOO_MANY, Severity.INFO, _too_many,
                (len(cells), stakeholder.name, thresholds.most_relationships),
                cells=cells, stakeholder_ids=column,
            ))
    return found


def _no_relationship(stakeholder: Stakeholder) -> str:
    return (f"Nobody on the team has a relationship with {stakeholder.name}"
            f"{_role_phrase(stakeholder)}.")


def _thin_coverage(name: str, only: str) -> str:
    return (f"{name} is covered by {only} alone: one relationship is thin — if it cools or "
            "that person leaves, the access is gone.")


def _too_many(count: int, name: str, most: int) -> str:
    return (f"{count} people on the team deal with {name} (more than {most}): agree who leads "
            "so the messages stay consistent.")


def _role_phrase(stakeholder: Stakeholder) -> str:
    roles = [role.label for role in BuyingRole if role in stakeholder.roles]
    if not roles:
        return ""
    return f" ({' and '.join(roles)} buyer)"


def seniors_without_seniors(contact_map: ContactMap) -> list[Finding]:
    """An executive or senior manager at the client needs a relationship with one of ours."""
    seniors = [m for m in contact_map.team_members if m.seniority.is_senior]
    senior_ids = {m.id for m in seniors}
    columns = graded_columns(contact_map)
    # One sentence's end for every finding of the map.
    advice = (f"consider who among {', '.join(m.name for m in seniors)} should build one"
              if seniors else
              "the account team has no executive or senior manager to pair with them")
    found = []
    for stakeholder in contact_map.stakeholders:
        if not stakeholder.seniority.is_senior:
            continue
        if any(cell.team_member_id in senior_ids for cell in columns[stakeholder.id]):
            continue
        found.append(Finding(
            Rule.SENIOR_WITHOUT_SENIOR, Severity.WARNING, _senior_without_senior,
            (stakeholder, advice),
            cells=tuple(CellRef(m.id, stakeholder.id) for m in seniors),
            stakeholder_ids=(stakeholder.id,),
        ))
    return found


def _senior_without_senior(stakeholder: Stakeholder, advice: str) -> str:
    return (f"{stakeholder.name} ({stakeholder.seniority.label.lower()}) has no relationship "
            f"with a senior person on our side: {advice}.")


def uncovered_roles(contact_map: ContactMap) -> list[Finding]:
    """A buying role whose stakeholders have no relationship at all, e.g. no one on Power."""
    columns = graded_columns(contact_map)
    found = []
    for role in BuyingRole:
        holders = [s for s in contact_map.stakeholders if role in s.roles]
        if not holders or any(columns[s.id] for s in holders):
            continue
        found.append(Finding(
            Rule.UNCOVERED_ROLE, Severity.CONCERN, _uncovered_role,
            (role, ", ".join(s.name for s in holders)),
            stakeholder_ids=tuple(s.id for s in holders),
            rank=-1,  # a whole role uncovered comes before single cells
        ))
    return found


def _uncovered_role(role: BuyingRole, names: str) -> str:
    return f"No one on the team covers the {role.label} buyer ({names})."


def grade_shares(contact_map: ContactMap, thresholds: CoverageThresholds) -> list[Finding]:
    """Too much Trust is a generous assessment; too little Open leaves little to build on.

    Both compare whole numbers (count × 100 against limit × graded) so that a share exactly
    at the threshold never speaks up. Below ``fewest_graded_for_shares`` graded cells neither
    speaks: a share of a handful of cells says nothing about the mix.
    """
    graded = graded_cells(contact_map)
    total = len(graded)
    if total == 0 or total < thresholds.fewest_graded_for_shares:
        return []
    trust = [c for c in graded if contact_map.grade(c) is Grade.TRUST]
    open_ = [c for c in graded if contact_map.grade(c) is Grade.OPEN]
    satisfied = [c for c in graded if contact_map.grade(c) is Grade.SATISFIED]
    found = []
    if len(trust) * 100 > thresholds.trust_share_limit * total:
        found.append(Finding(
            Rule.GENEROUS_TRUST, Severity.WARNING, _generous_trust,
            (len(trust), total, thresholds.trust_share_limit), cells=tuple(trust),
        ))
    if len(open_) * 100 < thresholds.open_share_floor * total:
        found.append(Finding(
            Rule.FEW_OPEN, Severity.WARNING, _few_open,
            (len(open_), total, thresholds.open_share_floor),
            # The cells to work on: Satisfied first; with none, every graded cell.
            cells=tuple(satisfied or graded),
        ))
    return found


def _generous_trust(trust: int, total: int, limit: int) -> str:
    return (f"{trust} of {total} graded relationships are Trust ({_percent(trust, total)}, "
            f"above {limit} %): the assessment is probably generous — when in doubt, grade "
            "down.")


def _few_open(open_: int, total: int, floor: int) -> str:
    return (f"Only {open_} of {total} graded relationships are Open ({_percent(open_, total)}, "
            f"below {floor} %): the method wants lots of them; the Satisfied ones are the "
            "first to move up.")


def _percent(count: int, total: int) -> str:
    return f"{round(100 * count / total)} %"
