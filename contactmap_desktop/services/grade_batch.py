"""Grading many cells as one operation (a paste, Mark Reviewed): one transaction, one change
or review per cell, and taking such an operation back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from contactmap_desktop.domain.changes import Saved, grades_of
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Relationship
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.contact_map_service import (
    GradeResult,
    take_back_grade,
    write_grade,
)
from contactmap_desktop.services.user import Who, login_name
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class GradeBatchService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now,
                 who: Who = login_name) -> None:
        self._workspace = workspace
        self._clock = clock
        self._who = who

    def grades(self, cells: list[CellRef]) -> dict[CellRef, Grade | None]:
        with UnitOfWork(self._workspace) as repos:
            return {cell: repos.relationships.get(cell).grade for cell in cells}

    def set_grades(self, grades: Mapping[CellRef, Grade | None], note: str = ""
                   ) -> Saved[list[GradeResult]]:
        """Same rules as grading one cell (a change is recorded, the same grade is a review,
        blank drops leverage), all cells committed together or none."""
        now, by = self._clock(), self._who()
        with UnitOfWork(self._workspace) as repos:
            done = [write_grade(repos, cell, grade, note, now, by)
                    for cell, grade in grades.items()]
        return Saved(done, grades_of(grades))

    def relationships(self, cells: Sequence[CellRef]) -> dict[CellRef, Relationship]:
        """The cells as stored now, to take an edit of them back later."""
        with UnitOfWork(self._workspace) as repos:
            return {cell: repos.relationships.get(cell) for cell in cells}

    def take_back(self, done: Sequence[GradeResult], before: Mapping[CellRef, Relationship],
                  note: str) -> Saved[list[GradeResult]]:
        """Undo what ``set_grades`` did: reviews leave the history, changes are reversed."""
        now, by = self._clock(), self._who()
        with UnitOfWork(self._workspace) as repos:
            undone = [take_back_grade(repos, result, before[result.relationship.cell], note,
                                      now, by) for result in done]
        return Saved(undone, grades_of(result.relationship.cell for result in done))
