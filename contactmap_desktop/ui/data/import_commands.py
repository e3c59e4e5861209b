"""The undo step of a stakeholder import (the import itself ran in a worker thread)."""

from __future__ import annotations

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.services.csv_import import CsvImportService, ImportResult
from contactmap_desktop.ui.core.edit_runner import EditCommand


class ImportStakeholdersCommand(EditCommand):
    """Undo removes the people added and restores those updated; redo puts them back.

    The first ``apply`` writes nothing: the import dialog's worker already committed the
    result (or failed, and then there is no command), so only what was written is pushed."""

    def __init__(self, service: CsvImportService, result: ImportResult) -> None:
        super().__init__(f"Import of {len(result.added_ids)} new and {len(result.previous)} "
                         "updated stakeholders")
        self._service = service
        self._result = result
        self._committed = True

    def apply(self) -> Changes:
        if self._committed:
            self._committed = False
            return self._result.changes
        # Redone grades are new changes in the history: the next undo takes those back.
        self._result = self._service.redo(self._result)
        return self._result.changes

    def revert(self) -> Changes:
        return self._service.undo(self._result)
