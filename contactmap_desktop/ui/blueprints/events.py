"""One signal every blueprint view listens to: the plans of these relationships changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from contactmap_desktop.domain.model import CellRef


class BlueprintEvents(QObject):
    changed = Signal(object)  # list[CellRef]

    def notify(self, cells: list[CellRef]) -> None:
        self.changed.emit(cells)
