"""Logging to a rotating file in the user's log folder (never names or notes, only events)."""

from __future__ import annotations

import logging
from pathlib import Path

from contactmap_desktop.paths import log_dir
from contactmap_desktop.storage.private_files import ensure_private_dir

LOG_NAME = "contactmap.log"


def log_file(folder: Path | None = None) -> Path:
    return (folder or log_dir()) / LOG_NAME


def setup_logging(folder: Path | None = None) -> Path:
    """Send the app's log records to ``folder``/contactmap.log (1 MB × 5 files)."""
    # Imported here: the window sets up its log after its first frame is on screen.
    from logging.handlers import RotatingFileHandler

    path = log_file(folder)
    ensure_private_dir(path.parent)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
