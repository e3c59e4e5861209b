"""The grade timeline's running counts match a recount of the grades after every change."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grade_timeline import grade_distribution
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, GradeChange, Stakeholder, TeamMember


def _recount(changes: list[GradeChange], day: datetime) -> dict[Grade, int]:
    current: dict[CellRef, Grade | None] = {}
    for change in sorted(changes, key=lambda c: c.changed_at):
        if change.changed_at.date() <= day.date():
            current[change.cell] = change.new_grade
    return {grade: sum(1 for g in current.values() if g is grade) for grade in Grade}


def test_counts_follow_a_long_random_history() -> None:
    rng = random.Random(7)
    cells = [CellRef(f"t{row}", f"s{column}") for row in range(4) for column in range(5)]
    start = datetime(2026, 1, 1, 9)
    grades: list[Grade | None] = [*Grade, None]
    changes = [GradeChange(f"c{n}", rng.choice(cells), None, rng.choice(grades),
                           start + timedelta(hours=7 * n)) for n in range(300)]
    rng.shuffle(changes)  # the history is sorted by time inside

    points = grade_distribution(changes)

    assert len(points) == len({c.changed_at.date() for c in changes})
    for point in points:
        end_of_day = datetime.combine(point.day, datetime.max.time())
        assert point.counts == _recount(changes, end_of_day)


def test_only_cells_still_on_the_map_are_counted() -> None:
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One")],
                             [TeamMember("t1", "Rep")])
    on_map, gone = CellRef("t1", "s1"), CellRef("t9", "s1")
    when = datetime(2026, 2, 1, 12)
    changes = [GradeChange("1", on_map, None, Grade.OPEN, when),
               GradeChange("2", gone, None, Grade.TRUST, when)]

    [point] = grade_distribution(changes, contact_map.cells())

    assert point.counts[Grade.OPEN] == 1 and point.total == 1
    assert on_map in contact_map.cells() and gone not in contact_map.cells()
    assert "t1" not in contact_map.cells()
