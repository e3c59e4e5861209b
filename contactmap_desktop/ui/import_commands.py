"""The undo step of a stakeholder import (the import itself ran in a worker thread)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from contactmap_desktop.services.csv_import import CsvImportService, ImportResult


class ImportStakeholdersCommand(QUndoCommand):
    """Undo removes the people added and restores those updated; redo puts them back."""

    def __init__(self, service: CsvImportService, result: ImportResult,
                 on_changed: Callable[[], None]) -> None:
        plan = result.plan
        super().__init__(f"Import of {plan.added} new and {plan.updated} updated stakeholders")
        self._service = service
        self._result = result
        self._on_changed = on_changed
        self._first = True

    def redo(self) -> None:
        if self._first:  # already committed when the dialog finished
            self._first = False
        else:
            self._service.redo(self._result)
        self._on_changed()

    def undo(self) -> None:
        self._service.undo(self._result)
        self._on_changed()
