"""Each coverage rule from a table, boundaries included (one / three relationships, exactly at
a threshold, blank versus Indifferent)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_rules import (
    below_satisfied,
    grade_shares,
    relationship_counts,
    seniors_without_seniors,
    uncovered_roles,
)
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Rule, Severity, counts_by_severity
from contactmap_desktop.domain.findings import coverage_findings
from contactmap_desktop.domain.grade_history import HeldHistory
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.history_rules import big_jumps, not_reviewed
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.domain.plan_rules import keys_without_blueprint
from tests.helpers.map_values import build_map, cell, grid, member, stakeholder

DEFAULTS = CoverageThresholds()
EXEC, SR, MGR, IC = (Seniority.EXECUTIVE, Seniority.SENIOR_MANAGER, Seniority.MANAGER,
                     Seniority.INDIVIDUAL_CONTRIBUTOR)
P, U, A, E = BuyingRole.POWER, BuyingRole.USER, BuyingRole.ADVISOR, BuyingRole.EVANGELIST


@pytest.mark.parametrize(("letter", "expected_rank"), [
    ("T", None), ("O", None), ("S", None), (" ", None),
    ("I", Grade.INDIFFERENT.level), ("D", Grade.DISSATISFIED.level),
    ("M", Grade.MOTIVATED.level),
])
def test_below_satisfied_is_a_concern(letter: str, expected_rank: int | None) -> None:
    found = below_satisfied(grid(letter))
    if expected_rank is None:
        assert found == []
    else:
        [finding] = found
        assert (finding.rule, finding.severity, finding.rank) == (
            Rule.BELOW_SATISFIED, Severity.CONCERN, expected_rank)
        assert finding.cells == (cell("m0", "X"),)
        assert Grade.parse(letter).label in finding.message  # type: ignore[union-attr]


def test_motivated_is_the_most_severe_concern() -> None:
    contact_map = grid("IDMS")
    grades = [contact_map.grade(f.cells[0]) for f in
              coverage_findings(contact_map, DEFAULTS, date(2026, 3, 2))
              if f.rule is Rule.BELOW_SATISFIED]
    assert grades == [Grade.MOTIVATED, Grade.DISSATISFIED, Grade.INDIFFERENT]


@pytest.mark.parametrize(("letters", "most", "expected"), [
    ("", 3, Rule.NO_RELATIONSHIP),
    ("   ", 3, Rule.NO_RELATIONSHIP),  # blank cells are no relationship
    ("I", 3, Rule.THIN_COVERAGE),  # Indifferent is a relationship
    ("T  ", 3, Rule.THIN_COVERAGE),  # exactly one
    ("SI", 3, None),
    ("STO", 3, None),  # exactly three
    ("STO  ", 3, None),
    ("STOI", 3, Rule.TOO_MANY),  # four
    ("STO", 2, Rule.TOO_MANY),  # threshold moved
    ("ST", 2, None),
])
def test_relationships_per_stakeholder(letters: str, most: int, expected: Rule | None) -> None:
    found = relationship_counts(grid(letters), CoverageThresholds(most_relationships=most))
    assert [f.rule for f in found] == ([expected] if expected else [])
    for finding in found:
        assert finding.stakeholder_ids == ("s-X",)
        assert len(finding.cells) == len(letters.replace(" ", ""))
    severities = {Rule.NO_RELATIONSHIP: Severity.WARNING, Rule.THIN_COVERAGE: Severity.WARNING,
                  Rule.TOO_MANY: Severity.INFO}
    assert [f.severity for f in found] == [severities[f.rule] for f in found]


@pytest.mark.parametrize(("their", "ours", "expected"), [
    (EXEC, [(SR, "S"), (MGR, "")], False),
    (EXEC, [(SR, ""), (MGR, "T")], True),  # only a manager knows them
    (SR, [(EXEC, "M")], False),  # a bad relationship is still a relationship
    (SR, [(EXEC, "I")], False),
    (SR, [(EXEC, " "), (MGR, "O")], True),  # blank is not a relationship
    (EXEC, [(MGR, "S"), (IC, "T")], True),  # no senior on our team at all
    (MGR, [(MGR, "")], False),
    (IC, [(EXEC, "")], False),
])
def test_senior_stakeholders_need_a_senior_relationship(
    their: Seniority, ours: list[tuple[Seniority, str]], expected: bool
) -> None:
    members = [member(f"m{i}", seniority) for i, (seniority, _) in enumerate(ours)]
    contact_map = build_map([stakeholder("X", their)], members,
                            {(f"m{i}", "X"): letter for i, (_, letter) in enumerate(ours)})
    found = seniors_without_seniors(contact_map)
    assert bool(found) is expected
    for finding in found:
        assert finding.stakeholder_ids == ("s-X",)
        seniors = [m for m in members if m.seniority.is_senior]
        assert finding.cells == tuple(cell(m.name, "X") for m in seniors)
        if not seniors:
            assert "no executive or senior manager" in finding.message


@pytest.mark.parametrize(("people", "graded", "expected"), [
    ([("X", {P})], [], {P: ("s-X",)}),
    ([("X", {P}), ("Y", {P})], ["Y"], {}),
    ([("X", {P}), ("Y", {P, U})], [], {P: ("s-X", "s-Y"), U: ("s-Y",)}),
    ([("X", {U}), ("Y", set())], ["Y"], {U: ("s-X",)}),
    ([("X", set())], [], {}),  # no one holds a role: nothing to cover
])
def test_a_role_with_no_coverage(people: list[tuple[str, set[BuyingRole]]], graded: list[str],
                                 expected: dict[BuyingRole, tuple[str, ...]]) -> None:
    contact_map = build_map([stakeholder(name, roles=roles) for name, roles in people],
                            [member("m")], {("m", name): "I" for name in graded})
    found = uncovered_roles(contact_map)
    assert {role: f.stakeholder_ids for f in found for role in BuyingRole
            if f"the {role.label} buyer" in f.message} == expected
    assert all(f.severity is Severity.CONCERN for f in found)


@pytest.mark.parametrize(("letters", "limit", "generous"), [
    ("", 30, False),
    ("TTTSSSSSSS", 30, False),  # exactly 30 %
    ("TTTTSSSSSS", 30, True),  # 40 %
    ("TTTIIIIIII", 30, False),  # Indifferent counts as graded
    ("TTT       ", 30, True),  # blanks do not: 3 of 3
    ("T", 30, True),
    ("TSSS", 25, False),  # exactly at a moved threshold
    ("TTSS", 50, False),
    ("TTTS", 50, True),
])
def test_a_generous_share_of_trust(letters: str, limit: int, generous: bool) -> None:
    """"A large number of T’s is almost always an unrealistically generous assessment"
    (the share rule alone, any number of graded cells)."""
    thresholds = CoverageThresholds(trust_share_limit=limit, fewest_graded_for_shares=1)
    found = [f for f in grade_shares(grid(letters), thresholds)
             if f.rule is Rule.GENEROUS_TRUST]
    assert bool(found) is generous
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert len(finding.cells) == letters.count("T")


@pytest.mark.parametrize(("letters", "floor", "few"), [
    ("", 25, False),
    ("OSSS", 25, False),  # exactly 25 %
    ("OSSSS", 25, True),  # 20 %
    ("OIII", 25, False),
    ("OIIII", 25, True),  # Indifferent counts as graded
    ("O    ", 25, False),  # blanks do not
    ("SSSS", 25, True),
    ("IIDM", 25, True),
    ("OOSS", 50, False),
    ("OSSS", 30, True),
])
def test_few_open_relationships(letters: str, floor: int, few: bool) -> None:
    """"More than anything else, you want lots of O’s" (the share rule alone)."""
    thresholds = CoverageThresholds(open_share_floor=floor, fewest_graded_for_shares=1)
    found = [f for f in grade_shares(grid(letters), thresholds)
             if f.rule is Rule.FEW_OPEN]
    assert bool(found) is few
    for finding in found:
        # The Satisfied ones move up first; with none, every graded cell is named.
        assert len(finding.cells) == (letters.count("S") or len(letters.replace(" ", "")))


@pytest.mark.parametrize(("letters", "speaks"), [
    ("TSS", False),  # one Trust among three: no "large number of T's"
    ("TTTTSSSSS", False),  # nine graded: still below the default ten
    ("TTTTSSSSSS", True),  # ten graded, 40 % Trust
])
def test_share_rules_wait_for_enough_graded_relationships(letters: str, speaks: bool) -> None:
    """"In most cases, the right mix is a small number at “Trust,”": a share of a handful of
    cells says nothing about the mix, so the share rules need enough graded relationships."""
    found = grade_shares(grid(letters), DEFAULTS)
    assert any(f.rule is Rule.GENEROUS_TRUST for f in found) is speaks
    assert any(f.rule is Rule.FEW_OPEN for f in found) is speaks


def _changes(*steps: tuple[str, str, str]) -> list[GradeChange]:
    start = datetime(2026, 1, 1)
    return [GradeChange(f"c{i}", cell("m", "X"), Grade.parse(old), Grade.parse(new),
                        start + timedelta(days=i), note)
            for i, (old, new, note) in enumerate(steps)]


@pytest.mark.parametrize(("steps", "expected"), [
    ([("S", "O", "")], None),  # one level
    ([("S", "T", "")], Severity.WARNING),  # two levels up
    ([("T", "S", "")], Severity.WARNING),  # two levels down
    ([("M", "T", "")], Severity.WARNING),
    ([("S", "T", "Won the bid together")], Severity.INFO),  # explained by a note
    ([("", "T", "")], None),  # a first grade can be anything
    ([("T", "", "")], None),  # cleared
    ([("S", "T", ""), ("T", "S", "")], None),  # undone
    ([("S", "T", ""), ("T", "S", ""), ("S", "T", "")], Severity.WARNING),  # redone
    ([("S", "T", ""), ("T", "O", "")], None),  # settled by a later one-level change
    ([("S", "O", ""), ("O", "T", ""), ("T", "O", "")], None),
])
def test_a_grade_that_moved_more_than_one_level(steps: list[tuple[str, str, str]],
                                                 expected: Severity | None) -> None:
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): steps[-1][1]},
                            history=_changes(*steps))
    found = big_jumps(contact_map)
    assert [f.severity for f in found] == ([expected] if expected else [])
    for finding in found:
        assert finding.cells == (cell("m", "X"),)
        assert ("add a note" in finding.message) is (expected is Severity.WARNING)


class _ColumnByColumn(HeldHistory):
    """A history that gives its cells in another order than they were first graded in, as
    the file's (storage/stored_history.py) does."""

    def by_cell(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        return iter(sorted(super().by_cell(), key=lambda item: item[0].stakeholder_id))


def test_big_jumps_come_in_the_order_their_cells_were_first_graded() -> None:
    start = datetime(2026, 1, 1)
    jumps = [GradeChange(f"c{n}", cell("m", name), Grade.SATISFIED, Grade.TRUST,
                         start + timedelta(days=n)) for n, name in enumerate("ZYX")]
    contact_map = build_map([stakeholder(name) for name in "XYZ"], [member("m")],
                            {("m", name): "T" for name in "XYZ"})
    contact_map.history = _ColumnByColumn(jumps)
    assert [c for c, _changes in contact_map.histories()][0] == cell("m", "X")

    assert [f.cells for f in big_jumps(contact_map)] == [
        (cell("m", "Z"),), (cell("m", "Y"),), (cell("m", "X"),)]


TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(("days_ago", "letter", "stale"), [
    (0, "S", False),
    (90, "S", False),  # exactly at the threshold
    (91, "S", True),
    (91, "I", True),
    (400, " ", False),  # a blank cell has nothing to review
    (None, "O", True),  # never reviewed
])
def test_a_relationship_not_reviewed(days_ago: int | None, letter: str, stale: bool) -> None:
    reviewed = None if days_ago is None else datetime(2026, 6, 1, 23, 59) - timedelta(days_ago)
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): letter},
                            reviewed_at=reviewed)
    found = not_reviewed(contact_map, DEFAULTS, TODAY)
    assert bool(found) is stale
    if stale:
        assert found[0].cells == (cell("m", "X"),)
        assert found[0].severity is Severity.WARNING


