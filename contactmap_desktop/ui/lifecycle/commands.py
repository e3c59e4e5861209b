"""Undoable lifecycle edits, each committed through the lifecycle service.

Each edit's change set names the account's lifecycle (and the account itself when its stage
may have moved); the window redraws from it."""

from __future__ import annotations

from typing import Any

from contactmap_desktop.domain.changes import Changes, account_changed, lifecycle_of
from contactmap_desktop.domain.engagements import Engagement, StageChange
from contactmap_desktop.services.lifecycle_service import Removed
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.lifecycle.context import LifecycleContext


class LifecycleCommand(EditCommand):
    """An edit of the open account's lifecycle; ``written()`` is the change set of each of
    its writes."""

    moves_stage = False  # True when the edit may change the account's stage

    def __init__(self, context: LifecycleContext, text: str) -> None:
        super().__init__(text)
        self._context = context
        assert context.account_id is not None
        self._account_id = context.account_id

    def written(self) -> Changes:
        changes = lifecycle_of(self._account_id)
        return changes | account_changed(self._account_id) if self.moves_stage else changes


class SaveCommand(LifecycleCommand):
    """Create a value (undo deletes it) or change one (undo puts the old one back)."""

    def __init__(self, context: LifecycleContext, text: str, after: Any,
                 before: Any | None = None) -> None:
        super().__init__(context, text)
        self._before = before
        self._after = after
        self.moves_stage = isinstance(after, StageChange)

    @property
    def saved(self) -> Any:
        return self._after

    def apply(self) -> Changes:
        self._after = self._context.lifecycle.save(self._after)
        return self.written()

    def revert(self) -> Changes:
        service = self._context.lifecycle
        if self._before is None:
            service.delete(type(self._after), self._after.id)
        else:
            service.restore(Removed((self._before,)))
        return self.written()


class DeleteCommand(LifecycleCommand):
    def __init__(self, context: LifecycleContext, text: str, kind: type, value_id: str) -> None:
        super().__init__(context, text)
        self.moves_stage = kind is StageChange
        self._kind = kind
        self._id = value_id
        self._removed: Removed | None = None

    def apply(self) -> Changes:
        self._removed = self._context.lifecycle.delete(self._kind, self._id)
        return self.written()

    def revert(self) -> Changes:
        assert self._removed is not None
        self._context.lifecycle.restore(self._removed)
        return self.written()


class RecordStageCommand(LifecycleCommand):
    moves_stage = True

    def __init__(self, context: LifecycleContext, change: StageChange) -> None:
        super().__init__(context, f"Stage {change.stage.label}")
        self._change = change
        self._recorded: Removed | None = None

    def apply(self) -> Changes:
        self._recorded = self._context.lifecycle.record_stage(self._change)
        self._change = self._recorded.values[0]
        return self.written()

    def revert(self) -> Changes:
        assert self._recorded is not None
        self._context.lifecycle.take_back(self._recorded)
        return self.written()


class StartEngagementCommand(LifecycleCommand):
    """A stakeholder's next problem becomes a proposed engagement, in one step."""

    def __init__(self, context: LifecycleContext, review_id: str, problem: int) -> None:
        super().__init__(context, "Engagement from a next problem")
        self._review_id = review_id
        self._problem = problem
        self.engagement: Engagement | None = None

    def apply(self) -> Changes:
        service = self._context.lifecycle
        if self.engagement is None:
            self.engagement = service.start_engagement_from_problem(self._review_id,
                                                                    self._problem)
        else:
            service.restore(Removed((self.engagement,)))
        return self.written()

    def revert(self) -> Changes:
        assert self.engagement is not None
        self._context.lifecycle.delete(Engagement, self.engagement.id)
        return self.written()
