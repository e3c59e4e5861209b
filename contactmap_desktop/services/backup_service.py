"""Backups as the user sees them: list them, find the newest good one, restore into a new file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from contactmap_desktop.paths import data_dir
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.storage.backups import BackupInfo, BackupStore

__all__ = ["BackupInfo", "BackupService", "default_backups_root"]


def default_backups_root() -> Path:
    return data_dir() / "backups"


class BackupService:
    """The backups of one workspace file, whether it is open, damaged or missing."""

    def __init__(self, workspace_path: Path, store: BackupStore) -> None:
        """``store``: the workspace's backup folder, the one its opening backs up into."""
        self.workspace_path = Path(workspace_path)
        self._store = store

    @classmethod
    def of_file(cls, workspace_path: Path, backups_root: Path | None = None,
                clock: Clock = utc_now) -> BackupService:
        """The backups of a file that is not open (damaged, missing)."""
        store = BackupStore.for_workspace(Path(workspace_path),
                                          backups_root or default_backups_root(), clock)
        return cls(workspace_path, store)

    @property
    def folder(self) -> Path:
        return self._store.folder

    def list_backups(self) -> list[BackupInfo]:
        """Newest first."""
        return self._store.list_backups()

    def newest_good(self) -> BackupInfo | None:
        return self._store.newest_good()

    def suggested_target(self, backup: BackupInfo) -> Path:
        """A new file beside the workspace, named after the backup's local date and time."""
        local = backup.taken_at.replace(tzinfo=UTC).astimezone()
        stem = f"{self.workspace_path.stem} (restored {local:%Y-%m-%d %H%M})"
        candidate = self.workspace_path.with_name(stem + ".cmap")
        number = 2
        while candidate.exists():
            candidate = self.workspace_path.with_name(f"{stem} {number}.cmap")
            number += 1
        return candidate

    def restore(self, backup: BackupInfo, target: Path) -> Path:
        """Copy ``backup`` into the new file ``target`` (never over an existing file)."""
        return self._store.restore(backup, target)


def local_time(moment: datetime) -> datetime:
    """A stored naive-UTC moment in the user's time zone, for display."""
    return moment.replace(tzinfo=UTC).astimezone()
