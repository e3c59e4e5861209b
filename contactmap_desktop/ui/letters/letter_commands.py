"""Undoable letter edits: each one is saved through the letter service before it is pushed.

``apply`` does the edit, ``revert`` takes it back; both write the file at once. Typing in one
field merges into one undo step, as a text editor does, so undo takes back the whole phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.services.letters import LetterService

# Called with the letter as it now is in the file, or with None and the id of one now gone.
Changed = Callable[[SponsorLetter | None, str], None]
ReportError = Callable[[str], None]
_MERGE_ID = 5105  # any constant unique among the app's mergeable commands


class LetterCommand(QUndoCommand):
    """Applied once by :func:`run` before it is pushed; undo and redo write the file again."""

    def __init__(self, text: str, service: LetterService, changed: Changed) -> None:
        super().__init__(text)
        self.service = service
        self.changed = changed
        self.report: ReportError = lambda _message: None
        self._pushed = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already applied by run()
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ContactMapError as error:
            self.report(str(error))
            self.setObsolete(True)  # the stack must never claim what the file does not hold


def run(command: LetterCommand, stack: QUndoStack, report: ReportError) -> bool:
    """Apply ``command`` and push it onto ``stack``; False (with the reason shown) if it failed."""
    try:
        command.apply()
    except ContactMapError as error:
        report(str(error))
        return False
    command.report = report
    stack.push(command)
    return True


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
