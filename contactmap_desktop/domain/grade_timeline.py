"""The account's grade distribution over time, replayed from the grade history."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

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
    history: Iterable[GradeChange], live_cells: Container[CellRef] | None = None
) -> list[DistributionPoint]:
    """One point per day on which grades changed, oldest first.

    Changes of cells outside ``live_cells`` (people since removed) are left out, so the last
    point matches the map as it is now. The counts follow each change rather than being
    counted again, so a long history costs time in proportion to its length.
    """
    current: dict[CellRef, Grade] = {}
    counts = {grade: 0 for grade in Grade}
    points: list[DistributionPoint] = []
    for change in _in_time_order(history):
        if live_cells is not None and change.cell not in live_cells:
            continue
        before = current.pop(change.cell, None)
        if before is not None:
            counts[before] -= 1
        if change.new_grade is not None:
            current[change.cell] = change.new_grade
            counts[change.new_grade] += 1
        day = change.changed_at.date()
        point = DistributionPoint(day, dict(counts))
        if points and points[-1].day == day:
            points[-1] = point
        else:
            points.append(point)
    return points


def _in_time_order(history: Iterable[GradeChange]) -> Iterable[GradeChange]:
    """The changes oldest first; a map's history already is, and is then read as it is (a
    sorted copy of 35,000 changes, with its keys, was half a megabyte)."""
    if isinstance(history, Sequence) and all(
            earlier.changed_at <= later.changed_at for earlier, later in pairwise(history)):
        return history
    return sorted(history, key=lambda c: c.changed_at)
