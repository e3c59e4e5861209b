"""Grading many cells as one operation (a paste): one transaction, one change per cell."""

from __future__ import annotations

from collections.abc import Mapping

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.contact_map_service import GradeResult, write_grade
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class GradeBatchService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def grades(self, cells: list[CellRef]) -> dict[CellRef, Grade | None]:
        with UnitOfWork(self._workspace) as repos:
            return {cell: repos.relationships.get(cell).grade for cell in cells}

    def set_grades(self, grades: Mapping[CellRef, Grade | None], note: str = ""
                   ) -> list[GradeResult]:
        """Same rules as grading one cell (a change is recorded, blank drops leverage), all
        cells committed together or none."""
        now = self._clock()
        with UnitOfWork(self._workspace) as repos:
            return [write_grade(repos, cell, grade, note, now) for cell, grade in grades.items()]
