"""Undoable letter edits, each saved through the letter service before it is pushed.

Typing in one field merges into one undo step, as a text editor does, so undo takes back the
whole phrase rather than a letter at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.ui.edit_runner import EditCommand

# Called with the letter as it now is in the file, or with None and the id of one now gone.
Changed = Callable[[SponsorLetter | None, str], None]
_MERGE_ID = 5105  # any constant unique among the app's mergeable commands


class LetterCommand(EditCommand):
    def __init__(self, text: str, service: LetterService, changed: Changed) -> None:
        super().__init__(text)
        self.service = service
        self.changed = changed


class EditLetterCommand(LetterCommand):
    """One field (or row table) of a letter changed: saves the whole letter."""

    def __init__(self, service: LetterService, before: SponsorLetter, after: SponsorLetter,
                 what: str, changed: Changed) -> None:
        super().__init__(f"Edit letter: {what.replace('_', ' ')}", service, changed)
        self.before, self.after, self.what = before, after, what
        self.saved: SponsorLetter | None = None

    def apply(self) -> None:
        self.saved = self.service.save(self.after)
        self.changed(self.saved, self.saved.id)

    def revert(self) -> None:
        self.changed(self.service.save(self.before), self.before.id)

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

    def __init__(self, service: LetterService, letter: SponsorLetter, text: str,
                 changed: Changed) -> None:
        super().__init__(text, service, changed)
        self.letter = letter

    def apply(self) -> None:
        self.letter = self.service.save(self.letter)
        self.changed(self.letter, self.letter.id)

    def revert(self) -> None:
        self.service.delete(self.letter.id)
        self.changed(None, self.letter.id)


class DeleteLetterCommand(LetterCommand):
    """Deleting a letter; undo saves it back with its id and dates."""

    def __init__(self, service: LetterService, letter: SponsorLetter, changed: Changed) -> None:
        super().__init__(f"Delete letter {letter.title}", service, changed)
        self.letter = letter

    def apply(self) -> None:
        self.letter = self.service.delete(self.letter.id)
        self.changed(None, self.letter.id)

    def revert(self) -> None:
        self.letter = self.service.save(self.letter)
        self.changed(self.letter, self.letter.id)
