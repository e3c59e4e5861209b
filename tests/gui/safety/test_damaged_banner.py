"""A damaged workspace opens read-only under a banner that offers its backups."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from contactmap_desktop.ui.safety.feature import DamagedBanner
from contactmap_desktop.ui.safety.restore_backup_dialog import RestoreBackupDialog
from tests.helpers.damaged_files import write_damaged_workspace


def test_the_banner_says_read_only_and_offers_the_backups(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "damaged.cmap"
    write_damaged_workspace(path)
    backups = tmp_path / "backups"
    warned: list[str] = []
    opened = WorkspaceOpener(backups_root=backups,
                             warn=lambda _p, text: warned.append(text)).open(path)
    assert opened is not None and opened.read_only and opened.damage
    window = build_window(opened, ui_settings)
    qtbot.addWidget(window)
    window.show()
    assert "(read-only)" in window.windowTitle()
    banner = window.findChild(DamagedBanner)
    assert banner is not None and banner.isVisible()
    assert banner.text.textFormat() == Qt.TextFormat.PlainText
    assert "is damaged" in banner.text.text() and "read-only" in banner.text.text()
    asked: list[object] = []
    monkeypatch.setattr(RestoreBackupDialog, "ask",
                        staticmethod(lambda service, parent: asked.append(service)))
    qtbot.mouseClick(banner.restore, Qt.MouseButton.LeftButton)
    # The composition root's backup service, on this workspace's folder of backups.
    assert asked == [opened.services.backups]
    assert opened.services.backups.folder.parent == backups
    assert opened.services.backups.workspace_path == opened.path
    window.close()
    opened.close()
    assert not backups.exists() or not any(backups.rglob("*.cmap"))
