"""Child process: the sample window on the screen Qt was started with (QT_QPA_PLATFORM=
"offscreen:configfile=…" sets its size); prints where the window opened, as JSON."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from contactmap_desktop.application import build_window
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.core.settings import UiSettings


def main() -> int:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        opened = open_workspace(Path(folder) / "sample.cmap", with_sample=True,
                                backups_root=Path(folder) / "backups")
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"),
                                        QSettings.Format.IniFormat))
        window = build_window(opened, settings)
        window.show()
        for _ in range(5):
            app.processEvents()
        frame, minimum = window.frameGeometry(), window.minimumSizeHint()
        available = window.available_area()
        print(json.dumps({
            "available": [available.x(), available.y(), available.width(), available.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "minimum": [minimum.width(), minimum.height()],
        }))
        window.close()
        opened.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