def test_the_staleness_threshold_is_a_setting() -> None:
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): "S"},
                            reviewed_at=datetime(2026, 5, 1))
    assert not_reviewed(contact_map, CoverageThresholds(stale_after_days=31), TODAY) == []
    assert len(not_reviewed(contact_map, CoverageThresholds(stale_after_days=30), TODAY)) == 1


@pytest.mark.parametrize(("letter", "is_key", "blueprints", "expected"), [
    ("S", True, None, False),  # blueprints unknown: the rule stays silent
    ("S", True, frozenset(), True),
    ("S", True, frozenset({cell("m", "X")}), False),
    (" ", True, frozenset(), True),  # a key blank cell needs a plan too
    ("S", False, frozenset(), False),
])
def test_a_key_relationship_without_blueprint(letter: str, is_key: bool, blueprints: frozenset,
                                              expected: bool) -> None:
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): letter},
                            keys=[("m", "X")] if is_key else [])
    found = keys_without_blueprint(contact_map, blueprints)
    assert bool(found) is expected


def test_all_rules_together_most_severe_first() -> None:
    contact_map = build_map(
        [stakeholder("Boss", EXEC, {P}), stakeholder("Ann", MGR, {U}),
         stakeholder("Bo", IC, {U}), stakeholder("Cy", SR), stakeholder("Di", IC)],
        [member("Rep", SR), member("Eng", MGR)],
        {("Eng", "Ann"): "D", ("Rep", "Ann"): "T", ("Eng", "Bo"): "S", ("Eng", "Cy"): "T"},
    )
    found = coverage_findings(contact_map, CoverageThresholds(fewest_graded_for_shares=1),
                              date(2026, 3, 2))
    severities = [f.severity.order for f in found]
    assert severities == sorted(severities)
    assert found[0].rule is Rule.UNCOVERED_ROLE
    rules = {f.rule for f in found}
    assert {Rule.BELOW_SATISFIED, Rule.NO_RELATIONSHIP, Rule.THIN_COVERAGE,
            Rule.SENIOR_WITHOUT_SENIOR, Rule.GENEROUS_TRUST, Rule.FEW_OPEN} <= rules
    assert Rule.KEY_WITHOUT_BLUEPRINT not in rules
    # Boss, the uncovered Power buyer, is named once: by the role, not by the narrower rules.
    assert [f.rule for f in found if "s-Boss" in f.stakeholder_ids] == [Rule.UNCOVERED_ROLE]
    counts = counts_by_severity(found)
    assert sum(counts.values()) == len(found)
    assert counts[Severity.CONCERN] == 2  # Power uncovered, Ann dissatisfied


