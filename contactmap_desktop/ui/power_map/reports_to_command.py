"""The undo step of moving a stakeholder under another manager (or none) on the power map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.services.contact_map_service import ContactMapService


class SetReportsToCommand(QUndoCommand):
    """``apply`` saves the new manager through the service (which refuses a loop); ``revert``
    puts the earlier one back. The first redo is skipped: the edit was applied before the push.
    """

    def __init__(self, service: ContactMapService, person: Stakeholder,
                 manager: Stakeholder | None, on_changed: Callable[[], None]) -> None:
        super().__init__(f"{person.name} reports to {manager.name}" if manager
                         else f"{person.name} reports to nobody")
        self._service = service
        self._before = person
        self._after = replace(person, reports_to_id=manager.id if manager else None)
        self._on_changed = on_changed
        self._applied_once = False

    def apply(self) -> None:
        self._service.update_stakeholder(self._after)
        self._on_changed()

    def revert(self) -> None:
        self._service.update_stakeholder(self._before)
        self._on_changed()

    def redo(self) -> None:
        if not self._applied_once:
            self._applied_once = True  # applied before it was pushed
            return
        self.apply()

    def undo(self) -> None:
        self.revert()
