"""The start of the window: a grade typed the moment the window is painted is saved, and
what the start made is kept out of the collector's walks."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.startup import Startup
from contactmap_desktop.storage.quick_read import QuickWorkspace
from contactmap_desktop.storage.stored_history import StoredHistory
from contactmap_desktop.ui.appearance.welcome_banner import WelcomeBanner
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.startup_splash import StartupSplash
from contactmap_desktop.ui.safety.workspace_locked_dialog import WorkspaceLockedDialog
from tests.helpers.processes import kill_hard, start_child, wait_ready
from tests.helpers.sample_workspace import sample_copy

ROOT = Path(__file__).resolve().parents[2]


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

    def window_painted(startup: Startup, window: QWidget, *complete: Callable[[], bool]) -> None:
        at_first_paint(window)
        done.append(True)
        painted(startup, window, *complete)

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


def test_a_grade_typed_before_the_services_are_loaded_is_kept_and_saved_in_order(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window paints from the light read; keys handled before the services load make
    edits that wait in the runner and are written, in order, once they are there."""
    path = sample_copy(tmp_path / "sample.cmap")
    held: list[int] = []

    def type_t_then_m(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        assert not hasattr(window, "features")  # the services and features come after
        grid = window.map_page.grid
        for key, text in ((Qt.Key.Key_T, "t"), (Qt.Key.Key_M, "m")):
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(grid, QKeyEvent(kind, key,
                                                       Qt.KeyboardModifier.NoModifier, text))
        held.append(window.document.undo_stack.count())

    window = _start(qtbot, path, ui_settings, monkeypatch, type_t_then_m)

    assert held == [0]  # nothing written before the services
    qtbot.waitUntil(lambda: _grade_of_first_cell(path) == "M")
    document = window.document
    assert document.account_id is not None
    # The map painted from the light read and the edits applied: the services' own read of
    # the account, its history read from the file.
    loaded = document.opened.contact_maps.load_map(document.account_id)
    assert replace(document.contact_map, history=loaded.history) == loaded
    assert dict(document.contact_map.histories()) == dict(loaded.histories())
    stack = window.document.undo_stack
    assert stack.count() == 2  # "T", then "M" over it
    stack.undo()
    assert _grade_of_first_cell(path) == "T"
    window.close()


def _frozen(thing: object) -> bool:
    """Out of the collector's walks: ``gc.freeze()`` moved it to the permanent generation,
    which ``gc.get_objects`` does not list."""
    return gc.is_tracked(thing) and not any(found is thing for found in gc.get_objects())


def test_what_the_start_made_is_not_walked_by_the_collector_again(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its first collections walked it all: 60 ms with the sample, up to 0.9 s with a
    1,000 × 100 account, just before or after the window's first paint. The window and its
    map are frozen before the first paint, the services and features once they are built."""
    frozen_at_paint: list[bool] = []

    def map_frozen(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        frozen_at_paint.append(_frozen(window.document.contact_map))

    window = _start(qtbot, sample_copy(tmp_path / "sample.cmap"), ui_settings, monkeypatch,
                    map_frozen)

    assert frozen_at_paint == [True]
    assert _frozen(window.features)
    window.close()


def test_the_welcome_is_there_at_the_first_paint_and_once(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The welcome needs no services: painted with the grid, it does not push the grid down
    when the features arrive, and they add no second one."""
    at_paint: list[int] = []
    window = _start(qtbot, sample_copy(tmp_path / "sample.cmap"), ui_settings, monkeypatch,
                    lambda painted: at_paint.append(len(painted.findChildren(WelcomeBanner))))

    assert at_paint == [1]
    assert len(window.findChildren(WelcomeBanner)) == 1
    window.close()


def test_the_grid_keeps_its_place_and_size_when_the_features_arrive(tmp_path: Path) -> None:
    """On a laptop's screen (1366 × 768) the first paint keeps room for the side panels
    and shows the welcome: the grid does not move or narrow when they load, with or without
    a layout saved at the last close."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    sample = sample_copy(tmp_path / "sample.cmap")
    for start in ("first start", "layout saved by the first"):
        result = subprocess.run(
            [sys.executable, "-m", "tests.helpers.first_paint_child", str(sample)],
            env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        seen = json.loads(result.stdout.splitlines()[-1])

        assert not seen["first paint"]["features"] and seen["completed"]["features"], start
        assert seen["first paint"]["window"] == seen["completed"]["window"], start
        assert seen["first paint"]["grid"] == seen["completed"]["grid"], start
        # One tab bar for each group of panels: Qt left a second one on screen, over the
        # panels, when the saved layout was restored in the painted window.
        assert seen["completed"]["tab bars"] == ["Details", "Findings"], start


def test_a_file_the_light_read_cannot_read_takes_the_normal_path(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage SQLite's quick check does not see fails the light read: the window is then
    built as before, by the full open, which says what is wrong."""
    def unreadable(_reads: QuickWorkspace, _account_id: str) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(QuickWorkspace, "load_shown_map", unreadable)
    with_features: list[bool] = []
    window = _start(qtbot, sample_copy(tmp_path / "sample.cmap"), ui_settings, monkeypatch,
                    lambda painted: with_features.append(hasattr(painted, "features")))

    assert with_features == [True]  # built with its features, before its first paint
    assert window.document.contact_map is not None
    assert any(True for _cell in window.document.contact_map.histories())
    window.close()


def test_a_history_the_file_fails_to_give_is_read_by_the_services(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's map reads its history from the file when asked; a read the file fails
    (damage the quick check missed, a busy file) is no bug: the services read the history,
    as they would have read the whole map, and the findings and the History panel show it."""
    def unreadable(_history: StoredHistory, _query: str, *_cell: str) -> Iterator[object]:
        raise sqlite3.DatabaseError("database disk image is malformed")
        yield

    monkeypatch.setattr(StoredHistory, "_rows", unreadable)
    bugs: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: bugs.append(exc_info))
    window = _start(qtbot, sample_copy(tmp_path / "sample.cmap"), ui_settings, monkeypatch,
                    lambda painted: None)
    coverage = window.features.coverage
    qtbot.waitUntil(lambda: not coverage.pending)

    assert bugs == [] and coverage.findings
    document = window.document
    assert document.contact_map is not None and document.account_id is not None
    loaded = document.opened.contact_maps.load_map(document.account_id)
    cell = max(loaded.relationships, key=lambda cell: len(loaded.history_of(cell)))
    document.select_cell(cell)
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    assert coverage.history_panel.model.rowCount() == len(loaded.history_of(cell)) > 1
    assert dict(document.contact_map.histories()) == dict(loaded.histories())
    window.close()


def test_a_workspace_in_use_is_asked_about_on_the_splash_as_before(
        qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No light read of a file another copy holds: the full open asks first, over the
    splash, and the window paints with everything, read-only."""
    path = sample_copy(tmp_path / "sample.cmap")
    holder = start_child("hold", str(path))  # another copy of the app, editing it
    wait_ready(holder)
    asked_over: list[QWidget | None] = []

    def view_read_only(dialog: WorkspaceLockedDialog) -> int:
        asked_over.append(dialog.parentWidget())
        dialog.view_button.click()
        return 0

    monkeypatch.setattr(WorkspaceLockedDialog, "exec", view_read_only)
    with_features: list[bool] = []
    try:
        window = _start(qtbot, path, ui_settings, monkeypatch,
                        lambda painted: with_features.append(hasattr(painted, "features")))

        assert len(asked_over) == 1 and isinstance(asked_over[0], StartupSplash)
        assert with_features == [True]
        assert "(read-only)" in window.windowTitle()
        window.close()
    finally:
        kill_hard(holder)
