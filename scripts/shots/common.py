"""What every screenshot needs: where the PNGs go, and showing a widget until it settles."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from contactmap_desktop.services.workspace_service import OpenWorkspace
    from contactmap_desktop.ui.core.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def open_sample(folder: Path) -> OpenWorkspace:
    """A new workspace with the sample account in the (screenshots') home folder, as a user
    would keep it, its backups in ``folder``: the status bar shows "~/Documents/…" rather
    than a temporary folder."""
    from contactmap_desktop.services.workspace_service import open_workspace

    documents = Path.home() / "Documents"
    documents.mkdir(parents=True, exist_ok=True)
    return open_workspace(documents / "Sample.cmap", with_sample=True,
                          backups_root=folder / "backups")


def window_on(opened: OpenWorkspace, folder: Path) -> MainWindow:
    """The full window on ``opened``, its layout kept in ``folder`` (not the user's)."""
    from PySide6.QtCore import QSettings

    from contactmap_desktop.application import build_window
    from contactmap_desktop.startup import create_qt_application
    from contactmap_desktop.ui.core.settings import UiSettings

    create_qt_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return build_window(opened, UiSettings(settings))


def save(widget: QWidget, name: str, close: bool = True) -> Path:
    """Show ``widget``, let it lay out and paint, and save it as docs/screenshots/NAME.png
    (then close it, unless it is part of a window still in use)."""
    widget.show()
    app = QApplication.instance()
    assert app is not None
    features = getattr(widget, "features", None)
    if features is not None:  # a window: its findings are worked out on another thread
        wait_until(lambda: not features.coverage.pending, lambda: "findings still pending")
    for _ in range(5):  # layouts settle over a few rounds (docks, deferred tab bars)
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    if close:
        widget.close()
    return path


def wait_until(done: Callable[[], bool], why: Callable[[], str], seconds: float = 20) -> None:
    """Let a worker thread or a preview finish, or stop with what the widget says."""
    app = QApplication.instance()
    assert app is not None
    limit = time.monotonic() + seconds
    while not done():
        if time.monotonic() > limit:
            raise RuntimeError(f"the screen did not get ready: {why()}")
        app.processEvents()
        time.sleep(0.01)
