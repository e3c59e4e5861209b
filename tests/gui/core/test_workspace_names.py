"""File ▸ New and File ▸ Open address exactly the chosen file, whatever letters its name has."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import Application
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.window_actions import _new_workspace, _open_workspace
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from tests.helpers.builders import build_small_map


def _account_names(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM accounts")]
    finally:
        connection.close()


@pytest.mark.parametrize("name", ["Which deals?.cmap", "Acme?v2.cmap", "Q4 #1.cmap",
                                  "100%41.cmap"])
def test_new_then_open_a_workspace_with_url_letters_in_its_name(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    build_small_map(tmp_path / "start.cmap").opened.close()
    # The file a URL reading of the name would address, if anything read it as one.
    decoy = tmp_path / name.split("?")[0].split("#")[0].replace("%41", "A")
    application = Application(ui_settings, WorkspaceOpener(backups_root=tmp_path / "backups"))
    assert application.open(tmp_path / "start.cmap", create=False)
    first = application.window
    assert first is not None
    qtbot.addWidget(first)
    chosen = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(chosen), ""))
    _new_workspace(first)
    created = application.window
    assert created is not None and created is not first
    qtbot.addWidget(created)
    assert created.document.opened.path == chosen
    created.document.opened.accounts.create_account("In the chosen file", "")
    assert not decoy.exists() or decoy == chosen

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a: (str(tmp_path / "start.cmap"), ""))
    _open_workspace(created)
    back = application.window
    assert back is not None
    qtbot.addWidget(back)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(chosen), ""))
    _open_workspace(back)
    reopened = application.window
    assert reopened is not None
    qtbot.addWidget(reopened)
    assert reopened.document.opened.path == chosen
    assert [a.name for a in reopened.document.opened.accounts.list_accounts()] == [
        "In the chosen file"]
    reopened.close()
    assert _account_names(chosen) == ["In the chosen file"]
    print(sorted(p.name for p in tmp_path.iterdir()))
    strays = [p.name for p in tmp_path.iterdir()
              if not p.name.startswith((name, "start.cmap", "settings.ini", "backups"))]
    assert strays == []
