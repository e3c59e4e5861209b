"""The window's file commands: copy and paste grades, CSV export, another workspace, read-only."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import Application
from contactmap_desktop.domain.errors import WorkspaceLockedError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from contactmap_desktop.ui.data.feature import DataFeature
from contactmap_desktop.ui.data.import_dialog import ImportDialog
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.processes import start_child, wait_ready


def test_copy_and_paste_a_block_of_grades_is_one_undo_step(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    window.map_page.set_grades({small_map.cell(0, 0): Grade.TRUST,
                                small_map.cell(1, 0): Grade.OPEN})
    grid = window.map_page.grid
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualRect(grid.model().index(0, 0)).center())
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().split() == ["T", "O"]
    grid.setCurrentIndex(grid.model().index(0, 2))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    model = window.map_page.model
    assert [model.index(r, 2).data() for r in range(2)] == ["T", "O"]
    window.document.undo_stack.undo()
    assert [model.index(r, 2).data() for r in range(2)] == ["", ""]


def test_export_stakeholders_writes_the_map_as_csv(qtbot: QtBot, window: MainWindow,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    data = window.features.data
    assert isinstance(data, DataFeature)
    data.export_stakeholders()
    assert data.exports  # written on another thread
    qtbot.waitUntil(lambda: not data.exports)
    text = target.read_text(encoding="utf-8-sig")
    assert "Ada Power" in text and "Abe Advisor" in text


def test_stakeholders_imported_from_the_file_menu_are_one_undo_step(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Title\nDee Buyer,Head of Purchasing\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(source), ""))

    def import_when_previewed(dialog: ImportDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.imported is not None, timeout=5000)
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", import_when_previewed)
    model = window.map_page.model
    columns = model.columnCount()

    _menu_action(window, "&File", "&Import Stakeholders…").trigger()

    assert model.columnCount() == columns + 1
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert model.columnCount() == columns


def test_a_file_that_cannot_be_imported_is_named_in_a_message(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "not a file.csv"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(folder), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    _menu_action(window, "&File", "&Import Stakeholders…").trigger()

    assert len(warned) == 1 and "not a file.csv" in warned[0]
    assert window.document.undo_stack.count() == 0


def _menu_action(window: MainWindow, menu: str, text: str) -> QAction:
    return next(a for a in window.menu(menu).actions() if a.text() == text)


def _application_on_first(qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings
                          ) -> tuple[Application, MainWindow, SmallMap]:
    """An application with its window on ``first.cmap``, a small map's workspace."""
    small = build_small_map(tmp_path / "first.cmap")
    small.opened.close()
    application = Application(ui_settings, WorkspaceOpener(backups_root=tmp_path / "backups"))
    assert application.open(tmp_path / "first.cmap", create=False)
    window = application.window
    assert window is not None
    qtbot.addWidget(window)
    return application, window, small


def _open_second(qtbot: QtBot, application: Application, tmp_path: Path) -> MainWindow:
    """File ▸ New workspace ``second.cmap`` from the application's window: its new window."""
    previous = application.window
    assert previous is not None
    previous.workspace_requested.emit(tmp_path / "second.cmap", True)
    second = application.window
    assert second is not None and second is not previous
    qtbot.addWidget(second)
    return second


def test_opening_another_workspace_replaces_the_window(qtbot: QtBot, tmp_path: Path,
                                                       ui_settings: UiSettings) -> None:
    application, _window, _small = _application_on_first(qtbot, tmp_path, ui_settings)
    second = _open_second(qtbot, application, tmp_path)
    assert second.windowTitle() == "second.cmap — ContactMap"
    assert second.document.contact_map is None  # an empty workspace: no account yet
    assert ui_settings.recent_workspaces()[:2] == [(tmp_path / "second.cmap").resolve(),
                                                  (tmp_path / "first.cmap").resolve()]
    second.close()


def test_opening_another_workspace_lets_the_old_window_s_features_close(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings) -> None:
    # The findings worker, the team sync and the letters listen for the window closing: a
    # window deleted with their thread still running aborted the app.
    application, window, _small = _application_on_first(qtbot, tmp_path, ui_settings)
    told: list[str] = []
    window.closing.connect(lambda: told.append("closing"))  # as each feature listens
    second = _open_second(qtbot, application, tmp_path)
    assert told == ["closing"]
    second.close()


def test_what_the_old_window_saves_as_it_closes_is_in_the_closing_backup(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings) -> None:
    # A feature saves what waits for a pause when the window closes (a plan's text still
    # being typed): that write must reach the workspace while it is open, before its closing
    # backup and before its lock is let go.
    application, window, small = _application_on_first(qtbot, tmp_path, ui_settings)
    window.closing.connect(lambda: window.map_page.set_grades({small.cell(1, 2): Grade.OPEN}))
    second = _open_second(qtbot, application, tmp_path)

    newest = max((tmp_path / "backups").rglob("*.cmap"), key=lambda p: p.stat().st_mtime)
    with closing(sqlite3.connect(f"{newest.as_uri()}?mode=ro", uri=True)) as backup:
        grades = backup.execute("SELECT grade FROM relationships WHERE team_member_id = ? "
                                "AND stakeholder_id = ?", (small.team_members[1].id,
                                                           small.stakeholders[2].id)).fetchall()
    assert grades == [("O",)]
    second.close()


def test_a_workspace_in_use_opens_read_only_and_refuses_edits(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    build_small_map(tmp_path / "shared.cmap").opened.close()
    holder = start_child("hold", str(tmp_path / "shared.cmap"))  # another running copy
    wait_ready(holder)
    try:
        _open_read_only_and_type(qtbot, tmp_path, ui_settings, monkeypatch)
    finally:
        holder.communicate("", timeout=30)


def _open_read_only_and_type(qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[WorkspaceLockedError] = []
    opener = WorkspaceOpener(ask_locked=lambda error, _parent: asked.append(error) or True,
                             backups_root=tmp_path / "backups")
    application = Application(ui_settings, opener)
    assert application.open(tmp_path / "shared.cmap", create=False)
    window = application.window
    assert window is not None
    qtbot.addWidget(window)
    assert asked and window.windowTitle().endswith("(read-only) — ContactMap")
    reported: list[str] = []
    monkeypatch.setattr(window, "report_error", reported.append)
    window.document.runner._report_error = reported.append
    grid = window.map_page.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_T)
    assert grid.model().index(0, 0).data() == ""
    assert reported == ["This workspace is open read-only; changes cannot be saved."]
    window.close()


def test_an_account_file_is_exported_off_the_window_thread(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "acme.cmacct"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    data = window.features.data
    assert isinstance(data, DataFeature)
    data.export_account()
    assert data.exports
    qtbot.waitUntil(lambda: not data.exports)
    assert target.stat().st_size > 0
    assert window.statusBar().currentMessage() == f"Wrote {target}"
