"""The toolbar's Find field: type part of a name, pick the person, and the chart goes there."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from contactmap_desktop.domain.model import Stakeholder


class FindBox(QLineEdit):
    """Names complete as you type (any part, any case); names are unique in an account."""

    person_chosen = Signal(str)  # stakeholder id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Find a person…")
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(220)
        self._ids: dict[str, str] = {}
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        completer.activated.connect(self._choose)
        self.returnPressed.connect(lambda: self._choose(self.text()))

    def set_people(self, people: Iterable[Stakeholder]) -> None:
        self._ids = {person.name: person.id for person in people}
        self._names.setStringList(sorted(self._ids, key=str.casefold))

    def _choose(self, text: str) -> None:
        wanted = text.strip().casefold()
        exact = [name for name in self._ids if name.casefold() == wanted]
        partial = [name for name in self._ids if wanted and wanted in name.casefold()]
        found = exact or (partial if len(partial) == 1 else [])
        if found:
            self.person_chosen.emit(self._ids[found[0]])
