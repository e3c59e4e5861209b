"""The Letters tab driven like a user: typing, the milestones table, letters, undo, preview."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.letters.letters_tab import LettersTab
from contactmap_desktop.ui.letters.row_models import MilestoneModel
from tests.helpers.sample_workspace import sample_copy


@dataclass
class Composer:
    tab: LettersTab
    service: LetterService
    stack: QUndoStack
    errors: list[str]
    opened: OpenWorkspace
    account_id: str


@pytest.fixture
def composer(qtbot: QtBot, tmp_path: Path) -> Iterator[Composer]:
    opened = open_workspace(sample_copy(tmp_path / "sample.cmap"))
    account = opened.accounts.list_accounts()[0]
    service = LetterService(opened.workspace)
    errors: list[str] = []
    # As in the window: the change set of each edit goes back to the tab.
    runner = EditRunner(QUndoStack(), errors.append,
                        lambda changes: tab.letters_changed(changes.letters))
    exports = tmp_path / "exports"
    exports.mkdir()
    tab = LettersTab(service, ReportSettings(SettingsService(opened.workspace)), runner,
                     errors.append, ask_path=lambda _parent, _folder, _letter: exports / "out.pdf",
                     # The sample letter still lacks a date: export it anyway, without asking.
                     confirm_gaps=lambda _parent, _gaps: True)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    with qtbot.waitSignal(tab.preview.updated, timeout=10_000):
        tab.set_account(opened.contact_maps.load_map(account.id))
        tab.show()
    yield Composer(tab, service, runner.undo_stack, errors, opened, account.id)
    tab.preview.wait()
    opened.close()


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def _stored(c: Composer) -> list[str]:
    return [letter.subject for letter in c.service.list_for_account(c.account_id)]


def test_typing_is_saved_as_one_undo_step_per_field(qtbot: QtBot, composer: Composer) -> None:
    c = composer
    letter = c.tab.current_letter()
    assert letter is not None
    subject = c.tab.form.lines["subject"]
    subject.setFocus()
    subject.end(False)
    qtbot.keyClicks(subject, " (rev. B)")
    with qtbot.waitSignal(c.stack.indexChanged, timeout=5000):
        pass  # the pause after typing saves it
    assert c.service.get(letter.id).subject.endswith(" (rev. B)")
    method = c.tab.form.texts["current_method"]
    method.setFocus()
    qtbot.keyClicks(method, "By hand. ")
    assert c.tab.flush()
    assert c.stack.count() == 2  # the whole subject, then the whole method
    assert c.service.get(letter.id).current_method.startswith("By hand. ")
    c.stack.undo()
    assert not c.service.get(letter.id).current_method.startswith("By hand. ")
    assert not method.toPlainText().startswith("By hand. ")
    c.stack.undo()
    assert c.service.get(letter.id).subject == letter.subject == subject.text()
    c.stack.redo()
    assert subject.text().endswith(" (rev. B)")
    assert c.errors == []


def test_a_milestone_date_picked_in_the_calendar_updates_the_preview(
        qtbot: QtBot, composer: Composer) -> None:
    c = composer
    assert "date to be agreed" in _pdf_text(c.tab.preview.pdf)
    assert c.tab.form.undated.isVisibleTo(c.tab)
    editor = c.tab.form.milestone_editor
    model = c.tab.form.milestones
    undated_row = next(row for row, m in enumerate(model.rows()) if m.due is None)
    index = model.index(undated_row, MilestoneModel.DATE_COLUMN)
    editor.table.setCurrentIndex(index)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    date_edit = editor.table.findChild(DateField, "milestoneDateEditor")
    assert date_edit is not None and date_edit.text() == ""  # undated: nothing invented
    with qtbot.waitSignal(c.tab.preview.updated, timeout=10_000):
        qtbot.keyClicks(date_edit, "19 Mar 2027")  # read as it reads, whatever the style
        qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    text = _pdf_text(c.tab.preview.pdf)
    assert "19 Mar 2027" in text and "date to be agreed" not in text
    assert not c.tab.form.undated.isVisibleTo(c.tab)
    assert c.tab.flush()
    letter = c.tab.current_letter()
    assert letter is not None
    assert c.service.get(letter.id).milestones[undated_row].due == date(2027, 3, 19)


def test_leaving_the_date_editor_untouched_keeps_a_step_undated(
        qtbot: QtBot, composer: Composer) -> None:
    editor = composer.tab.form.milestone_editor
    model = composer.tab.form.milestones
    row = next(row for row, m in enumerate(model.rows()) if m.due is None)
    editor.table.setCurrentIndex(model.index(row, MilestoneModel.DATE_COLUMN))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    date_edit = editor.table.findChild(DateField, "milestoneDateEditor")
    assert date_edit is not None
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.table.state() != editor.table.State.EditingState)
    assert model.rows()[row].due is None
    assert composer.stack.count() == 0


def test_milestone_rows_are_added_reordered_and_removed(qtbot: QtBot,
                                                        composer: Composer) -> None:
    c = composer
    editor = c.tab.form.milestone_editor
    model = c.tab.form.milestones
    steps = [m.step for m in model.rows()]
    editor.select(0)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert [m.step for m in model.rows()] == [steps[1], steps[0], *steps[2:]]
    assert editor.current_row() == 1
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == len(steps) + 1 and editor.current_row() == 2
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    cell_editor = editor.table.viewport().findChild(QLineEdit)
    assert cell_editor is not None
    qtbot.keyClicks(cell_editor, "Board approval")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)  # the view commits it from the event loop
    qtbot.waitUntil(lambda: model.rows()[2].step == "Board approval")
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [m.step for m in model.rows()] == [steps[1], steps[0], *steps[2:]]
    assert c.tab.flush()
    letter = c.tab.current_letter()
    assert letter is not None
    assert [m.step for m in c.service.get(letter.id).milestones] == \
        [steps[1], steps[0], *steps[2:]]


def test_new_letter_revision_and_delete_each_undo(qtbot: QtBot, composer: Composer) -> None:
    c = composer
    original = c.tab.current_letter()
    assert original is not None
    qtbot.mouseClick(c.tab.revise_button, Qt.MouseButton.LeftButton)
    revision = c.tab.current_letter()
    assert revision is not None and revision.id != original.id
    assert revision.based_on_id == original.id and revision.subject == original.subject
    assert c.tab.model.rowCount() == 2
    qtbot.mouseClick(c.tab.new_button, Qt.MouseButton.LeftButton)
    blank = c.tab.current_letter()
    assert blank is not None and blank.subject == "" and blank.addressee_name == "Priya Raman"
    assert c.tab.form.addressee_picker.currentText().startswith("Priya Raman")
    assert c.tab.model.rowCount() == 3
    qtbot.mouseClick(c.tab.delete_button, Qt.MouseButton.LeftButton)
    assert len(_stored(c)) == 2 and c.tab.model.rowCount() == 2
    c.stack.undo()  # the blank letter is back, with its id
    assert c.service.get(blank.id).id == blank.id and c.tab.model.rowCount() == 3
    c.stack.undo()  # no blank letter after all
    c.stack.undo()  # nor a revision
    assert _stored(c) == [original.subject]
    assert c.tab.current_letter() == c.service.get(original.id)
    assert c.errors == []


def test_picking_the_addressee_fills_name_and_title(qtbot: QtBot, composer: Composer) -> None:
    c = composer
    picker = c.tab.form.addressee_picker
    row = next(row for row in range(picker.count()) if picker.itemText(row).startswith("李伟"))
    picker.setCurrentIndex(row)
    picker.activated.emit(row)
    assert c.tab.form.lines["addressee_name"].text() == "李伟"
    assert c.tab.flush()
    letter = c.tab.current_letter()
    assert letter is not None
    stored = c.service.get(letter.id)
    assert (stored.addressee_name, stored.addressee_title) == ("李伟",
                                                               "Transport Planning Manager")
    with qtbot.waitSignal(c.tab.preview.updated, timeout=10_000):
        pass
    assert "Dear 李伟," in _pdf_text(c.tab.preview.pdf)


def test_export_writes_the_pdf_and_a_failed_export_says_why(qtbot: QtBot, composer: Composer,
                                                            tmp_path: Path) -> None:
    c = composer
    qtbot.mouseClick(c.tab.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "exports" / "out.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in c.tab.message.text()
    c.tab._ask_path = lambda _parent, _folder, _letter: tmp_path / "missing" / "out.pdf"
    qtbot.mouseClick(c.tab.export_button, Qt.MouseButton.LeftButton)
    assert len(c.errors) == 1 and "folder does not exist" in c.errors[0]


def test_a_read_only_workspace_shows_letters_but_offers_no_edits(composer: Composer) -> None:
    c = composer
    c.tab.set_read_only(True)
    assert c.tab.form.lines["subject"].isReadOnly()
    assert not c.tab.new_button.isEnabled() and not c.tab.delete_button.isEnabled()
    assert c.tab.export_button.isEnabled() and c.tab.print_button.isEnabled()
    assert not c.tab.form.milestone_editor.isEnabled()


def test_leaving_a_field_saves_it_and_table_edits_are_saved_at_once(
        qtbot: QtBot, composer: Composer) -> None:
    c = composer
    letter = c.tab.current_letter()
    assert letter is not None
    c.tab.activateWindow()
    subject = c.tab.form.lines["subject"]
    subject.setFocus()
    qtbot.waitUntil(subject.hasFocus)
    qtbot.keyClicks(subject, " now")
    assert c.tab.autosave.pending
    c.tab.form.lines["addressee_title"].setFocus()  # as a click elsewhere, or a menu, would
    assert not c.tab.autosave.pending
    assert c.service.get(letter.id).subject.endswith(" now")
    editor = c.tab.form.milestone_editor
    editor.select(0)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert not c.tab.autosave.pending and c.stack.count() == 2
    c.stack.undo()
    assert c.service.get(letter.id).milestones == letter.milestones


def test_exporting_an_unfinished_letter_asks_first_and_says_what_is_missing(
        qtbot: QtBot, composer: Composer, tmp_path: Path) -> None:
    c = composer
    asked: list[list[str]] = []
    answer = False

    def confirm(_parent: object, gaps: list[str]) -> bool:
        asked.append(gaps)
        return answer

    c.tab._confirm_gaps = confirm
    qtbot.mouseClick(c.tab.export_button, Qt.MouseButton.LeftButton)
    # The sample's purchase-order step has no date yet (article 002: "Use hard step dates").
    assert asked == [["step 4 has no hard date"]]
    out = tmp_path / "exports" / "out.pdf"
    assert not out.exists()
    c.tab.form.texts["solution"].setPlainText("")
    qtbot.mouseClick(c.tab.export_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == ["its solution is empty", "step 4 has no hard date"]
    assert not out.exists()  # refused: nothing written
    answer = True
    qtbot.mouseClick(c.tab.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
