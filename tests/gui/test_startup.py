"""The start of the window: a grade typed the moment the window is painted is saved, and
what the start made is kept out of the collector's walks."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.startup import Startup
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.startup_splash import StartupSplash
from tests.helpers.sample_workspace import sample_copy


def _grade_of_first_cell(path: Path) -> str | None:
    """The stored grade of the grid's first cell: first team member, first stakeholder."""
    with sqlite3.connect(path) as connection:
        member = connection.execute(
            "SELECT team_member_id FROM account_team ORDER BY position LIMIT 1").fetchone()
        stakeholder = connection.execute(
            "SELECT id FROM stakeholders WHERE deleted_at IS NULL"
            " ORDER BY position, name LIMIT 1").fetchone()
        row = connection.execute(
            "SELECT grade FROM relationships WHERE team_member_id = ? AND stakeholder_id = ?",
            (member[0], stakeholder[0])).fetchone()
    return None if row is None else row[0]


def _start(qtbot: QtBot, path: Path, ui_settings: UiSettings,
           monkeypatch: pytest.MonkeyPatch,
           at_first_paint: Callable[[QWidget], None]) -> MainWindow:
    """The window started as the app starts it, ``at_first_paint`` called as it paints."""
    painted = Startup._window_painted
    done: list[bool] = []

    def window_painted(startup: Startup, window: QWidget) -> None:
        at_first_paint(window)
        done.append(True)
        painted(startup, window)

    monkeypatch.setattr(Startup, "_window_painted", window_painted)
    splash = StartupSplash(path.name)
    qtbot.addWidget(splash)
    startup = Startup(splash, path, ui_settings, smoke=False)
    splash.show()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert startup.application is not None
    window = startup.application.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def test_a_grade_typed_at_the_first_paint_of_the_window_is_saved(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_copy(tmp_path / "sample.cmap")
    assert _grade_of_first_cell(path) != "T"
    typed_into: list[QWidget | None] = []

    def type_t(window: QWidget) -> None:
        # Queued as the keyboard's would be, ahead of whatever the window does next.
        target = QApplication.focusWidget()
        typed_into.append(target)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(target or window, QKeyEvent(
                kind, Qt.Key.Key_T, Qt.KeyboardModifier.NoModifier, "t"))

    window = _start(qtbot, path, ui_settings, monkeypatch, type_t)

    assert typed_into == [window.map_page.grid]
    qtbot.waitUntil(lambda: _grade_of_first_cell(path) == "T")
    window.close()


def test_what_the_start_made_is_not_walked_by_the_collector_again(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its first collections walked it all: 60 ms with the sample, up to 0.9 s with a
    1,000 × 100 account, just before or after the window's first paint."""
    frozen_before = gc.get_freeze_count()
    frozen_at_paint: list[int] = []
    window = _start(qtbot, sample_copy(tmp_path / "sample.cmap"), ui_settings, monkeypatch,
                    lambda _window: frozen_at_paint.append(gc.get_freeze_count()))
    assert frozen_at_paint[0] > frozen_before + 1_000  # the window, its map, its models
    window.close()
