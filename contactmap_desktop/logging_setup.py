"""Logging to a rotating file in the user's log folder (never names or notes, only events)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from contactmap_desktop.paths import log_dir
from contactmap_desktop.storage.private_files import ensure_private_dir

LOG_NAME = "contactmap.log"


def setup_logging(folder: Path | None = None) -> Path:
    """Send the app's log records to ``folder``/contactmap.log (1 MB × 5 files)."""
    folder = folder or log_dir()
    ensure_private_dir(folder)
    path = folder / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
