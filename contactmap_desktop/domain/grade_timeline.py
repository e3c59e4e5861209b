"""The account's grade distribution over time, worked out from the grade history."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from contactmap_desktop.domain.contact_map import ContactMap
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
    point matches the map as it is now.
    """
    changes_of: dict[CellRef, list[GradeChange]] = {}
    for change in sorted(history, key=lambda c: (c.changed_at, c.id)):
        changes_of.setdefault(change.cell, []).append(change)
    return _points(changes_of.items(), live_cells)


def account_timeline(contact_map: ContactMap) -> list[DistributionPoint]:
    """``grade_distribution`` of the map's whole history, read cell by cell as the map gives
    it, never all at once.

    Replaying the history in time order kept the grade of every graded cell (20,000 at
    1,000 × 100, 2.5 MB at the peak of the window's start) and needs the history sorted by
    time. A cell's history alone says what each of its changes added to and took from the
    counts, so only each day's sums are kept.
    """
    return _points(contact_map.histories(), contact_map.cells())


def _points(histories: Iterable[tuple[CellRef, Sequence[GradeChange]]],
            live_cells: Container[CellRef] | None) -> list[DistributionPoint]:
    """The points of each cell's changes (oldest first): what each change moved, summed per
    day, then added up day after day."""
    moved: dict[date, dict[Grade, int]] = {}
    for cell, changes in histories:
        if live_cells is not None and cell not in live_cells:
            continue
        held: Grade | None = None  # the cell's grade before the change
        for change in changes:
            on_day = moved.setdefault(change.changed_at.date(), {})
            if held is not None:
                on_day[held] = on_day.get(held, 0) - 1
            held = change.new_grade
            if held is not None:
                on_day[held] = on_day.get(held, 0) + 1
    counts = {grade: 0 for grade in Grade}
    points = []
    for day in sorted(moved):
        for grade, difference in moved[day].items():
            counts[grade] += difference
        points.append(DistributionPoint(day, dict(counts)))
    return points
