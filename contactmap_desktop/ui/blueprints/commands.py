"""Blueprint edits as undo steps: create, change, delete.

Each command does its first write through the service, which checks every rule; undo and redo
put back the exact values recorded then (the service's ``restore``), so an undo days later is
not refused because a due date has since passed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.services.blueprint_service import BlueprintService

Changed = Callable[[], None]


class BlueprintCommand(QUndoCommand):
    """``apply`` and ``revert`` write through the service, then say the blueprints changed.

    The runner calls ``apply`` once before pushing; the push's own ``redo`` is then skipped.
    """

    def __init__(self, text: str, service: BlueprintService, changed: Changed) -> None:
        super().__init__(text)
        self._service = service
        self._changed = changed
        self._applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def mark_applied(self) -> None:
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            self.apply()
        self._changed()

    def undo(self) -> None:
        self.revert()
        self._changed()


class CreateBlueprintCommand(BlueprintCommand):
    def __init__(self, service: BlueprintService, draft: Blueprint, stakeholder_name: str,
                 changed: Changed) -> None:
        super().__init__(f"Create blueprint for {stakeholder_name}", service, changed)
        self._draft = draft
        self.created: Blueprint | None = None

    def apply(self) -> None:
        if self.created is None:
            self.created = self._service.create(self._draft)
        else:
            self._service.restore(self.created)

    def revert(self) -> None:
        assert self.created is not None
        self._service.delete(self.created.id)


class UpdateBlueprintCommand(BlueprintCommand):
    """One change to a blueprint (a field, a strategy added or removed)."""

    def __init__(self, service: BlueprintService, before: Blueprint, after: Blueprint,
                 text: str, changed: Changed) -> None:
        super().__init__(text, service, changed)
        self._before = before
        self._after = after
        self._checked = False

    def apply(self) -> None:
        if not self._checked:
            self._after = self._service.update(self._after)
            self._checked = True
        else:
            self._service.restore(self._after)

    def revert(self) -> None:
        self._service.restore(self._before)


class DeleteBlueprintCommand(BlueprintCommand):
    def __init__(self, service: BlueprintService, blueprint: Blueprint, stakeholder_name: str,
                 changed: Changed) -> None:
        super().__init__(f"Delete blueprint for {stakeholder_name}", service, changed)
        self._blueprint = blueprint

    def apply(self) -> None:
        self._blueprint = self._service.delete(self._blueprint.id)

    def revert(self) -> None:
        self._service.restore(self._blueprint)
