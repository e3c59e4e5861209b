"""The coverage rules of the method as pure functions: (map, thresholds, today) → findings.

Each rule reads the map the way an experienced sales leader would and names the cells or
columns it is about, so the app can take the user there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.dates import ENGLISH
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.leverage import leverage_links
from contactmap_desktop.domain.model import CellRef, GradeChange, Stakeholder
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.reviews import is_stale
from contactmap_desktop.domain.wording import counted


class Severity(Enum):
    """How urgently a finding asks for action; the order of the members is the display order."""

    CONCERN = "concern"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"concern": "Concerns", "warning": "Warnings", "info": "Notes"}[self.value]

    @property
    def order(self) -> int:
        return list(Severity).index(self)


class Rule(Enum):
    """The rules, by stable id (the id is part of the command line's JSON output)."""

    BELOW_SATISFIED = "below-satisfied"
    NO_RELATIONSHIP = "no-relationship"
    THIN_COVERAGE = "thin-coverage"
    TOO_MANY = "too-many-relationships"
    SENIOR_WITHOUT_SENIOR = "senior-without-senior"
    GENEROUS_TRUST = "generous-trust"
    FEW_OPEN = "few-open"
    BIG_JUMP = "big-jump"
    NOT_REVIEWED = "not-reviewed"
    KEY_WITHOUT_BLUEPRINT = "key-without-blueprint"
    UNCOVERED_ROLE = "uncovered-role"
    COOLED_LEVERAGE = "cooled-leverage"
    ALL_BELOW_SATISFIED = "all-below-satisfied"
    TOO_MANY_KEYS = "too-many-key-relationships"

    @property
    def id(self) -> str:
        return self.value

    @property
    def title(self) -> str:
        """What a list of this rule's findings is about, in a few words."""
        return _RULE_TITLES[self]


_RULE_TITLES = {
    Rule.BELOW_SATISFIED: "relationships below Satisfied",
    Rule.NO_RELATIONSHIP: "stakeholders nobody on our team knows",
    Rule.THIN_COVERAGE: "stakeholders known by one of us only",
    Rule.TOO_MANY: "stakeholders with more contacts than they need",
    Rule.SENIOR_WITHOUT_SENIOR: "senior stakeholders without a senior contact",
    Rule.GENEROUS_TRUST: "maps with a generous share of Trust",
    Rule.FEW_OPEN: "maps with few Open relationships",
    Rule.BIG_JUMP: "grades that moved more than one level at once",
    Rule.NOT_REVIEWED: "grades not reviewed for a long time",
    Rule.KEY_WITHOUT_BLUEPRINT: "key relationships without a blueprint",
    Rule.UNCOVERED_ROLE: "buying roles nobody covers",
    Rule.COOLED_LEVERAGE: "leverage links whose source is no longer Trust or Open",
    Rule.ALL_BELOW_SATISFIED: "stakeholders with every relationship below Satisfied",
    Rule.TOO_MANY_KEYS: "maps with more key relationships than one can focus on",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the map tells the executive, with where to look.

    Its sentence is put into words when it is read (``message``), from ``words`` (the names,
    grades, dates and counts it is made of, shared with the map): a 1,000 × 100 account has
    14,000 findings, most of them never read, and their sentences were two thirds of their
    memory (5.8 of 8.5 MB). ``words`` never holds the map itself, which it would keep alive.
    """

    rule: Rule
    severity: Severity
    say: Callable[..., str]  # words → sentence
    words: tuple[object, ...]
    cells: tuple[CellRef, ...] = ()
    stakeholder_ids: tuple[str, ...] = ()  # columns
    rank: int = 0  # order within a severity: lower is more severe

    @property
    def message(self) -> str:
        return self.say(*self.words)


def coverage_findings(
    contact_map: ContactMap,
    thresholds: CoverageThresholds,
    today: date,
    cells_with_blueprint: frozenset[CellRef] | None = None,
) -> list[Finding]:
    """Every finding of every rule, most severe first.

    ``cells_with_blueprint`` is None while the workspace has no blueprints feature: then the
    key-without-blueprint rule stays silent instead of flagging every key cell.
    """
    found: list[Finding] = []
    found += below_satisfied(contact_map)
    found += all_below_satisfied(contact_map)
    found += too_many_keys(contact_map, thresholds)
    found += relationship_counts(contact_map, thresholds)
    found += seniors_without_seniors(contact_map)
    found += uncovered_roles(contact_map)
    found += grade_shares(contact_map, thresholds)
    found += big_jumps(contact_map)
    found += not_reviewed(contact_map, thresholds, today)
    found += keys_without_blueprint(contact_map, cells_with_blueprint)
    found += cooled_leverage(contact_map)
    rule_order = {rule: number for number, rule in enumerate(Rule)}
    found = _without_repeats(found)
    # By severity, then rank, then rule: stable sorts in place, least significant key first.
    # Their keys are small ints Python keeps once; a key tuple per finding was 0.9 MB at
    # 14,000 findings, on top of the findings themselves.
    found.sort(key=lambda f: rule_order[f.rule])
    found.sort(key=lambda f: f.rank)
    found.sort(key=lambda f: f.severity.order)
    return found


def _without_repeats(found: list[Finding]) -> list[Finding]:
    """Each lack said once, by the broadest finding that says it.

    A stakeholder no one on the team knows is named by "no one covers the Power buyer" when
    they hold a role nobody covers, else by "nobody has a relationship with"; the narrower
    findings about the same person ("no relationship with a senior person", "nobody has a
    relationship with") would repeat it.
    """
    uncovered = {s for f in found if f.rule is Rule.UNCOVERED_ROLE for s in f.stakeholder_ids}
    unknown = uncovered | {s for f in found if f.rule is Rule.NO_RELATIONSHIP
                           for s in f.stakeholder_ids}
    narrower = {Rule.NO_RELATIONSHIP: uncovered, Rule.SENIOR_WITHOUT_SENIOR: unknown}
    return [f for f in found
            if not (f.rule in narrower and set(f.stakeholder_ids) <= narrower[f.rule])]


def _names(contact_map: ContactMap, cell: CellRef) -> tuple[str, str]:
    """The cell's team member and stakeholder, by name (the map's own strings)."""
    return (contact_map.team_member(cell.team_member_id).name,
            contact_map.stakeholder(cell.stakeholder_id).name)


def _graded_columns(contact_map: ContactMap) -> dict[str, list[CellRef]]:
    """Graded cells per live stakeholder (rows of people no longer on the team are ignored)."""
    members = {m.id for m in contact_map.team_members}
    columns: dict[str, list[CellRef]] = {s.id: [] for s in contact_map.stakeholders}
    for relationship in contact_map.graded():
        cell = relationship.cell
        if cell.stakeholder_id in columns and cell.team_member_id in members:
            columns[cell.stakeholder_id].append(cell)
    return columns


def _graded_cells(contact_map: ContactMap) -> list[CellRef]:
    return [cell for cells in _graded_columns(contact_map).values() for cell in cells]


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
    for cell in _graded_cells(contact_map):
        grade = contact_map.grade(cell)
        if grade is None or not grade.is_concern:
            continue
        member, stakeholder = _names(contact_map, cell)
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
    for stakeholder_id, cells in _graded_columns(contact_map).items():
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
    columns = _graded_columns(contact_map)
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
    columns = _graded_columns(contact_map)
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
    columns = _graded_columns(contact_map)
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
    graded = _graded_cells(contact_map)
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


def big_jumps(contact_map: ContactMap) -> list[Finding]:
    """A cell whose latest change moved more than one level: relationships move one at a time.

    Only the latest change of a cell is read, so a later change settles it; a change that
    reverses the one before it (an undo) cancels it, and a redo brings the jump back. A jump
    is never blocked, but without a note it asks for one.
    """
    members = {m.id for m in contact_map.team_members}
    stakeholders = {s.id for s in contact_map.stakeholders}
    found = []
    # Cell by cell, from the map's own index: a stack per cell for the whole history at once
    # was 2.3 MB at 1,000 × 100, just as the findings were being made.
    for cell, changes in contact_map.histories():
        if cell.team_member_id not in members or cell.stakeholder_id not in stakeholders:
            continue
        change = _standing_move(changes)
        if change is None or abs(change.levels_moved) <= 1:
            continue
        found.append(Finding(
            Rule.BIG_JUMP, Severity.INFO if change.note else Severity.WARNING, _big_jump,
            (*_names(contact_map, cell), change), cells=(cell,),
        ))
    return found


def _big_jump(member: str, stakeholder: str, change: GradeChange) -> str:
    assert change.old_grade is not None and change.new_grade is not None
    direction = "up" if change.levels_moved > 0 else "down"
    moved = (
        f"{member} with {stakeholder} moved {abs(change.levels_moved)} levels {direction} at "
        f"once ({change.old_grade.label} to {change.new_grade.label}) on "
        f"{ENGLISH.format(change.changed_at)}"
    )
    if change.note:
        return f"{moved}; the note says: {change.note}"
    return (f"{moved}: relationships usually move one level at a time — add a note saying "
            "what happened, or check the grade.")


def _standing_move(changes: Iterable[GradeChange]) -> GradeChange | None:
    """A cell's latest move of grade that stands: reviews left out, each undo (which records
    the reverse change) cancelling the change it undoes."""
    stack: list[GradeChange] = []
    for change in changes:
        if change.is_review:  # the grade was confirmed, not moved
            continue
        if stack and _reverses(stack[-1], change):
            stack.pop()
        else:
            stack.append(change)
    return stack[-1] if stack else None


def _reverses(before: GradeChange, after: GradeChange) -> bool:
    return before.old_grade == after.new_grade and before.new_grade == after.old_grade


def not_reviewed(
    contact_map: ContactMap, thresholds: CoverageThresholds, today: date
) -> list[Finding]:
    """A graded relationship not reviewed for longer than the threshold drifts to Indifferent.

    Confirming the grade (typing it again, Mark Reviewed) is a review and clears the finding.
    """
    found = []
    for cell in _graded_cells(contact_map):
        relationship = contact_map.relationship(cell)
        if not is_stale(relationship, thresholds.stale_after_days, today):
            continue
        found.append(Finding(
            Rule.NOT_REVIEWED, Severity.WARNING, _not_reviewed,
            (*_names(contact_map, cell), relationship.reviewed_at, today), cells=(cell,),
        ))
    return found


def _not_reviewed(member: str, stakeholder: str, reviewed: datetime | None, today: date) -> str:
    when = (
        f"was last reviewed on {ENGLISH.format(reviewed)} "
        f"({counted((today - reviewed.date()).days, 'day')} ago)"
        if reviewed is not None else "has never been reviewed"
    )
    return (f"{member} with {stakeholder} {when}: left alone, relationships drift toward "
            "Indifferent — check the grade still holds and mark it reviewed.")


def keys_without_blueprint(
    contact_map: ContactMap, cells_with_blueprint: frozenset[CellRef] | None
) -> list[Finding]:
    """A key relationship needs a plan (its blueprint); None means blueprints are unknown.

    ``cells_with_blueprint`` holds the cells a plan still covers (see ``Blueprint.holds``):
    a plan Dropped, or Done while the grade is below its goal, does not silence the rule.
    """
    if cells_with_blueprint is None:
        return []
    members = {m.id for m in contact_map.team_members}
    stakeholders = {s.id for s in contact_map.stakeholders}
    found = []
    for relationship in contact_map.relationships.values():
        cell = relationship.cell
        if not relationship.is_key or cell in cells_with_blueprint:
            continue
        if cell.team_member_id not in members or cell.stakeholder_id not in stakeholders:
            continue
        found.append(Finding(
            Rule.KEY_WITHOUT_BLUEPRINT, Severity.WARNING, _key_without_blueprint,
            _names(contact_map, cell), cells=(cell,),
        ))
    return found


def _key_without_blueprint(member: str, stakeholder: str) -> str:
    return (f"{member} with {stakeholder} is a key relationship with no blueprint: plan how "
            "to move it up one level.")


def cooled_leverage(contact_map: ContactMap) -> list[Finding]:
    """A leverage link whose source relationship is no longer Trust or Open."""
    found = []
    for link in leverage_links(contact_map):
        if link.usable:
            continue
        found.append(Finding(
            Rule.COOLED_LEVERAGE, Severity.WARNING, _cooled_leverage,
            (*_names(contact_map, link.source), *_names(contact_map, link.target),
             link.source_grade),
            cells=(link.source, link.target),
        ))
    return found


def _cooled_leverage(source_member: str, source_stakeholder: str, target_member: str,
                     target_stakeholder: str, grade: Grade | None) -> str:
    now = grade.label if grade is not None else "blank"
    return (f"{source_member} with {source_stakeholder} is linked as leverage for "
            f"{target_member} with {target_stakeholder} but is now {now}: only a Trust or "
            "Open relationship can carry that weight — find another link or remove this one.")


def counts_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts

