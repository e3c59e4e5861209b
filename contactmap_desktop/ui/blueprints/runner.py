"""Runs a blueprint edit: applied once, reported in a sentence if refused, pushed if done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoStack

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.blueprints.commands import BlueprintCommand


class Runner(Protocol):
    def run(self, command: BlueprintCommand) -> bool: ...


class UndoRunner:
    """Nothing is pushed when the service refuses the edit; ``report`` shows why."""

    def __init__(self, stack: QUndoStack, report: Callable[[str], None]) -> None:
        self.stack = stack
        self._report = report

    def run(self, command: BlueprintCommand) -> bool:
        try:
            command.apply()
        except ContactMapError as error:
            self._report(str(error))
            return False
        command.mark_applied()
        self.stack.push(command)
        return True
