"""The account's letters, newest first, each shown by its date and subject; letters that
share both (a letter and its revisions) are told apart by a revision number."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.ui.core.dates import date_text, date_time_text
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import LetterRole

Index = QModelIndex | QPersistentModelIndex



def listed_titles(letters: list[SponsorLetter]) -> dict[str, str]:
    """Each letter's title by id; where several share a title, " · revision N" in the order
    they were written (a new letter from this one copies its date and subject)."""
    sharing: dict[str, list[SponsorLetter]] = defaultdict(list)
    for letter in letters:
        sharing[letter.title].append(letter)
    titles = {}
    for title, group in sharing.items():
        group.sort(key=lambda letter: (letter.created_at or datetime.min, letter.id))
        for number, letter in enumerate(group, start=1):
            titles[letter.id] = f"{title} · revision {number}" if len(group) > 1 else title
    return titles


class LetterListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._letters: list[SponsorLetter] = []
        self._titles: dict[str, str] = {}

    def letters(self) -> list[SponsorLetter]:
        return list(self._letters)

    def set_letters(self, letters: list[SponsorLetter]) -> None:
        """Same letters in the same order: only changed rows repaint, the selection stays."""
        titles = listed_titles(letters)
        if [letter.id for letter in letters] == [letter.id for letter in self._letters]:
            for row, letter in enumerate(letters):
                if letter != self._letters[row] or titles[letter.id] != self._titles[letter.id]:
                    self._letters[row] = letter
                    self._titles[letter.id] = titles[letter.id]
                    self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.beginResetModel()
        self._letters = list(letters)
        self._titles = titles
        self.endResetModel()

    def row_of(self, letter_id: str | None) -> int:
        return next((row for row, letter in enumerate(self._letters)
                     if letter.id == letter_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._letters)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._letters):
            return None
        letter = self._letters[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[letter.id]
        if role == Qt.ItemDataRole.ToolTipRole:
            to = f" to {letter.addressee_name}" if letter.addressee_name else ""
            copied = next((f"\nA new revision of the letter of {date_text(other.letter_date)}"
                           for other in self._letters if other.id == letter.based_on_id), "")
            written = f"\nWritten {date_time_text(_local(letter.created_at))}" \
                if letter.created_at else ""
            return as_typed(f"Letter of {date_text(letter.letter_date)}{to}{copied}{written}")
        if role == LetterRole.LETTER_ID:
            return letter.id
        return None


def _local(stored: datetime) -> datetime:
    """A stored time (naive UTC) in this computer's time zone."""
    return stored.replace(tzinfo=UTC).astimezone()
