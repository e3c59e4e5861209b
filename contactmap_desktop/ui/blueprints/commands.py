"""Blueprint edits as undo steps: create, change, delete.

Each command does its first write through the service, which checks every rule; undo and redo
put back the exact values recorded then (the service's ``restore``), so an undo days later is
not refused because a due date has since passed.
"""

from __future__ import annotations

from collections.abc import Callable

from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.edit_runner import EditCommand

Changed = Callable[[list[CellRef]], None]  # the relationships whose plan changed


class CreateBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, draft: Blueprint, stakeholder_name: str,
                 changed: Changed) -> None:
        super().__init__(f"Create blueprint for {stakeholder_name}")
        self._service = service
        self._draft = draft
        self._changed = changed
        self.created: Blueprint | None = None

    def apply(self) -> None:
        if self.created is None:
            self.created = self._service.create(self._draft)
        else:
            self._service.restore(self.created)
        self._changed(list(self.created.cells))

    def revert(self) -> None:
        assert self.created is not None
        self._service.delete(self.created.id)
        self._changed(list(self.created.cells))


class UpdateBlueprintCommand(EditCommand):
    """One change to a blueprint (a field, a strategy added or removed)."""

    def __init__(self, service: BlueprintService, before: Blueprint, after: Blueprint,
                 text: str, changed: Changed) -> None:
        super().__init__(text)
        self._service = service
        self._before = before
        self._after = after
        self._changed = changed
        self._checked = False

    def apply(self) -> None:
        if not self._checked:
            self._after = self._service.update(self._after)
            self._checked = True
        else:
            self._service.restore(self._after)
        self._changed(self._cells())

    def revert(self) -> None:
        self._service.restore(self._before)
        self._changed(self._cells())

    def _cells(self) -> list[CellRef]:
        return list(dict.fromkeys((*self._before.cells, *self._after.cells)))


class DeleteBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, blueprint: Blueprint, stakeholder_name: str,
                 changed: Changed) -> None:
        super().__init__(f"Delete blueprint for {stakeholder_name}")
        self._service = service
        self._blueprint = blueprint
        self._changed = changed

    def apply(self) -> None:
        self._blueprint = self._service.delete(self._blueprint.id)
        self._changed(list(self._blueprint.cells))

    def revert(self) -> None:
        self._service.restore(self._blueprint)
        self._changed(list(self._blueprint.cells))
