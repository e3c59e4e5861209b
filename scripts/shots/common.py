"""What every screenshot needs: where the PNGs go, and showing a widget until it settles."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def save(widget: QWidget, name: str, close: bool = True) -> Path:
    """Show ``widget``, let it lay out and paint, and save it as docs/screenshots/NAME.png
    (then close it, unless it is part of a window still in use)."""
    widget.show()
    app = QApplication.instance()
    assert app is not None
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
