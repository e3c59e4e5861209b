"""The window icon is assembled from every shipped PNG size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contactmap_desktop import paths
from contactmap_desktop.ui.core.app_icon import DESKTOP_FILE_NAME, ICON_SIZES, app_icon

ROOT = Path(__file__).resolve().parents[3]


def test_icon_offers_every_shipped_size(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16 and small.pixelColor(8, 8).alpha() == 255


def test_icon_is_found_where_the_frozen_build_puts_resources(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PyInstaller sets sys._MEIPASS to the bundle's _internal folder holding resources/.
    icons = tmp_path / "resources" / "icons"
    icons.mkdir(parents=True)
    source = paths.resource("icons", "contactmap-32.png")
    (icons / "contactmap-32.png").write_bytes(source.read_bytes())
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert [s.width() for s in app_icon().availableSizes()] == [32]


def test_the_application_names_its_installed_desktop_entry() -> None:
    """Wayland and GNOME find the window's menu entry and icon by it; a child process, as
    the tests' own application must keep its names."""
    code = ("from contactmap_desktop.startup import create_qt_application\n"
            "print(create_qt_application().desktopFileName())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == DESKTOP_FILE_NAME
    entry = (ROOT / "build" / "linux" / f"{DESKTOP_FILE_NAME}.desktop").read_text()
    assert f"StartupWMClass={DESKTOP_FILE_NAME}" in entry
