"""Screenshots: window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from shots.common import ROOT, open_sample, save, window_on

LAPTOP_SCREENS = ((1280, 800), (1366, 768))


def shoot_main_window(folder: Path) -> list[Path]:
    """The main window on the sample account, a key cell selected."""


    opened = open_sample(folder)
    window = window_on(opened, folder)
    try:
        window.resize(1440, 860)
        contact_map = window.document.contact_map
        assert contact_map is not None
        key = next(r.cell for r in contact_map.relationships.values() if r.is_key)
        window.map_page.grid.go_to(key)
        return [save(window, "main-window")]
    finally:
        window.close()
        opened.close()


def shoot_laptop_screens(folder: Path) -> list[Path]:
    """The main window as it opens on a 1280×800 and a 1366×768 laptop screen, with the
    default layout: each in a child process whose offscreen screen has that size (the screen
    is chosen when Qt starts)."""
    from PySide6.QtGui import QGuiApplication

    shots = []
    only = os.environ.get("CONTACTMAP_SHOT")  # set for the child that shoots one size
    for width, height in LAPTOP_SCREENS:
        name = f"main-window-{width}x{height}"
        if only is not None:
            screen = QGuiApplication.primaryScreen()
            assert screen is not None and screen.size().toTuple() == (width, height) \
                or only != name, f"{name} needs a {width}×{height} screen"
            if only == name:
                shots.append(_shoot_as_opened(folder, name))
            continue
        config = folder / f"{name}.json"
        config.write_text(json.dumps({"screens": [
            {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                           CONTACTMAP_SHOT=name)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), "laptop"],
                       env=environment, check=True, stdout=subprocess.DEVNULL)
        shots.append(ROOT / "docs" / "screenshots" / f"{name}.png")
    return shots


def _shoot_as_opened(folder: Path, name: str) -> Path:
    """The window on the sample, at the size and with the panels it opens with."""
    opened = open_sample(folder)
    window = window_on(opened, folder)
    try:
        contact_map = window.document.contact_map
        assert contact_map is not None
        key = next(r.cell for r in contact_map.relationships.values() if r.is_key)
        window.show()
        window.map_page.grid.go_to(key)
        return save(window, name)
    finally:
        window.close()
        opened.close()


def shoot_startup_splash(folder: Path) -> list[Path]:
    """What shows while the workspace opens, in the light and the dark scheme."""
    from contactmap_desktop.paths import DEFAULT_WORKSPACE_NAME
    from contactmap_desktop.startup import create_qt_application
    from contactmap_desktop.ui.core.startup_splash import StartupSplash
    from contactmap_desktop.ui.core.theme import ColorScheme, apply_color_scheme

    app = create_qt_application()
    shots = []
    for scheme, name in ((ColorScheme.LIGHT, "startup-splash"),
                         (ColorScheme.DARK, "startup-splash-dark")):
        apply_color_scheme(app, scheme)
        shots.append(save(StartupSplash(DEFAULT_WORKSPACE_NAME), name))
    apply_color_scheme(app, ColorScheme.SYSTEM)
    return shots