def test_people_no_longer_on_the_map_are_ignored() -> None:
    contact_map = build_map([stakeholder("X")], [member("m")], {("m", "X"): "S"})
    contact_map.team_members.clear()
    assert [f.rule for f in coverage_findings(contact_map, DEFAULTS, TODAY)] == [
        Rule.NO_RELATIONSHIP]


def test_a_finding_is_worded_when_read_from_the_maps_own_values() -> None:
    contact_map = build_map([stakeholder("Ann Lee")], [member("Rep")], {("Rep", "Ann Lee"): "D"},
                            reviewed_at=None)
    found = coverage_findings(contact_map, DEFAULTS, TODAY)
    concern = next(f for f in found if f.rule is Rule.BELOW_SATISFIED)
    stale = next(f for f in found if f.rule is Rule.NOT_REVIEWED)

    assert concern.message.startswith("Ann Lee is Dissatisfied with Rep: Ann ")
    assert stale.message.startswith("Rep with Ann Lee has never been reviewed: ")
    # The names are the map's strings, not copies; the map itself is not held.
    assert any(w is contact_map.stakeholders[0].name for w in concern.words)
    assert not any(isinstance(w, ContactMap) for f in found for w in f.words)
    # Findings compare by what they say: the same words make an equal finding.
    assert found == coverage_findings(contact_map, DEFAULTS, TODAY)


