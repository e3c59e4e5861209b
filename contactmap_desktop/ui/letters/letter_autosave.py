"""Saving the letter as the user types: a short pause, or leaving the field, saves the edit.

Each save is one undoable command. Typing in one field goes into the same pending save; an
edit of another field saves the pending one first, so undo takes back one field at a time.
Discrete edits (a picked date or person, a table row) are saved at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.letters.letter_commands import EditLetterCommand

SAVE_DELAY_MS = 600
# Edits that are whole actions rather than keystrokes: nothing to wait for.
AT_ONCE = frozenset({"letter_date", "addressee", "sender", "pains", "milestones"})


class LetterAutosave(QObject):
    def __init__(self, service: LetterService, runner: EditRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.saved: SponsorLetter | None = None  # the letter as it is in the file
        self._pending: tuple[SponsorLetter, str] | None = None
        self.saving = False  # True while a save of ours runs: the form already shows it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def reset(self, letter: SponsorLetter | None) -> None:
        """The file now holds ``letter`` (opened, or changed by undo): nothing is pending."""
        self._timer.stop()
        self._pending = None
        self.saved = letter

    def edited(self, letter: SponsorLetter, what: str) -> None:
        if self._pending is not None and self._pending[1] != what:
            self.flush()
        self._pending = (letter, what)
        if what in AT_ONCE:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> bool:
        """Save what is pending now; False if the save failed (the reason has been shown)."""
        self._timer.stop()
        if self._pending is None or self.saved is None:
            return True
        letter, what = self._pending
        self._pending = None
        if letter == self.saved:
            return True
        self.saving = True
        try:
            return self._runner.run(EditLetterCommand(self._service, self.saved, letter, what))
        finally:
            self.saving = False
