"""Merging two copies of a cell's grade history: the newest change wins, a fork is reported."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, GradeChange


@dataclass(frozen=True)
class GradeConflict:
    """Both copies changed a cell's grade since they last shared it, to different grades."""

    cell: CellRef
    local_grade: Grade | None
    local_at: datetime
    incoming_grade: Grade | None
    incoming_at: datetime
    kept: Grade | None

    @property
    def incoming_won(self) -> bool:
        return self.kept == self.incoming_grade


@dataclass(frozen=True)
class SettledGrade:
    cell: CellRef
    grade: Grade | None
    changed_at: datetime


def _order(change: GradeChange) -> tuple[datetime, str]:
    return change.changed_at, change.id


def _by_cell(changes: Iterable[GradeChange]) -> dict[CellRef, list[GradeChange]]:
    cells: dict[CellRef, list[GradeChange]] = defaultdict(list)
    for change in changes:
        cells[change.cell].append(change)
    for history in cells.values():
        history.sort(key=_order)
    return cells


def merge_histories(
    local: Sequence[GradeChange], incoming: Sequence[GradeChange],
    new_cells: Collection[CellRef] = (),
) -> tuple[list[SettledGrade], list[GradeConflict]]:
    """For each cell the incoming history touches: its grade after the merge, and forks.

    The merged history is the union of both (changes are kept by id, never rewritten: of a
    change both sides hold, this side's copy counts); the grade is where the newest change of
    the union lands. ``new_cells`` (cells whose relationship is new here) take the grade
    their merged history ends on even when the incoming history adds nothing to it.
    """
    local_cells = _by_cell(local)
    incoming_cells = _by_cell(incoming)
    settled: list[SettledGrade] = []
    conflicts: list[GradeConflict] = []
    for cell in [*incoming_cells, *(c for c in new_cells if c not in incoming_cells)]:
        ours = local_cells.get(cell, [])
        our_ids = {c.id for c in ours}
        theirs = [c for c in incoming_cells.get(cell, []) if c.id not in our_ids]
        if not theirs:
            if cell in new_cells and ours:
                settled.append(SettledGrade(cell, ours[-1].new_grade, ours[-1].changed_at))
            continue  # nothing new from the file
        newest = max([*ours, *theirs], key=_order)
        settled.append(SettledGrade(cell, newest.new_grade, newest.changed_at))
        if not ours or our_ids <= {c.id for c in incoming_cells[cell]}:
            continue  # the file is simply ahead
        our_last, their_last = ours[-1], theirs[-1]
        if theirs[0].old_grade == our_last.new_grade and _order(theirs[0]) > _order(our_last):
            continue  # given later, from our last grade: ahead too (a sync brings only news)
        if our_last.new_grade != their_last.new_grade:
            conflicts.append(GradeConflict(
                cell, our_last.new_grade, our_last.changed_at,
                their_last.new_grade, their_last.changed_at, newest.new_grade,
            ))
    return settled, conflicts
