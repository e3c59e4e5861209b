"""The preferences dialog: the Coverage tab shows, validates and saves the thresholds, and
the dialog gives back the change set the services returned."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import NO_CHANGES, SETTINGS, Changes
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.preferences_dialog import (
    CoveragePage,
    PreferencesDialog,
    PreferencesPage,
)


@pytest.fixture
def opened(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = open_workspace(tmp_path / "w.cmap")
    yield opened
    opened.close()


def test_coverage_tab_saves_on_ok(qtbot: QtBot, opened: OpenWorkspace) -> None:
    settings = SettingsService(opened.workspace)
    page = CoveragePage(settings)
    dialog = PreferencesDialog([page])
    qtbot.addWidget(dialog)
    assert dialog.saved == NO_CHANGES
    assert dialog.tabs.tabText(0) == "Coverage"
    assert page.spins["trust_share_limit"].value() == 30
    page.spins["stale_after_days"].setValue(45)
    page.spins["trust_share_limit"].setValue(35)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = CoverageThresholds(trust_share_limit=35, stale_after_days=45)
    assert settings.coverage_thresholds() == expected
    assert dialog.saved == SETTINGS  # as the service returned it


def test_cancel_and_restore_defaults(qtbot: QtBot, opened: OpenWorkspace) -> None:
    settings = SettingsService(opened.workspace)
    settings.set_coverage_thresholds(CoverageThresholds(most_relationships=5))
    page = CoveragePage(settings)
    dialog = PreferencesDialog([page])
    qtbot.addWidget(dialog)
    assert page.spins["most_relationships"].value() == 5
    page.spins["most_relationships"].setValue(9)
    dialog.reject()
    assert settings.coverage_thresholds().most_relationships == 5
    page.show_thresholds(CoverageThresholds())
    assert page.thresholds() == CoverageThresholds()


class _Refusing(PreferencesPage):
    title = "Other"

    def __init__(self) -> None:
        super().__init__()
        self.saved = False

    def check(self) -> None:
        raise ValidationError("The paper size is unknown.")

    def save(self) -> Changes:
        self.saved = True
        return NO_CHANGES


def test_a_page_that_refuses_keeps_the_dialog_open_and_saves_nothing(
        qtbot: QtBot, opened: OpenWorkspace, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = SettingsService(opened.workspace)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    coverage, other = CoveragePage(settings), _Refusing()
    dialog = PreferencesDialog([coverage, other])
    qtbot.addWidget(dialog)
    coverage.spins["open_share_floor"].setValue(40)
    dialog.accept()
    assert warnings == ["The paper size is unknown."]
    assert settings.coverage_thresholds().open_share_floor == 25
    assert not other.saved and dialog.saved == NO_CHANGES


def test_ask_returns_what_the_user_saved_or_none(qtbot: QtBot, opened: OpenWorkspace,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    settings = SettingsService(opened.workspace)
    monkeypatch.setattr(PreferencesDialog, "exec",
                        lambda self: (self.accept(), QDialog.DialogCode.Accepted.value)[1])
    assert PreferencesDialog.ask(None, [CoveragePage(settings)]) == SETTINGS
    monkeypatch.setattr(PreferencesDialog, "exec",
                        lambda self: (self.reject(), QDialog.DialogCode.Rejected.value)[1])
    assert PreferencesDialog.ask(None, [CoveragePage(settings)]) is None
