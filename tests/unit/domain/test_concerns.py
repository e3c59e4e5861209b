"""Concerns as article 004 puts them: improve or change the relationship, Motivated is almost
impossible to rescue, a whole column below Satisfied, and too many key intersections."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.coverage_rules import (
    all_below_satisfied,
    below_satisfied,
    too_many_keys,
)
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Rule, Severity
from tests.helpers.map_values import build_map, cell, grid, member, stakeholder


@pytest.mark.parametrize("letter", ["I", "D", "M"])
def test_a_concern_says_improve_or_change_the_relationship(letter: str) -> None:
    """"Dissatisfied, Indifferent, and Motivated relationships probably need attention. You can
    either try to improve or change the existing relationship." """
    [finding] = below_satisfied(grid(letter))
    assert "someone else on the team" in finding.message


def test_motivated_to_change_is_called_almost_impossible_to_rescue() -> None:
    """"It is almost impossible to rescue the relationship." """
    [finding] = below_satisfied(grid("M"))
    assert "almost impossible to rescue" in finding.message
    [finding] = below_satisfied(grid("D"))
    assert "almost impossible" not in finding.message


@pytest.mark.parametrize(("letters", "flagged"), [
    ("I", True), ("IDM", True), ("ID", True),
    ("IS", False),  # one working relationship is enough not to be this finding
    ("", False),  # no relationship at all is another finding
    ("T", False),
])
def test_a_stakeholder_with_every_relationship_below_satisfied(letters: str,
                                                              flagged: bool) -> None:
    """"Anything less than an S is cause for concern." — all of a stakeholder's ones at once is
    a concern about the person, not only about each cell."""
    found = all_below_satisfied(grid(letters))
    assert bool(found) is flagged
    for finding in found:
        assert (finding.rule, finding.severity) == (Rule.ALL_BELOW_SATISFIED, Severity.CONCERN)
        assert finding.stakeholder_ids == ("s-X",) and len(finding.cells) == len(letters)


@pytest.mark.parametrize(("keys", "limit", "flagged"), [(3, 3, False), (4, 3, True),
                                                        (6, 6, False), (7, 6, True)])
def test_too_many_key_intersections(keys: int, limit: int, flagged: bool) -> None:
    """"In any given period of time (think in terms of 30, 60, or 90 days), you’ll really only
    need to focus on a small number of intersections" """
    members = [member(f"m{i}") for i in range(keys)]
    contact_map = build_map([stakeholder("X")], members,
                            {(f"m{i}", "X"): "S" for i in range(keys)},
                            keys=[(f"m{i}", "X") for i in range(keys)])
    found = too_many_keys(contact_map, CoverageThresholds(most_key_relationships=limit))
    assert bool(found) is flagged
    for finding in found:
        assert finding.rule is Rule.TOO_MANY_KEYS and len(finding.cells) == keys
        assert cell("m0", "X") in finding.cells
