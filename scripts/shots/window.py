"""Screenshots: window."""

from __future__ import annotations

from pathlib import Path

from shots.common import open_sample, save, window_on


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


def shoot_startup_splash(folder: Path) -> list[Path]:
    """What shows while the workspace opens, in the light and the dark scheme."""
    from contactmap_desktop.app import create_qt_application
    from contactmap_desktop.paths import DEFAULT_WORKSPACE_NAME
    from contactmap_desktop.ui.startup_splash import StartupSplash
    from contactmap_desktop.ui.theme import ColorScheme, apply_color_scheme

    app = create_qt_application()
    shots = []
    for scheme, name in ((ColorScheme.LIGHT, "startup-splash"),
                         (ColorScheme.DARK, "startup-splash-dark")):
        apply_color_scheme(app, scheme)
        shots.append(save(StartupSplash(DEFAULT_WORKSPACE_NAME), name))
    apply_color_scheme(app, ColorScheme.SYSTEM)
    return shots
