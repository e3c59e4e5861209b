"""The import dialog: mapping, preview, company filter, seniority edits, worker thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import Changes, people_of
from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.services.csv_import import CsvImportService
from contactmap_desktop.ui.core.edit_runner import EditRunner
from contactmap_desktop.ui.data.import_commands import ImportStakeholdersCommand
from contactmap_desktop.ui.data.import_dialog import ImportDialog
from contactmap_desktop.ui.data.import_models import PREVIEW_ROWS, MappingModel, PreviewModel
from tests.helpers import contact_exports
from tests.helpers.builders import SmallMap, build_small_map


@pytest.fixture
def small(tmp_path: Path) -> Iterator[SmallMap]:
    built = build_small_map(tmp_path / "w.cmap")
    yield built
    built.opened.close()


def open_dialog(qtbot: QtBot, small: SmallMap, data: bytes) -> ImportDialog:
    dialog = ImportDialog(CsvImportService(small.opened.workspace), small.account.id,
                          small.account.name, data, "Connections.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=5000)
    return dialog


def names(small: SmallMap) -> list[str]:
    return [s.name for s in small.opened.contact_maps.load_map(small.account.id).stakeholders]


def test_linkedin_file_is_previewed_filtered_edited_and_imported(
    qtbot: QtBot, small: SmallMap, qtmodeltester: ModelTester
) -> None:
    dialog = open_dialog(qtbot, small, contact_exports.linkedin_connections())
    assert "Recognised: LinkedIn connections." in dialog.found_label.text()
    assert dialog.counts_label.text() == "Will add 5, update 0 and skip 0 rows."
    qtmodeltester.check(dialog.preview_model)
    qtmodeltester.check(dialog.mapping_model)

    dialog.company_box.setCurrentText("Northwind")
    qtbot.waitUntil(lambda: "skip 1" in dialog.counts_label.text() and not dialog.busy)
    # Make the fourth person (伟 李, an individual contributor by title) an executive.
    model = dialog.preview_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "伟 李")
    assert model.index(row, PreviewModel.SENIORITY).data() == "Individual contributor"
    assert model.setData(model.index(row, PreviewModel.SENIORITY), Seniority.EXECUTIVE.value)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.preview_model.index(
        row, PreviewModel.SENIORITY).data() == "Executive")

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=5000)
    assert dialog.imported is not None and len(dialog.imported.added_ids) == 4
    assert names(small)[3:] == ["Helena Vogt", "Priya Raman", "Zoë Müller 🚚", "伟 李"]
    li = small.opened.contact_maps.load_map(small.account.id).stakeholders[-1]
    assert li.seniority is Seniority.EXECUTIVE

    # The import is one undo step on the window's stack.
    stack = QUndoStack()
    delivered: list[Changes] = []
    runner = EditRunner(stack, pytest.fail, delivered.append)
    assert runner.run(ImportStakeholdersCommand(CsvImportService(small.opened.workspace),
                                                dialog.imported))
    stack.undo()
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]
    stack.redo()
    assert len(names(small)) == 7
    assert delivered == [people_of(small.account.id)] * 3


def test_changing_the_mapping_previews_again(qtbot: QtBot, small: SmallMap) -> None:
    data = contact_exports.to_csv([["Who", "Job"], ["Ann Lee", "CTO"]]).encode()
    dialog = open_dialog_expecting_error(qtbot, small, data)
    assert "no column is mapped to the name" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    mapping = dialog.mapping_model
    assert mapping.setData(mapping.index(0, MappingModel.FIELD), ImportField.NAME.value)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.error_label.text() == ""
    assert dialog.preview_model.index(0, 2).data() == "Ann Lee"


def test_a_column_is_mapped_by_picking_its_field_in_the_table_s_combo(
        qtbot: QtBot, small: SmallMap) -> None:
    data = contact_exports.to_csv([["Who", "Job"], ["Ann Lee", "CTO"]]).encode()
    dialog = open_dialog_expecting_error(qtbot, small, data)
    view = dialog.mapping_view
    cell = view.model().index(0, MappingModel.FIELD)
    assert cell.data() == "(not imported)"

    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # opens the field's combo, set to the field now
    editor = view.indexWidget(cell) or view.focusWidget()
    assert isinstance(editor, QComboBox)
    assert editor.currentData() == ImportField.IGNORE.value
    qtbot.keyClicks(editor, "Full name")  # a choice made is written at once

    assert cell.data() == "Full name"
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.preview_model.index(0, 2).data() == "Ann Lee"


def test_a_bad_row_is_shown_with_its_line_and_nothing_can_be_imported(
    qtbot: QtBot, small: SmallMap
) -> None:
    data = b"Name,Title\nAnn Lee,CTO\n,Orphan\n"
    dialog = open_dialog_expecting_error(qtbot, small, data)
    assert dialog.error_label.text().startswith("Line 3: the row has no name")
    assert not dialog.import_button.isEnabled()
    assert names(small) == ["Ada Power", "Uma User", "Abe Advisor"]


def open_dialog_expecting_error(qtbot: QtBot, small: SmallMap, data: bytes) -> ImportDialog:
    dialog = ImportDialog(CsvImportService(small.opened.workspace), small.account.id,
                          small.account.name, data)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "" and not dialog.busy, timeout=5000)
    return dialog


def test_work_runs_off_the_gui_thread_with_progress(
    qtbot: QtBot, small: SmallMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    original = CsvImportService.preview

    def spy(self: CsvImportService, *args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CsvImportService, "preview", spy)
    rows = [["Name", "Title"]] + [[f"Person {i}", "Analyst"] for i in range(5000)]
    dialog = open_dialog(qtbot, small, contact_exports.to_csv(rows).encode())
    assert threads == [False]
    assert dialog.counts_label.text() == "Will add 5,000, update 0 and skip 0 rows."
    assert dialog.preview_model.rowCount() == 200  # a preview, not the whole file
    assert dialog.progress.isHidden()


def test_the_app_s_own_export_comes_back_with_grades_and_managers_in_one_undo_step(
        qtbot: QtBot, small: SmallMap, tmp_path: Path) -> None:
    # The small map's export, with a manager and a new team member's column, into a new account.
    text = ("Name,Title,Department,Seniority,Buying roles,Email,Phone,Reports to,Notes,"
            "Grade: Rep One,Grade: Sam New\n"
            "Ann Chief,CEO,,Executive,P,,,,,T,\n"
            "Bo Deputy,COO,,Senior manager,U,,,Ann Chief,,,O\n")
    other = small.opened.accounts.create_account("Globex", "Retail").value
    dialog = ImportDialog(CsvImportService(small.opened.workspace), other.id, other.name,
                          text.encode(), "Acme Corp stakeholders.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=5000)
    assert "Recognised: ContactMap export." in dialog.found_label.text()
    assert dialog.counts_label.text() == (
        "Will add 2, update 0 and skip 0 rows, and set 2 grades and 1 reporting line. "
        "Grades with Rep One, Sam New; people not yet on the team join it.")
    labels = [dialog.mapping_model.index(r, MappingModel.FIELD).data()
              for r in range(dialog.mapping_model.rowCount())]
    assert labels.count(ImportField.GRADE.label) == 2
    assert ImportField.REPORTS_TO.label in labels

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=5000)
    assert dialog.imported is not None
    imported = small.opened.contact_maps.load_map(other.id)
    assert [m.name for m in imported.team_members] == ["Rep One", "Sam New"]
    assert imported.graded_count() == 2
    stack = QUndoStack()
    delivered: list[Changes] = []
    runner = EditRunner(stack, pytest.fail, delivered.append)
    assert runner.run(ImportStakeholdersCommand(CsvImportService(small.opened.workspace),
                                                dialog.imported))
    assert stack.count() == 1
    assert delivered[0].team == {other.id} and len(delivered[0].cells) == 2
    stack.undo()
    undone = small.opened.contact_maps.load_map(other.id)
    assert undone.stakeholders == [] and undone.team_members == []
    stack.redo()
    assert small.opened.contact_maps.load_map(other.id).graded_count() == 2


def test_the_dialog_holds_the_counts_and_the_rows_it_shows_not_the_whole_plan(
        qtbot: QtBot, small: SmallMap) -> None:
    rows = [["Name"]] + [[f"Person {i}"] for i in range(PREVIEW_ROWS + 50)]
    dialog = open_dialog(qtbot, small, contact_exports.to_csv(rows).encode())

    assert dialog.counts_label.text() == f"Will add {PREVIEW_ROWS + 50}, update 0 and skip 0 rows."
    assert dialog.preview_model.rowCount() == PREVIEW_ROWS
    assert dialog.plan is not None and len(dialog.plan.first_rows) == PREVIEW_ROWS
