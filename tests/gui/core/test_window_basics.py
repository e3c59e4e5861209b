"""Smaller promises of the window: a copy of the workspace, renaming, crashes shown as bugs."""

from __future__ import annotations

import logging
import sqlite3
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.logging_setup import setup_logging
from contactmap_desktop.ui.accounts.account_dialog import AccountDialog
from contactmap_desktop.ui.core.error_reporting import ExceptionReporter
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.help.shortcuts_dialog import GRID_KEYS, ShortcutsDialog
from tests.helpers.sample_workspace import sample_copy


def _menu_action(window: MainWindow, menu: str, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.menu(menu).actions() if a.text() == text)


def test_save_a_copy_writes_a_consistent_workspace(window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.cmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    _menu_action(window, "&File", "Save a &Copy As…").trigger()
    with sqlite3.connect(target) as copy:
        names = [row[0] for row in copy.execute("SELECT name FROM stakeholders ORDER BY name")]
    assert names == ["Abe Advisor", "Ada Power", "Uma User"]


def test_renaming_the_account_shows_in_the_list_and_undoes(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    account = window.document.contact_map.account  # type: ignore[union-attr]
    dialog = AccountDialog(window.document, account, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("Acme Holdings")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert window.accounts.model.index(0).data() == "Acme Holdings"
    assert window.document.undo_stack.undoText() == "Edit account Acme Holdings"
    window.document.undo_stack.undo()
    assert window.accounts.model.index(0).data() == "Acme Corp"


def test_an_uncaught_exception_is_logged_with_its_traceback(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path / "logs")
    reporter = ExceptionReporter(lambda: log_path, show_dialog=False)
    try:
        raise RuntimeError("grid exploded")
    except RuntimeError as error:
        reporter.handle(RuntimeError, error, error.__traceback__)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        handler.close()
        root.removeHandler(handler)  # leave the other tests' logging as it was
    text = log_path.read_text()
    assert "Uncaught exception" in text and "RuntimeError: grid exploded" in text
    assert "Traceback" in text


def test_an_uncaught_exception_shows_one_bug_dialog_that_names_the_log(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log_path = tmp_path / "contactmap.log"
    reporter = ExceptionReporter(lambda: log_path)
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        # Another error while the dialog is open (its own paint failing…) opens no second one.
        reporter.handle(ValueError, ValueError("while showing"), None)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    reporter.handle(RuntimeError, RuntimeError("grid exploded"), None)
    assert len(shown) == 1
    text, details = shown[0]
    assert text.startswith("Something went wrong inside ContactMap — this is a bug")
    assert str(log_path) in text and details == "RuntimeError: grid exploded"

    reporter.handle(KeyError, KeyError("next"), None)  # the dialog closed: the next one shows
    assert len(shown) == 2


def test_keyboard_shortcuts_page_lists_the_grid_keys_and_menu_commands(
        window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
            for r in range(dialog.table.rowCount())]
    assert rows[:len(GRID_KEYS)] == GRID_KEYS
    assert any(meaning == "Edit ▸ Undo" for _keys, meaning in rows)
    assert any(meaning == "Account ▸ Add Stakeholder" for _keys, meaning in rows)


def test_panel_layout_is_arranged_once_and_restored_next_time(
        qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDockWidget, QTabBar

    from contactmap_desktop.application import build_window
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.core.settings import UiSettings

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    opened = open_workspace(sample_copy(tmp_path / "s.cmap"),
                            backups_root=tmp_path / "backups")
    first = build_window(opened, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    def groups() -> list[str]:
        bars = [b for b in first.findChildren(QTabBar) if b.isVisible() and b.parent() is first]
        return sorted(b.tabText(0).split(" (")[0] for b in bars)  # "Findings (13)"

    # Two groups of panels and no stray tab bars; the findings arrive just after the paint.
    qtbot.waitUntil(lambda: groups() == ["Details", "Findings"])
    history = first.findChild(QDockWidget, "historyDock")
    assert history is not None
    history.toggleViewAction().trigger()  # Window ▸ History: hide it
    first.close()
    second = build_window(opened, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    qtbot.waitUntil(lambda: not second._layout_pending and second.saveState() != b"")
    qtbot.wait(50)
    assert not second.findChild(QDockWidget, "historyDock").isVisible()  # type: ignore[union-attr]
    second.reset_layout()
    assert second.findChild(QDockWidget, "historyDock").isVisible()  # type: ignore[union-attr]
    second.close()
    opened.close()


def test_contact_map_pdf_is_exported_from_the_file_menu(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers.pdf_checks import pdf_text

    target = tmp_path / "acme map"  # no suffix typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    action = _menu_action(window, "&File", "Export Contact &Map as PDF…")
    action.trigger()
    assert not action.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: action.isEnabled(), timeout=60_000)
    text = pdf_text(target.with_suffix(".pdf"))
    assert "Acme Corp" in text and "Ada Power" in text
    assert window.statusBar().currentMessage().startswith("Wrote ")
