"""Screenshots: finding, ordering and appearance — find, department groups, the keyboard
shortcuts, the dark scheme with Preferences ▸ Appearance, and the window at 150 % and 200 %
scaling (each scale in its own process: Qt reads QT_SCALE_FACTOR once, at start)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if __name__ == "__main__":  # the process of one scale: find the app and the shots package
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parents[1])]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from contactmap_desktop.application import build_window
from contactmap_desktop.startup import create_qt_application
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.theme import ColorScheme, apply_color_scheme
from shots.common import OUT, open_sample, save

SCALES = (150, 200)


@contextmanager
def sample_window(folder: Path, size: tuple[int, int] = (1440, 860)) -> Iterator[MainWindow]:
    create_qt_application()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = str(folder / "home")  # each window a fresh "~/Documents/Sample.cmap"
    opened = open_sample(folder)
    settings = UiSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.dismiss_welcome()  # main-window.png shows it; these show the map
    window = build_window(opened, settings)
    window.resize(*size)
    window.show()
    window.features.coverage.findings_dock.raise_()
    try:
        yield window
    finally:
        window.close()
        opened.close()


def shoot_appearance(folder: Path) -> list[Path]:
    from contactmap_desktop.ui.appearance.appearance_page import AppearancePage
    from contactmap_desktop.ui.core.preferences_dialog import PreferencesDialog
    from contactmap_desktop.ui.help.shortcuts_dialog import ShortcutsDialog

    app = create_qt_application()
    shots: list[Path] = []
    with sample_window(folder) as window:
        page = window.map_page
        shortcuts = ShortcutsDialog(window)
        shortcuts.resize(680, 640)
        shots.append(save(shortcuts, "keyboard-shortcuts"))
        page.find_bar.text.setText("operations")
        shots.append(save(window, "grid-find", close=False))
        page.find_bar.clear()
        page.find_bar.concerns.setChecked(True)
        shots.append(save(window, "grid-concerns", close=False))
        page.find_bar.clear()
        page.set_group_by_department(True, sort=True)
        shots.append(save(page, "grid-departments", close=False))
    # Dark from the start, as on a computer set to dark.
    apply_color_scheme(app, ColorScheme.DARK)
    try:
        with sample_window(folder / "dark") as window:
            shots.append(save(window, "main-window-dark", close=False))
            dialog = PreferencesDialog([AppearancePage(window.ui_settings, lambda _s: None)],
                                       window)
            shots.append(save(dialog, "preferences-appearance-dark"))
    finally:
        apply_color_scheme(app, ColorScheme.SYSTEM)
    for scale in SCALES:
        environment = dict(os.environ, QT_SCALE_FACTOR=str(scale / 100))
        subprocess.run([sys.executable, __file__, str(folder / f"scaled-{scale}"), str(scale)],
                       check=True, env=environment)
        shots.append(OUT / f"main-window-{scale}.png")
    return shots


def shoot_scaled(folder: Path, scale: int) -> Path:
    """The window as it looks on a screen scaled to ``scale`` % (same layout, finer pixels)."""
    with sample_window(folder, (1200, 720)) as window:
        return save(window, f"main-window-{scale}")


if __name__ == "__main__":
    shoot_scaled(Path(sys.argv[1]), int(sys.argv[2]))
