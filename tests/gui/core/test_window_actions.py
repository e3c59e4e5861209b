"""The window's own menu commands as a user meets them: File's workspace commands refuse what
would lose a file, and Account's remove commands ask first and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def _action(window: MainWindow, menu: str, text: str) -> QAction:
    return next(a for a in window.menu(menu).actions() if a.text() == text)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_save_a_copy_writes_the_whole_workspace_but_never_over_itself(
        window: MainWindow, small_map: SmallMap, tmp_path: Path, warnings: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    save_copy = _action(window, "&File", "Save a &Copy As…")
    itself = str(small_map.opened.path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (itself, ""))
    save_copy.trigger()
    assert warnings == ["Choose another file: a copy cannot replace the workspace itself."]

    copy = tmp_path / "copies" / "for the manager"  # no suffix: the workspace's is added
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(copy), ""))
    save_copy.trigger()
    saved = copy.with_suffix(".cmap")
    assert window.statusBar().currentMessage() == f"Saved a copy as {saved}"
    reopened = open_workspace(saved, create=False)
    try:
        assert [a.name for a in reopened.accounts.list_accounts()] == ["Acme Corp"]
    finally:
        reopened.close()


def test_a_new_workspace_never_takes_the_name_of_an_existing_file(
        window: MainWindow, tmp_path: Path, warnings: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "plans.cmap"
    existing.write_bytes(b"someone's file")
    requested: list[tuple[Path, bool]] = []
    window.workspace_requested.connect(lambda path, create: requested.append((path, create)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(existing), ""))

    _action(window, "&File", "&New Workspace…").trigger()

    assert requested == [] and len(warnings) == 1
    assert warnings[0].startswith("plans.cmap already exists")
    assert existing.read_bytes() == b"someone's file"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "new"), ""))
    _action(window, "&File", "&New Workspace…").trigger()
    assert requested == [(tmp_path / "new.cmap", True)]


def test_open_recent_lists_the_other_workspaces_and_opens_the_one_chosen(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, tmp_path: Path) -> None:
    other = tmp_path / "other.cmap"
    other.touch()
    window.ui_settings.add_recent(other)
    window.ui_settings.add_recent(tmp_path / "moved away.cmap")  # gone: not listed
    window.ui_settings.add_recent(small_map.opened.path)  # the open one is not listed
    recent = _action(window, "&File", "Open &Recent").menu()
    requested: list[tuple[Path, bool]] = []
    window.workspace_requested.connect(lambda path, create: requested.append((path, create)))

    recent.aboutToShow.emit()

    entries = recent.actions()
    assert [a.text() for a in entries] == ["&1 other.cmap"]
    entries[0].trigger()
    assert requested == [(other.resolve(), False)]


def test_removing_a_stakeholder_or_a_team_member_asks_first_and_undoes(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap,
        monkeypatch: pytest.MonkeyPatch) -> None:
    model, grid = window.map_page.model, window.map_page.grid
    columns, rows = model.columnCount(), model.rowCount()
    grid.setCurrentIndex(model.index_of(small_map.cell(1, 2)))
    remove_stakeholder = _action(window, "&Account", "&Remove Stakeholder…")
    remove_member = _action(window, "&Account", "Remo&ve Team Member…")

    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    remove_stakeholder.trigger()
    assert asked == ["Remove Abe Advisor from the map?\n\nYou can undo this with Edit ▸ Undo."]
    assert model.columnCount() == columns

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    remove_stakeholder.trigger()
    assert model.columnCount() == columns - 1
    grid.setCurrentIndex(model.index(1, 0))
    remove_member.trigger()
    assert model.rowCount() == rows - 1
    assert window.document.contact_map is not None
    assert [m.name for m in window.document.contact_map.team_members] == ["Rep One"]

    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert (model.rowCount(), model.columnCount()) == (rows, columns)
