"""Undoable lifecycle edits, each committed through the lifecycle service, which returns the
change set the window redraws from (the account's lifecycle, and the account when its stage
moved)."""

from __future__ import annotations

from typing import Any

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.engagements import Engagement, StageChange
from contactmap_desktop.services.lifecycle_service import Removed
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext


class LifecycleCommand(EditCommand):
    """An edit of the open account's lifecycle."""

    def __init__(self, context: LifecycleContext, text: str) -> None:
        super().__init__(text)
        self._context = context


class SaveCommand(LifecycleCommand):
    """Create a value (undo deletes it) or change one (undo puts the old one back)."""

    def __init__(self, context: LifecycleContext, text: str, after: Any,
                 before: Any | None = None) -> None:
        super().__init__(context, text)
        self._before = before
        self._after = after

    @property
    def saved(self) -> Any:
        return self._after

    def apply(self) -> Changes:
        saved = self._context.lifecycle.save(self._after)
        self._after = saved.value
        return saved.changes

    def revert(self) -> Changes:
        service = self._context.lifecycle
        if self._before is None:
            return service.delete(type(self._after), self._after.id).changes
        return service.restore(Removed((self._before,)))


class DeleteCommand(LifecycleCommand):
    def __init__(self, context: LifecycleContext, text: str, kind: type, value_id: str) -> None:
        super().__init__(context, text)
        self._kind = kind
        self._id = value_id
        self._removed: Removed | None = None

    def apply(self) -> Changes:
        deleted = self._context.lifecycle.delete(self._kind, self._id)
        self._removed = deleted.value
        return deleted.changes

    def revert(self) -> Changes:
        assert self._removed is not None
        return self._context.lifecycle.restore(self._removed)


class RecordStageCommand(LifecycleCommand):
    def __init__(self, context: LifecycleContext, change: StageChange) -> None:
        super().__init__(context, f"Stage {change.stage.label}")
        self._change = change
        self._recorded: Removed | None = None

    def apply(self) -> Changes:
        recorded = self._context.lifecycle.record_stage(self._change)
        self._recorded = recorded.value
        self._change = self._recorded.values[0]
        return recorded.changes

    def revert(self) -> Changes:
        assert self._recorded is not None
        return self._context.lifecycle.take_back(self._recorded)


class StartEngagementCommand(LifecycleCommand):
    """A stakeholder's next problem becomes a proposed engagement, in one step."""

    def __init__(self, context: LifecycleContext, review_id: str, problem: int) -> None:
        super().__init__(context, "Engagement from a next problem")
        self._review_id = review_id
        self._problem = problem
        self.engagement: Engagement | None = None

    def apply(self) -> Changes:
        service = self._context.lifecycle
        if self.engagement is not None:
            return service.restore(Removed((self.engagement,)))
        started = service.start_engagement_from_problem(self._review_id, self._problem)
        self.engagement = started.value
        return started.changes

    def revert(self) -> Changes:
        assert self.engagement is not None
        return self._context.lifecycle.delete(Engagement, self.engagement.id).changes
