"""The one way every edit runs: applied first, pushed only if written, and an undo that the
file refuses leaves no step behind that claims a state the file does not hold."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from contactmap_desktop.domain.changes import Changes, people_of
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.core.edit_runner import EditCommand, EditRunner


class Rename(EditCommand):
    """An edit whose writes can be made to fail, as a full disk or a vanished row would."""

    def __init__(self, file: list[str], name: str) -> None:
        super().__init__(f"Rename to {name}")
        self.file, self.name, self.before = file, name, file[0]
        self.refuse = ""

    def apply(self) -> Changes:
        return self._write(self.name)

    def revert(self) -> Changes:
        return self._write(self.before)

    def _write(self, name: str) -> Changes:
        if self.refuse:
            raise ContactMapError(self.refuse)
        self.file[0] = name
        return people_of("acme")


class Window:
    """What the runner talks to: the error dialog and the one place change sets arrive."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.delivered: list[Changes] = []
        self.stack = QUndoStack()
        self.runner = EditRunner(self.stack, self.errors.append, self.delivered.append)


def test_an_edit_is_written_pushed_and_delivered_and_undo_redo_deliver_theirs(
        qapp: QApplication) -> None:
    file, window = ["Acme"], Window()

    assert window.runner.run(Rename(file, "Acme Corp"))

    assert file == ["Acme Corp"] and window.stack.count() == 1
    assert window.delivered == [people_of("acme")]  # once: pushing did not apply it again
    window.stack.undo()
    assert file == ["Acme"] and len(window.delivered) == 2
    window.stack.redo()
    assert file == ["Acme Corp"] and len(window.delivered) == 3
    assert window.errors == []


def test_a_refused_edit_pushes_nothing_and_says_why(qapp: QApplication) -> None:
    file, window = ["Acme"], Window()
    command = Rename(file, "Acme Corp")
    command.refuse = "The disk is full; nothing was changed."

    assert not window.runner.run(command)

    assert window.errors == ["The disk is full; nothing was changed."]
    assert window.stack.count() == 0 and window.delivered == [] and file == ["Acme"]


def test_a_read_only_workspace_refuses_every_edit_before_writing(qapp: QApplication) -> None:
    file, window = ["Acme"], Window()
    window.runner.read_only = True

    assert not window.runner.run(Rename(file, "Acme Corp"))

    assert window.errors == ["This workspace is open read-only; changes cannot be saved."]
    assert file == ["Acme"] and window.stack.count() == 0


def test_an_undo_the_file_refuses_is_reported_and_its_step_dropped(
        qapp: QApplication) -> None:
    file, window = ["Acme"], Window()
    first, second = Rename(file, "Acme Corp"), Rename(file, "Acme Holdings")
    assert window.runner.run(first) and window.runner.run(second)
    second.refuse = "The account was deleted on another laptop."

    window.stack.undo()

    assert window.errors == ["The account was deleted on another laptop."]
    assert file == ["Acme Holdings"] and len(window.delivered) == 2  # nothing redrawn
    assert window.stack.count() == 1 and window.stack.undoText() == "Rename to Acme Corp"
    assert not window.stack.canRedo()  # no step that would redo what was never undone