def test_every_rule_has_a_title_to_count_its_findings_under() -> None:
    titles = [rule.title for rule in Rule]
    assert all(titles) and len(set(titles)) == len(titles)


@pytest.mark.parametrize(("their", "roles", "letters", "expected"), [
    # Nobody knows a senior Power buyer: the uncovered role says it, once.
    (SR, {P}, [(EXEC, "")], [Rule.UNCOVERED_ROLE]),
    # …a senior advisor whose role another advisor covers: "nobody has a relationship".
    (SR, {A}, [(EXEC, "")], [Rule.NO_RELATIONSHIP]),
    # Known only to a manager: the senior rule speaks, as before.
    (SR, set(), [(EXEC, ""), (MGR, "S")], [Rule.SENIOR_WITHOUT_SENIOR, Rule.THIN_COVERAGE]),
])
def test_each_lack_is_listed_once(their: Seniority, roles: set[BuyingRole],
                                  letters: list[tuple[Seniority, str]],
                                  expected: list[Rule]) -> None:
    members = [member(f"m{i}", seniority) for i, (seniority, _) in enumerate(letters)]
    grades = {(f"m{i}", "X"): letter for i, (_, letter) in enumerate(letters)}
    people = [stakeholder("X", their, roles)]
    if A in roles:  # another advisor, known to the team, covers the role
        people.append(stakeholder("Y", MGR, {A}))
        grades[("m0", "Y")] = "S"
        grades[("m1" if len(letters) > 1 else "m0", "Y")] = "O"
    found = coverage_findings(build_map(people, members, grades), DEFAULTS, date(2026, 3, 2))
    assert sorted((f.rule for f in found if "s-X" in f.stakeholder_ids), key=str) == sorted(
        expected, key=str)
