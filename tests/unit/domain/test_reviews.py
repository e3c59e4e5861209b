"""Reviews (article 004): a confirmed grade is a review, stale grades and key cells are walked.

Article 004: "Gravity will over time feed client relationships towards “indifference.”" —
so a grade must be looked at again, and confirming it as it stands is a review.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.history_rules import big_jumps, not_reviewed
from contactmap_desktop.domain.model import GradeChange, Relationship
from contactmap_desktop.domain.reviews import is_stale, review_walk, reviewable
from tests.helpers.map_values import build_map, cell, member, stakeholder

TODAY = date(2026, 6, 30)


@pytest.mark.parametrize(("reviewed", "stale"), [
    (None, True),
    (datetime(2026, 4, 1, 9), False),  # exactly 90 days: still fresh
    (datetime(2026, 3, 31, 9), True),  # 91 days: drifting
    (datetime(2026, 6, 30, 9), False),
])
def test_gravity_makes_an_unreviewed_grade_stale(reviewed: datetime | None,
                                                 stale: bool) -> None:
    """"Gravity will over time feed client relationships towards “indifference.”" """
    relationship = Relationship(cell("a", "X"), Grade.OPEN, reviewed_at=reviewed)
    assert is_stale(relationship, 90, TODAY) is stale


def test_a_blank_cell_is_never_stale() -> None:
    """"Where there is no relationship, don’t use Indifferent, put nothing." """
    assert not is_stale(Relationship(cell("a", "X")), 90, TODAY)


def test_the_stale_grade_finding_clears_on_review() -> None:
    """Confirming the grade resets its review date, so the drift warning goes away."""
    old = build_map([stakeholder("X")], [member("a")], {("a", "X"): "O"},
                    reviewed_at=datetime(2025, 1, 1))
    [finding] = not_reviewed(old, CoverageThresholds(), TODAY)
    assert finding.rule is Rule.NOT_REVIEWED
    reviewed = build_map([stakeholder("X")], [member("a")], {("a", "X"): "O"},
                         reviewed_at=datetime(2026, 6, 30, 8))
    assert not_reviewed(reviewed, CoverageThresholds(), TODAY) == []


def test_a_review_is_not_a_jump_and_does_not_cancel_one() -> None:
    """"You can generally only move a client up one level at a time." A review moves nothing:
    the jump before it still asks for a note."""
    jump = GradeChange("1", cell("a", "X"), Grade.INDIFFERENT, Grade.TRUST,
                       datetime(2026, 6, 1))
    review = GradeChange("2", cell("a", "X"), Grade.TRUST, Grade.TRUST, datetime(2026, 6, 2),
                         changed_by="pat")
    assert review.is_review and not jump.is_review
    contact_map = build_map([stakeholder("X")], [member("a")], {("a", "X"): "T"},
                            history=[jump, review])
    [finding] = big_jumps(contact_map)
    assert finding.rule is Rule.BIG_JUMP


def test_the_weekly_review_walks_stale_cells_and_key_cells_not_seen_this_week() -> None:
    """"In any given period of time ... you’ll really only need to focus on a small number of
    intersections": the key ones are looked at every week, the rest when they go stale."""
    fresh, old = datetime(2026, 6, 29), datetime(2026, 1, 1)
    week_old = datetime(2026, 6, 23)
    contact_map = build_map(
        [stakeholder("X"), stakeholder("Y")], [member("a"), member("b")],
        {("a", "X"): "O", ("a", "Y"): "S", ("b", "X"): "T", ("b", "Y"): "I"},
        reviewed_at=fresh, keys=[("a", "X"), ("b", "Y")])
    relationships = dict(contact_map.relationships)
    relationships[cell("a", "Y")] = Relationship(cell("a", "Y"), Grade.SATISFIED,
                                                 reviewed_at=old)
    relationships[cell("b", "Y")] = Relationship(cell("b", "Y"), Grade.INDIFFERENT,
                                                 is_key=True, reviewed_at=week_old)
    contact_map.relationships = relationships
    stops = review_walk(contact_map, 90, TODAY)
    assert [(s.cell, s.reason) for s in stops] == [
        (cell("a", "Y"), "not reviewed for 180 days"),
        (cell("b", "Y"), "key relationship, not reviewed this week"),
    ]


def test_only_graded_cells_can_be_reviewed() -> None:
    contact_map = build_map([stakeholder("X"), stakeholder("Y")], [member("a")],
                            {("a", "X"): "S"})
    assert reviewable(contact_map, [cell("a", "X"), cell("a", "Y")]) == [cell("a", "X")]


class _Stopped(Exception):
    pass


def test_the_jumps_rule_asks_to_keep_going_every_few_hundred_cells_and_can_be_stopped() -> None:
    """Reading the history is the longest rule: the findings worker stops within it when the
    user is back at work."""
    people = [stakeholder(f"S{n}") for n in range(700)]
    history = [GradeChange(str(n), cell("a", f"S{n}"), Grade.OPEN, Grade.TRUST,
                           datetime(2026, 6, 1)) for n in range(700)]
    contact_map = build_map(people, [member("a")], {("a", f"S{n}"): "T" for n in range(700)},
                            history=history)
    asked: list[int] = []
    assert len(big_jumps(contact_map, lambda: asked.append(1))) == 0
    assert len(asked) == 3  # at cells 0, 256 and 512

    def stop() -> None:
        raise _Stopped

    with pytest.raises(_Stopped):
        big_jumps(contact_map, stop)
