"""Notes on recorded grade changes: the method asks why a grade jumped more than one level.

The grades and dates of the history stay append-only; only the explanation can be added or
changed afterwards (and changed back, for undo).
"""

from __future__ import annotations

from dataclasses import replace

from contactmap_desktop.domain.changes import Saved, grades_of
from contactmap_desktop.domain.model import GradeChange
from contactmap_desktop.domain.validation import clean_long_text
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class GradeNoteService:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def set_note(self, change_id: str, note: str) -> Saved[GradeChange]:
        """Save the note of one change; returns the change as now stored (its cell's history
        changed)."""
        cleaned = clean_long_text(note, "The note")
        with UnitOfWork(self._workspace) as repos:
            change = repos.grade_changes.get(change_id)
            repos.grade_changes.set_note(change_id, cleaned)
        return Saved(replace(change, note=cleaned), grades_of([change.cell]))
