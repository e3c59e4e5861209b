"""Undoable letter edits, each saved through the letter service before it is pushed.

Typing in one field merges into one undo step, as a text editor does, so undo takes back the
whole phrase rather than a letter at a time.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.ui.core.edit_runner import EditCommand

_MERGE_ID = 5105  # any constant unique among the app's mergeable commands


class LetterCommand(EditCommand):
    def __init__(self, text: str, service: LetterService) -> None:
        super().__init__(text)
        self.service = service


class EditLetterCommand(LetterCommand):
    """One field (or row table) of a letter changed: saves the whole letter."""

    def __init__(self, service: LetterService, before: SponsorLetter, after: SponsorLetter,
                 what: str) -> None:
        super().__init__(f"Edit letter: {what.replace('_', ' ')}", service)
        self.before, self.after, self.what = before, after, what

    def apply(self) -> Changes:
        return self.service.save(self.after).changes

    def revert(self) -> Changes:
        return self.service.save(self.before).changes

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Further typing in the same field of the same letter joins this step."""
        if not isinstance(other, EditLetterCommand) or other.what != self.what \
                or other.after.id != self.after.id or other.what in ("pains", "milestones"):
            return False
        self.after = other.after
        return True


class AddLetterCommand(LetterCommand):
    """A new letter (blank, or a copy of an earlier one); undo deletes it."""

    def __init__(self, service: LetterService, letter: SponsorLetter, text: str) -> None:
        super().__init__(text, service)
        self.letter = letter

    def apply(self) -> Changes:
        saved = self.service.save(self.letter)
        self.letter = saved.value
        return saved.changes

    def revert(self) -> Changes:
        return self.service.delete(self.letter.id).changes


class DeleteLetterCommand(LetterCommand):
    """Deleting a letter; undo saves it back with its id and dates."""

    def __init__(self, service: LetterService, letter: SponsorLetter) -> None:
        super().__init__(f"Delete letter {letter.title}", service)
        self.letter = letter

    def apply(self) -> Changes:
        deleted = self.service.delete(self.letter.id)
        self.letter = deleted.value
        return deleted.changes

    def revert(self) -> Changes:
        saved = self.service.save(self.letter)
        self.letter = saved.value
        return saved.changes
