"""What belongs to this machine rather than to the data: recent files, window layout, and the
account last open in each workspace (QSettings)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("ContactMap", "ContactMap Desktop")

    # --- recent workspaces ---------------------------------------------------------------

    def recent_workspaces(self) -> list[Path]:
        stored = self._settings.value("recent", [])
        paths = [stored] if isinstance(stored, str) else \
            [p for p in stored if isinstance(p, str)] if isinstance(stored, list) else []
        return [Path(p) for p in paths if Path(p).exists()]

    def add_recent(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        paths = [str(p) for p in self.recent_workspaces() if str(p) != resolved]
        self._settings.setValue("recent", [resolved, *paths][:MAX_RECENT])

    # --- window layout -------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    # --- last account per workspace ------------------------------------------------------

    def last_account(self, workspace: Path) -> str | None:
        value = self._settings.value(f"last-account/{_key(workspace)}")
        return value if isinstance(value, str) else None

    def set_last_account(self, workspace: Path, account_id: str | None) -> None:
        key = f"last-account/{_key(workspace)}"
        if account_id is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, account_id)

    def sync(self) -> None:
        self._settings.sync()


def _key(path: Path) -> str:
    # A digest: settings keys cannot hold slashes, and the path need not be readable there.
    return hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:16]
