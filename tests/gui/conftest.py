"""Windows and documents on real workspace files, with settings kept in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.appearance.feature import apply_scheme
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.theme import ColorScheme
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.sample_workspace import sample_copy


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def small_map(tmp_path: Path) -> Iterator[SmallMap]:
    built = build_small_map(tmp_path / "small.cmap")
    yield built
    built.opened.close()


@pytest.fixture
def window(qtbot: QtBot, small_map: SmallMap, ui_settings: UiSettings) -> Iterator[MainWindow]:
    """The main window on the small map (Acme Corp: 3 stakeholders × 2 team members)."""
    built = build_window(small_map.opened, ui_settings)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    yield built
    built.close()


@pytest.fixture
def sample_window(qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings) -> Iterator[MainWindow]:
    opened = open_workspace(sample_copy(tmp_path / "sample.cmap"),
                            backups_root=tmp_path / "backups")
    built = build_window(opened, ui_settings)
    qtbot.addWidget(built)
    built.show()
    yield built
    built.close()
    opened.close()


@pytest.fixture
def system_scheme_after() -> Iterator[None]:
    """A test that switches to light or dark leaves the application following the system."""
    yield
    apply_scheme(ColorScheme.SYSTEM)


_MODIFIER_KEYS = {Qt.KeyboardModifier.ControlModifier: Qt.Key.Key_Control,
                  Qt.KeyboardModifier.ShiftModifier: Qt.Key.Key_Shift,
                  Qt.KeyboardModifier.AltModifier: Qt.Key.Key_Alt,
                  Qt.KeyboardModifier.MetaModifier: Qt.Key.Key_Meta}


@pytest.fixture(autouse=True)
def modifiers_released() -> Iterator[None]:
    """A test's shortcut leaves no modifier held for the next test in the process.

    qtbot.keyClick(widget, key, Ctrl) leaves Ctrl in the application's keyboard modifiers (the
    last event QTest sends still carries it), and a later test's setCurrentIndex then extends
    the selection instead of moving it. A key release QTest sends sets the application's
    modifiers to its own (none): any widget takes it, the test's may be gone already."""
    yield
    held = QGuiApplication.keyboardModifiers() if QGuiApplication.instance() else None
    if held:
        receiver = QWidget()
        for modifier, key in _MODIFIER_KEYS.items():
            if held & modifier:
                QTest.keyRelease(receiver, key)
