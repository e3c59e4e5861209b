"""Blueprint edits as undo steps: create, change, delete.

Each command does its first write through the service, which checks every rule; undo and redo
put back the exact values recorded then (the service's ``restore``), so an undo days later is
not refused because a due date has since passed.
"""

from __future__ import annotations

from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.changes import Changes, plans_of
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.core.edit_runner import EditCommand


class CreateBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, draft: Blueprint, stakeholder_name: str) -> None:
        super().__init__(f"Create blueprint for {stakeholder_name}")
        self._service = service
        self._draft = draft
        self.created: Blueprint | None = None

    def apply(self) -> Changes:
        if self.created is None:
            self.created = self._service.create(self._draft)
        else:
            self._service.restore(self.created)
        return plans_of(self.created.cells)

    def revert(self) -> Changes:
        assert self.created is not None
        self._service.delete(self.created.id)
        return plans_of(self.created.cells)


class UpdateBlueprintCommand(EditCommand):
    """One change to a blueprint (a field, a strategy added or removed)."""

    def __init__(self, service: BlueprintService, before: Blueprint, after: Blueprint,
                 text: str) -> None:
        super().__init__(text)
        self._service = service
        self._before = before
        self._after = after
        self._checked = False

    def apply(self) -> Changes:
        if not self._checked:
            self._after = self._service.update(self._after)
            self._checked = True
        else:
            self._service.restore(self._after)
        return plans_of((*self._before.cells, *self._after.cells))

    def revert(self) -> Changes:
        self._service.restore(self._before)
        return plans_of((*self._before.cells, *self._after.cells))


class DeleteBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, blueprint: Blueprint,
                 stakeholder_name: str) -> None:
        super().__init__(f"Delete blueprint for {stakeholder_name}")
        self._service = service
        self._blueprint = blueprint

    def apply(self) -> Changes:
        self._blueprint = self._service.delete(self._blueprint.id)
        return plans_of(self._blueprint.cells)

    def revert(self) -> Changes:
        self._service.restore(self._blueprint)
        return plans_of(self._blueprint.cells)
