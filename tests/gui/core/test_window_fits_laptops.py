"""The window fits a laptop: it opens inside a 1280×800 or 1366×768 screen with its default
panels, shrinks to 1024×700 with every panel, tab and field still reachable, and remembers its
layout for each size of screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.application import build_window
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.window_fit import default_geometry, kept_on_screen, screen_key
from contactmap_desktop.ui.letters.feature import LettersFeature
from tests.helpers.processes import ROOT

LAPTOP = QSize(1024, 700)


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1366, 768)])
def test_the_window_opens_inside_a_laptop_screen(tmp_path: Path, width: int, height: int) -> None:
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    environment = dict(os.environ, PYTHONPATH=str(ROOT),
                       QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    done = subprocess.run([sys.executable, "-m", "tests.helpers.window_on_screen"], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    opened = json.loads(done.stdout.splitlines()[-1])
    available, frame = QRect(*opened["available"]), QRect(*opened["frame"])
    assert available == QRect(0, 0, width, height)
    assert available.contains(frame), (frame, available)
    assert frame.width() >= width - 40 and frame.height() >= height - 60  # no waste either
    assert opened["minimum"][0] <= LAPTOP.width() and opened["minimum"][1] <= LAPTOP.height()


def test_default_and_restored_geometries_stay_on_the_screen() -> None:
    laptop = QRect(0, 0, 1280, 800)
    assert laptop.contains(default_geometry(laptop, QSize(900, 560)))
    big = QRect(0, 0, 2560, 1440)
    assert default_geometry(big, QSize(900, 560)).size() == QSize(1440, 900)
    saved_on_a_monitor = QRect(1800, 900, 1800, 1000)
    kept = kept_on_screen(saved_on_a_monitor, QSize(900, 560), laptop)
    assert laptop.contains(kept) and kept.width() >= 900
    assert screen_key(QRect(0, 0, 1366, 740)) == "1366x740"


def _click_tab(qtbot: QtBot, bar: QTabBar, title: str) -> None:
    index = next(i for i in range(bar.count()) if bar.tabText(i).startswith(title))
    assert bar.isVisible() and bar.tabRect(index).width() > 20, title
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _inside(widget: QWidget, window: MainWindow) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def test_every_panel_and_tab_is_reachable_at_1024_by_700(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    qtbot.waitExposed(window)
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP)
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
    for dock in window.findChildren(QDockWidget):
        name = dock.windowTitle().split(" (")[0]  # "Findings (14)"
        bar = next((b for b in bars
                    if any(b.tabText(i).startswith(name) for i in range(b.count()))), None)
        if bar is not None:  # a tabbed panel: its tab brings it forward
            _click_tab(qtbot, bar, name)
        qtbot.waitUntil(dock.isVisible)
        assert _inside(dock, window), dock.objectName()
        content = dock.widget()
        assert content.width() >= content.minimumSizeHint().width(), dock.objectName()
        assert content.height() >= min(content.minimumSizeHint().height(), 90), dock.objectName()
    tabs = window.tabs.tabBar()
    for index in range(window.tabs.count()):
        _click_tab(qtbot, tabs, tabs.tabText(index))
        page = window.tabs.currentWidget()
        assert page.isVisible() and _inside(page, window)
        hint = page.minimumSizeHint()
        assert page.width() >= hint.width() and page.height() >= hint.height(), \
            (tabs.tabText(index), page.size(), hint)


def test_the_letters_tab_is_usable_at_1024_by_700(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.resize(LAPTOP)
    feature = window.features.letters
    assert isinstance(feature, LettersFeature)
    tab = feature.tab
    _click_tab(qtbot, window.tabs.tabBar(), "&Letters")
    form, preview = tab.form, tab.preview
    for part in (tab.list, form, preview, tab.export_button, tab.print_button):
        assert part.isVisible() and _inside(part, window)
    assert form.width() >= 280 and preview.width() >= 150
    # The form scrolls down to its last field, and typing there edits the letter.
    assert isinstance(form, QScrollArea)
    last = list(form.texts.values())[-1]

    def scrolled_into_view() -> bool:
        form.ensureWidgetVisible(last)
        return last.visibleRegion().boundingRect().height() > last.height() // 2
    qtbot.waitUntil(scrolled_into_view)
    qtbot.mouseClick(last.viewport(), Qt.MouseButton.LeftButton,
                     pos=last.visibleRegion().boundingRect().center())
    qtbot.keyClicks(last, "Go/no-go on 1 March")
    assert "Go/no-go on 1 March" in last.toPlainText()


def _window(qtbot: QtBot, opened: OpenWorkspace, settings: UiSettings) -> MainWindow:
    window = build_window(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window._layout_pending)
    return window


def test_the_layout_is_remembered_for_each_screen_size(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "ui.ini"
    settings = UiSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    # A layout from before layouts were kept per screen (1431 px wide) is not used, and goes.
    legacy = QSettings(str(ini), QSettings.Format.IniFormat)
    legacy.setValue("window/geometry", b"from an older version")
    legacy.sync()
    opened = open_workspace(tmp_path / "s.cmap", with_sample=True,
                            backups_root=tmp_path / "backups")
    first = _window(qtbot, opened, settings)
    key = screen_key(first.available_area())
    # The test screen (800×800) is narrower than the window can be: its narrowest.
    remembered = QSize(first.minimumSizeHint().width(), 600)
    first.resize(remembered)
    first.findChild(QDockWidget, "agendaDock").toggleViewAction().trigger()  # type: ignore[union-attr]
    first.close()
    assert settings.window_geometry(key) is not None
    assert not QSettings(str(ini), QSettings.Format.IniFormat).contains("window/geometry")
    # A layout saved on another screen size is that screen's, not this one's.
    settings.save_window("3840x2100", settings.window_geometry(key),  # type: ignore[arg-type]
                         settings.window_state(key))  # type: ignore[arg-type]
    QSettings(str(ini), QSettings.Format.IniFormat).remove(f"window/{key}")
    second = _window(qtbot, opened, settings)
    assert second.findChild(QDockWidget, "agendaDock").isVisibleTo(second)  # type: ignore[union-attr]
    assert second.size() != remembered
    second.close()
    settings.save_window(key, settings.window_geometry("3840x2100"),  # type: ignore[arg-type]
                         settings.window_state("3840x2100"))  # type: ignore[arg-type]
    third = _window(qtbot, opened, settings)
    assert third.size() == remembered
    assert not third.findChild(QDockWidget, "agendaDock").isVisibleTo(third)  # type: ignore[union-attr]
    third.close()
    opened.close()


def test_a_size_asked_for_before_the_first_show_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    """File ▸ Open puts the new workspace's window where the old one was."""
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    opened = open_workspace(tmp_path / "s.cmap", with_sample=True,
                            backups_root=tmp_path / "backups")
    window = build_window(opened, settings)
    qtbot.addWidget(window)
    asked = QRect(30, 60, 1010, 640)  # (wider than the 800 px test screen: kept all the same)
    window.setGeometry(asked)
    window.show()
    qtbot.waitUntil(lambda: not window._layout_pending)
    assert window.geometry() == asked
    window.close()
    opened.close()


def test_a_narrow_letter_form_puts_labels_above_their_fields(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    from PySide6.QtWidgets import QFormLayout

    window = sample_window
    feature = window.features.letters
    assert isinstance(feature, LettersFeature)
    form = feature.tab.form
    _click_tab(qtbot, window.tabs.tabBar(), "&Letters")
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: form.width() < 420)
    policies = {f.rowWrapPolicy() for f in form.widget().findChildren(QFormLayout)}
    assert policies == {QFormLayout.RowWrapPolicy.WrapAllRows}
    # Beside the label, a name field had a third of the form; above it, nearly all of it.
    assert form.lines["addressee_name"].width() >= form.viewport().width() * 0.7
