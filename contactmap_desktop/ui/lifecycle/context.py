"""What every part of the Lifecycle tab shares: the services, the window's edit runner, the
account's people, and a signal when an engagement was started from a next problem."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.ui.core.edit_runner import EditRunner

if TYPE_CHECKING:
    from contactmap_desktop.ui.lifecycle.commands import LifecycleCommand


class LifecycleContext(QObject):
    # A new engagement was started from a next problem (its id): the tab shows it.
    engagement_started = Signal(str)

    def __init__(self, lifecycle: LifecycleService, agenda: AgendaService,
                 contact_maps: ContactMapService, runner: EditRunner,
                 parent: QObject | None = None,
                 current_map: Callable[[], ContactMap | None] = lambda: None) -> None:
        super().__init__(parent)
        self._current_map = current_map  # the window's map, already read
        self.lifecycle = lifecycle
        self.agenda = agenda
        self.contact_maps = contact_maps
        self.runner = runner
        self.account_id: str | None = None

    @property
    def undo_stack(self) -> QUndoStack:
        return self.runner.undo_stack

    def people(self) -> tuple[dict[str, str], dict[str, str]]:
        """Names of the account's stakeholders and of its team, by id, in map order."""
        if self.account_id is None:
            return {}, {}
        loaded = self._current_map()
        if loaded is None or loaded.account.id != self.account_id:
            loaded = self.contact_maps.load_map(self.account_id)
        return ({s.id: s.name for s in loaded.stakeholders},
                {t.id: t.name for t in loaded.team_members})

    def run(self, command: LifecycleCommand) -> bool:
        """Apply an edit (committed at once) and push it; a refused one is reported."""
        return self.runner.run(command)

    def run_or_raise(self, command: LifecycleCommand) -> None:
        """For dialogs that show the error beside their fields."""
        self.runner.run_or_raise(command)
