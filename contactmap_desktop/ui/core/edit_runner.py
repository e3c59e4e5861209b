"""Undoable edits: each one is committed through a service before it enters the undo stack.

Every edit, its undo and its redo return the change set of what they wrote; the runner hands
it to the window (``MapDocument.apply``), the one place that redraws. A failed edit (bad
input, a full disk) is reported and never pushed, so the stack only holds edits that are in
the file. Undo and redo that fail are reported too, and the stack is left where it was so the
screen keeps matching the file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import ContactMapError

ReportError = Callable[[str], None]
ApplyChanges = Callable[[Changes], None]


class EditCommand(QUndoCommand):
    """Subclass with ``apply`` (do the edit) and ``revert`` (take it back), each returning
    what it wrote; neither touches a view."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied_once = False
        self._report: ReportError = lambda _message: None
        self._deliver: ApplyChanges = lambda _changes: None

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def read_before(self) -> None:
        """For an edit kept until the services loaded (``EditRunner.hold``): read again,
        just before it applies, what its undo writes back; the edits kept before it may
        have changed that."""

    def redo(self) -> None:
        if not self._applied_once:
            self._applied_once = True  # the runner applied it before pushing
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except ContactMapError as error:
            self._report(str(error))
            # Qt has already moved the stack's index; an obsolete command is dropped so the
            # stack never claims a state the file does not hold.
            self.setObsolete(True)
            return
        self._deliver(changes)


class EditRunner:
    """Runs edits against the workspace and keeps the one undo stack."""

    def __init__(self, undo_stack: QUndoStack, report_error: ReportError,
                 deliver: ApplyChanges) -> None:
        self.undo_stack = undo_stack
        self._report_error = report_error
        self._deliver = deliver
        self.read_only = False
        self._held: list[EditCommand] | None = None

    def hold(self) -> None:
        """Keep the edits run from now on, in order, until ``release``: the window paints
        and takes keys before the services it writes through are loaded."""
        self._held = []

    def release(self) -> None:
        """Run the edits kept since ``hold``, in the order they were made."""
        held, self._held = self._held or [], None
        for command in held:
            command.read_before()
            self.run(command)

    def run(self, command: EditCommand) -> bool:
        """Apply ``command`` and push it; False (with the reason shown) if it failed."""
        try:
            self.run_or_raise(command)
        except ContactMapError as error:
            self._report_error(str(error))
            return False
        return True

    def run_or_raise(self, command: EditCommand) -> None:
        """For dialogs that show the error beside their fields: raise instead of reporting."""
        if self._held is not None:
            self._held.append(command)
            return
        if self.read_only:
            raise ContactMapError("This workspace is open read-only; changes cannot be saved.")
        changes = command.apply()
        command._report = self._report_error
        command._deliver = self._deliver
        self.undo_stack.push(command)
        self._deliver(changes)
