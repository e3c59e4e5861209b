"""The window started as the app starts it, on a laptop-sized screen, in its own process.

``python -m tests.helpers.first_paint_child FILE``: prints one JSON line with where the
grid is in the window at its first paint (painted from the light read) and once the services
and features are in, with the panels' tab bars on screen then; closing, the window saves its
layout, which the next run restores. The caller sets the screen with
``QT_QPA_PLATFORM=offscreen:configfile=…``: a test process's screen is the offscreen default,
smaller than any laptop's.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from contactmap_desktop.ui.core.pyside_source_scan import skip_source_scan

skip_source_scan()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabBar, QWidget  # noqa: E402

from contactmap_desktop.startup import Startup, create_qt_application  # noqa: E402
from contactmap_desktop.ui.core.main_window import MainWindow  # noqa: E402
from contactmap_desktop.ui.core.settings import UiSettings  # noqa: E402
from contactmap_desktop.ui.core.startup_splash import StartupSplash  # noqa: E402


def _where(window: QWidget) -> dict[str, object]:
    assert isinstance(window, MainWindow)
    grid = window.map_page.grid
    corner = grid.mapTo(window, grid.rect().topLeft())
    bars = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return {"window": [window.width(), window.height()],
            "grid": [corner.x(), corner.y(), grid.width(), grid.height()],
            "features": hasattr(window, "features"),
            "tab bars": sorted(bar.tabText(0).split(" (")[0] for bar in bars
                               if bar.isVisible())}  # "Findings (16)": the group's name


def main(path: Path) -> None:
    app = create_qt_application()
    seen: dict[str, object] = {}
    painted = Startup._window_painted

    def window_painted(startup: Startup, window: QWidget, *complete: object) -> None:
        seen["first paint"] = _where(window)
        painted(startup, window, *complete)  # type: ignore[arg-type]
        settled = time.monotonic() + 0.5
        while time.monotonic() < settled:
            QApplication.processEvents()
        seen["completed"] = _where(window)
        window.close()  # saves the layout
        app.quit()

    Startup._window_painted = window_painted  # type: ignore[method-assign,assignment]
    splash = StartupSplash(path.name)
    Startup(splash, path, UiSettings(), smoke=False)
    splash.show()
    app.exec()
    print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
