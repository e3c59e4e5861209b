"""What the About box shows and "Copy diagnostics" copies: versions and folders, no user data."""

from __future__ import annotations

import platform
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy

from contactmap_desktop import __version__
from contactmap_desktop.paths import data_dir, log_dir
from contactmap_desktop.services.backup_service import default_backups_root
from contactmap_desktop.storage.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class Diagnostics:
    """Facts for a support request. Folder paths only: no workspace content, no names."""

    app_version: str
    qt_version: str
    pyside_version: str
    python_version: str
    sqlite_version: str
    sqlalchemy_version: str
    schema_version: int
    operating_system: str
    data_folder: Path
    log_folder: Path
    backups_folder: Path

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("ContactMap Desktop", self.app_version),
            ("Workspace format (schema)", str(self.schema_version)),
            ("Qt", self.qt_version),
            ("PySide6", self.pyside_version),
            ("Python", self.python_version),
            ("SQLite", self.sqlite_version),
            ("SQLAlchemy", self.sqlalchemy_version),
            ("Operating system", self.operating_system),
            ("Data folder", str(self.data_folder)),
            ("Log folder", str(self.log_folder)),
            ("Backups folder", str(self.backups_folder)),
        ]

    def as_text(self) -> str:
        width = max(len(label) for label, _ in self.rows())
        return "\n".join(f"{label + ':':<{width + 1}} {value}" for label, value in self.rows())


def collect_diagnostics(qt_version: str, pyside_version: str) -> Diagnostics:
    """Qt's versions come from the caller: only the ui layer may import Qt."""
    return Diagnostics(
        app_version=__version__,
        qt_version=qt_version,
        pyside_version=pyside_version,
        python_version=platform.python_version() + (" (frozen)" if getattr(sys, "frozen", False)
                                                    else ""),
        sqlite_version=sqlite3.sqlite_version,
        sqlalchemy_version=sqlalchemy.__version__,
        schema_version=SCHEMA_VERSION,
        operating_system=platform.platform(),
        data_folder=data_dir(),
        log_folder=log_dir(),
        backups_folder=default_backups_root(),
    )
