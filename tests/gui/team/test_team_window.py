"""Team mode in the window: a background sync brings others' grades into the open map
without a model reset, with the selection and the undo stack kept; the indicator says so."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.team.feature import TeamFeature
from tests.helpers.builders import SmallMap
from tests.helpers.team_laptops import Laptop, ann_and_bob


@pytest.fixture
def team_window(qtbot: QtBot, team_database: str, tmp_path: Path, ui_settings: UiSettings,
                monkeypatch: pytest.MonkeyPatch
                ) -> Iterator[tuple[MainWindow, Laptop, SmallMap]]:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    ann, bob_laptop, small = ann_and_bob(team_database, tmp_path)
    window = build_window(ann.opened, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, bob_laptop, small
    window.close()
    ann.close()
    bob_laptop.close()


def _wait_for_sync(qtbot: QtBot, feature: TeamFeature) -> None:
    qtbot.waitUntil(lambda: feature.task is None, timeout=20_000)


def test_arriving_grades_reach_the_open_map_in_place(
        qtbot: QtBot, team_window: tuple[MainWindow, Laptop, SmallMap]) -> None:
    window, bob, small = team_window
    feature = window.features.team
    assert isinstance(feature, TeamFeature)
    _wait_for_sync(qtbot, feature)
    assert feature.indicator.text() == "Team: synced"
    model, grid = window.map_page.model, window.map_page.grid
    window.map_page.set_grades({small.cell(0, 0): Grade.OPEN})  # an undoable edit here
    assert window.document.undo_stack.count() == 1
    grid.setCurrentIndex(model.index_of(small.cell(1, 2)))
    qtbot.waitUntil(lambda: "waiting" in feature.indicator.text(), timeout=5_000)
    bob.grade(small.cell(1, 1), "T")
    bob.team.sync()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    feature.sync_now()
    _wait_for_sync(qtbot, feature)
    arrived = model.index_of(small.cell(1, 1))
    qtbot.waitUntil(lambda: "T" in str(model.data(arrived, Qt.ItemDataRole.DisplayRole)))
    assert resets == []
    assert grid.currentIndex() == model.index_of(small.cell(1, 2))
    assert window.document.undo_stack.count() == 1
    assert feature.indicator.text() == "Team: synced"
    bob.team.sync()
    assert "O" in {c["new_grade"] for c in bob.snapshot(small.account.id)["grade_changes"]}


def test_an_unreachable_server_shows_offline_and_keeps_local_work(
        qtbot: QtBot, team_window: tuple[MainWindow, Laptop, SmallMap],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _, small = team_window
    feature = window.features.team
    assert isinstance(feature, TeamFeature)
    _wait_for_sync(qtbot, feature)
    from contactmap_desktop.domain.errors import TeamServerError

    def unreachable() -> object:
        raise TeamServerError("Cannot reach the team server at 127.0.0.1:1/team (refused).")

    monkeypatch.setattr(feature.team, "sync", unreachable)
    window.map_page.set_grades({small.cell(0, 1): Grade.SATISFIED})
    feature.sync_now()
    _wait_for_sync(qtbot, feature)
    assert feature.indicator.text() == "Team: offline"
    assert "Cannot reach" in feature.indicator.toolTip()
    assert window.document.contact_map is not None
    assert window.document.contact_map.relationships[small.cell(0, 1)].grade == Grade.SATISFIED


def test_a_window_closed_before_its_first_sync_starts_none(
        qtbot: QtBot, team_window: tuple[MainWindow, Laptop, SmallMap],
        ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first sync is asked for a moment after the window opens; a window deleted before
    that moment (File ▸ Open replaces it) must not start one on its remains."""
    window, _, _ = team_window
    monkeypatch.setattr("contactmap_desktop.ui.team.feature.FIRST_SYNC_MS", 50)
    short_lived = build_window(window.document.opened, ui_settings)
    short_lived.deleteLater()
    qtbot.wait(200)  # past the first sync's moment: pytest-qt fails on any exception raised


def test_closing_the_window_during_a_sync_waits_for_it(
        qtbot: QtBot, team_window: tuple[MainWindow, Laptop, SmallMap],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _, _ = team_window
    feature = window.features.team
    assert isinstance(feature, TeamFeature)
    _wait_for_sync(qtbot, feature)
    sync = feature.team.sync
    ended: list[bool] = []

    def slow() -> object:
        time.sleep(0.5)
        report = sync()
        ended.append(True)
        return report

    monkeypatch.setattr(feature.team, "sync", slow)
    feature.sync_now()
    assert feature.task is not None and feature.task.isRunning()
    window.close()
    assert ended == [True] and not feature.timer.isActive()
