"""Preferences of this computer: the backups kept reach the next opening of a workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contactmap_desktop.services.workspace_service import OpenWorkspace
from contactmap_desktop.storage.backup_rotation import RetentionPolicy
from contactmap_desktop.ui.core import workspace_opener
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.workspace_opener import WorkspaceOpener
from contactmap_desktop.ui.safety.backups_page import BackupsPage


def test_backups_kept_follow_the_preference(qtbot: QtBot, tmp_path: Path,
                                            ui_settings: UiSettings,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert ui_settings.backup_retention() == RetentionPolicy()
    page = BackupsPage(ui_settings)
    qtbot.addWidget(page)
    for spin in page.spins.values():
        spin.setValue(1)
    page.spins["last"].setValue(2)
    page.save()
    assert ui_settings.backup_retention() == RetentionPolicy(last=2, daily=1, weekly=1,
                                                             monthly=1)
    # The next opening takes the new policy (rotation itself is tested with the storage).
    seen: list[RetentionPolicy | None] = []
    real_open = workspace_opener.open_workspace

    def spy(path: Path, **options: Any) -> OpenWorkspace:
        seen.append(options.get("retention"))
        return real_open(path, **options)

    monkeypatch.setattr(workspace_opener, "open_workspace", spy)
    opener = WorkspaceOpener(backups_root=tmp_path / "backups",
                             retention=ui_settings.backup_retention, warn=lambda *_a: None)
    opened = opener.open(tmp_path / "w.cmap", create=True)
    assert opened is not None
    opened.close()
    assert seen == [RetentionPolicy(last=2, daily=1, weekly=1, monthly=1)]


def test_odd_stored_values_fall_back_or_are_bounded(ui_settings: UiSettings) -> None:
    ui_settings._settings.setValue("backups/last", "many")  # type: ignore[attr-defined]
    ui_settings._settings.setValue("backups/daily", 100000)  # type: ignore[attr-defined]
    policy = ui_settings.backup_retention()
    assert policy.last == RetentionPolicy().last and policy.daily == 365
