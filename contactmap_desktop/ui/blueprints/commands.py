"""Blueprint edits as undo steps: create, change, delete.

Each command does its first write through the service, which checks every rule; undo and redo
put back the exact values recorded then (the service's ``restore``), so an undo days later is
not refused because a due date has since passed.
"""

from __future__ import annotations

from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.core.edit_runner import EditCommand


class CreateBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, draft: Blueprint, stakeholder_name: str) -> None:
        super().__init__(f"Create blueprint for {stakeholder_name}")
        self._service = service
        self._draft = draft
        self.created: Blueprint | None = None

    def apply(self) -> Changes:
        if self.created is not None:
            return self._service.restore(self.created)
        saved = self._service.create(self._draft)
        self.created = saved.value
        return saved.changes

    def revert(self) -> Changes:
        assert self.created is not None
        return self._service.delete(self.created.id).changes


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
        if self._checked:
            return self._service.restore(self._after)
        saved = self._service.update(self._after)
        self._after, self._checked = saved.value, True
        return saved.changes

    def revert(self) -> Changes:
        return self._service.restore(self._before)


class DeleteBlueprintCommand(EditCommand):
    def __init__(self, service: BlueprintService, blueprint: Blueprint,
                 stakeholder_name: str) -> None:
        super().__init__(f"Delete blueprint for {stakeholder_name}")
        self._service = service
        self._blueprint = blueprint

    def apply(self) -> Changes:
        deleted = self._service.delete(self._blueprint.id)
        self._blueprint = deleted.value
        return deleted.changes

    def revert(self) -> Changes:
        return self._service.restore(self._blueprint)
