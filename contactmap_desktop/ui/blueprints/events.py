"""One signal every blueprint view listens to: some blueprint of the account changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class BlueprintEvents(QObject):
    changed = Signal()

    def notify(self) -> None:
        self.changed.emit()
