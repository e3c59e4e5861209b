"""What belongs to this machine rather than to the data: recent files, window layout, column
widths and grouping of the grid, the color scheme, how many backups to keep, and the account
last open in each workspace (QSettings).

The colour scheme is read before the window's first frame: what only some of the other
settings need is imported by them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from contactmap_desktop.ui.core.theme import ColorScheme

if TYPE_CHECKING:
    from contactmap_desktop.storage.backup_rotation import RetentionPolicy

MAX_RECENT = 8
MAX_COLUMN_WIDTHS = 2000
RETENTION_FIELDS = ("last", "daily", "weekly", "monthly")
RETENTION_RANGE = (1, 365)
MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 20, 2000


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

    # Each size of screen has its own layout (key: the available area, "1366x768"): the
    # laptop's own screen and a large monitor at the office each keep what suits them.

    def window_geometry(self, screen: str) -> QByteArray | None:
        value = self._settings.value(f"window/{screen}/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self, screen: str) -> QByteArray | None:
        value = self._settings.value(f"window/{screen}/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, screen: str, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(f"window/{screen}/geometry", geometry)
        self._settings.setValue(f"window/{screen}/state", state)
        for before_screens in ("window/geometry", "window/state"):
            # One layout for every screen, from before: often wider than a laptop's.
            self._settings.remove(before_screens)

    # --- the grid ----------------------------------------------------------------------------

    def column_widths(self) -> dict[str, int]:
        """Widths of stakeholder columns the user resized, by stakeholder id."""
        import json

        try:
            stored = json.loads(str(self._settings.value("grid/column-widths", "{}")))
        except ValueError:
            return {}
        if not isinstance(stored, dict):
            return {}
        return {str(k): int(v) for k, v in stored.items()
                if isinstance(v, int) and MIN_COLUMN_WIDTH <= v <= MAX_COLUMN_WIDTH}

    def save_column_widths(self, widths: dict[str, int]) -> None:
        import json

        # The most recent ones win when there are too many (ids of long-gone people age out).
        kept = dict(list(widths.items())[-MAX_COLUMN_WIDTHS:])
        self._settings.setValue("grid/column-widths", json.dumps(kept))

    def group_by_department(self) -> bool:
        return str(self._settings.value("grid/group-by-department", "false")).lower() == "true"

    def set_group_by_department(self, on: bool) -> None:
        self._settings.setValue("grid/group-by-department", "true" if on else "false")

    # --- appearance ----------------------------------------------------------------------

    def color_scheme(self) -> ColorScheme:
        value = str(self._settings.value("appearance/color-scheme", ColorScheme.SYSTEM.value))
        return next((s for s in ColorScheme if s.value == value), ColorScheme.SYSTEM)

    def set_color_scheme(self, scheme: ColorScheme) -> None:
        self._settings.setValue("appearance/color-scheme", scheme.value)

    def iso_dates(self) -> bool:
        """Dates on screen as ISO 8601 (2027-01-11) rather than the system locale's."""
        return str(self._settings.value("appearance/iso-dates", "false")).lower() == "true"

    def set_iso_dates(self, on: bool) -> None:
        self._settings.setValue("appearance/iso-dates", "true" if on else "false")

    # --- first start -----------------------------------------------------------------------

    def welcome_dismissed(self) -> bool:
        return str(self._settings.value("welcome/dismissed", "false")).lower() == "true"

    def dismiss_welcome(self) -> None:
        self._settings.setValue("welcome/dismissed", "true")

    # --- backups -------------------------------------------------------------------------

    def backup_retention(self) -> RetentionPolicy:
        """How many backups this computer keeps of each workspace it opens."""
        from contactmap_desktop.storage.backup_rotation import RetentionPolicy

        defaults = RetentionPolicy()
        kept = {}
        for name in RETENTION_FIELDS:
            try:
                value = int(str(self._settings.value(f"backups/{name}", getattr(defaults, name))))
            except ValueError:
                value = getattr(defaults, name)
            kept[name] = min(max(value, RETENTION_RANGE[0]), RETENTION_RANGE[1])
        return RetentionPolicy(**kept)

    def set_backup_retention(self, policy: RetentionPolicy) -> None:
        for name in RETENTION_FIELDS:
            self._settings.setValue(f"backups/{name}", getattr(policy, name))

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
    import hashlib

    # A digest: settings keys cannot hold slashes, and the path need not be readable there.
    return hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:16]
