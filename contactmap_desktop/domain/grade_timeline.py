"""The account's grade distribution over time, replayed from the grade history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, GradeChange


@dataclass(frozen=True)
class DistributionPoint:
    """How many cells held each grade at the end of one day."""

    day: date
    counts: dict[Grade, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def grade_distribution(
    history: Iterable[GradeChange], live_cells: frozenset[CellRef] | None = None
) -> list[DistributionPoint]:
    """One point per day on which grades changed, oldest first.

    Changes of cells outside ``live_cells`` (people since removed) are left out, so the last
    point matches the map as it is now.
    """
    current: dict[CellRef, Grade] = {}
    points: list[DistributionPoint] = []
    for change in sorted(history, key=lambda c: c.changed_at):
        if live_cells is not None and change.cell not in live_cells:
            continue
        if change.new_grade is None:
            current.pop(change.cell, None)
        else:
            current[change.cell] = change.new_grade
        counts = {grade: 0 for grade in Grade}
        for grade in current.values():
            counts[grade] += 1
        day = change.changed_at.date()
        if points and points[-1].day == day:
            points[-1] = DistributionPoint(day, counts)
        else:
            points.append(DistributionPoint(day, counts))
    return points
