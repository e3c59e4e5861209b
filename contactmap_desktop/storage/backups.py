"""Automatic backups of a workspace: taken with SQLite's online backup API, verified, rotated.

Backups live in the user's local data folder (never beside a workspace that may sit on a
network share or in a synced folder), one folder per workspace, one self-contained file per
backup named after its UTC time and a digest of its content.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from contactmap_desktop.domain.errors import StorageError, WorkspaceError
from contactmap_desktop.storage.backup_rotation import RetentionPolicy, backups_to_keep
from contactmap_desktop.storage.file_check import check_workspace_file
from contactmap_desktop.storage.io_errors import describe_sqlite_error
from contactmap_desktop.storage.private_files import ensure_private_dir, fsync_dir

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<digest>[0-9a-f]{12})\.cmap$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed for the user."""

    path: Path
    taken_at: datetime  # naive UTC
    digest: str
    size: int
    account_count: int | None  # None when the backup cannot be read


def backup_folder_for(workspace_path: Path, backups_root: Path) -> Path:
    """The folder of one workspace's backups: its name plus a hash of where it lives."""
    resolved = str(Path(workspace_path).expanduser().resolve())
    tag = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:10]
    return backups_root / f"{Path(workspace_path).stem}-{tag}"


def _connect(database: str, uri: bool = False) -> sqlite3.Connection:
    """A connection for copying and checking: each page passes through once, so SQLite's
    default 2 MB page cache per connection would only add to the memory a close takes."""
    connection = sqlite3.connect(database, uri=uri)
    connection.execute("PRAGMA cache_size = -256")  # KiB
    return connection


def _read_only(path: Path) -> sqlite3.Connection:
    return _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _account_count(path: Path) -> int | None:
    try:
        connection = _read_only(path)
        try:
            row = connection.execute(
                "SELECT count(*) FROM accounts WHERE deleted_at IS NULL"
            ).fetchone()
            return int(row[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _integrity_messages(connection: sqlite3.Connection) -> list[str]:
    """SQLite's full integrity check: ["ok"] when sound."""
    return [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]


@contextlib.contextmanager
def _reader(path: Path, failure: str) -> Iterator[sqlite3.Connection]:
    try:
        reader = _read_only(path)
    except sqlite3.Error as error:
        reason = describe_sqlite_error(error) or str(error)
        raise StorageError(f"{failure}: {reason}.") from None
    try:
        yield reader
    finally:
        reader.close()


@contextlib.contextmanager
def _partial_file(partial: Path, folder: Path) -> Iterator[Path]:
    """A new private file to copy into, gone afterwards unless renamed; failures said in words."""
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield partial
    except (OSError, sqlite3.Error) as error:
        reason = describe_sqlite_error(error) or str(error)
        raise StorageError(f"Cannot write a backup to {folder}: {reason}.") from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _copy(reader: sqlite3.Connection, partial: Path) -> None:
    """Copy page by page through SQLite's online backup API, consistent while others write.

    Straight into the file: a copy held in memory would cost the workspace's size twice over
    (the database and its serialized bytes), at every close of the window."""
    destination = _connect(str(partial))
    try:
        reader.backup(destination)
    finally:
        destination.close()


def _digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()[:12]


def _seal(partial: Path, target: Path) -> None:
    """Make ``partial`` one verified, self-contained file on disk, then rename it ``target``."""
    destination = _connect(str(partial))
    try:
        # One self-contained file: a backup must not depend on a -wal beside it.
        destination.execute("PRAGMA journal_mode = DELETE")
        result = _integrity_messages(destination)
    finally:
        destination.close()
    if result != ["ok"]:
        raise StorageError(
            f"The backup written to {partial.parent} failed its integrity check "
            f"({'; '.join(map(str, result[:3]))}); it was not kept."
        )
    descriptor = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(partial, target)
    fsync_dir(target.parent)


class BackupStore:
    """The backups of one workspace: take, list, rotate, find the newest good one, restore."""

    def __init__(
        self,
        folder: Path,
        stem: str,
        clock: Callable[[], datetime],
        policy: RetentionPolicy | None = None,
    ) -> None:
        self.folder = folder
        self._stem = stem
        self._clock = clock
        self._policy = policy or RetentionPolicy()

    @classmethod
    def for_workspace(
        cls,
        workspace_path: Path,
        backups_root: Path,
        clock: Callable[[], datetime],
        policy: RetentionPolicy | None = None,
    ) -> BackupStore:
        folder = backup_folder_for(workspace_path, backups_root)
        return cls(folder, Path(workspace_path).stem, clock, policy)

    # --- listing -------------------------------------------------------------------------

    def _entries(self) -> list[tuple[Path, datetime, str]]:
        if not self.folder.is_dir():
            return []
        entries = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            taken_at = datetime.strptime(match["stamp"], _STAMP)
            entries.append((path, taken_at, match["digest"]))
        entries.sort(key=lambda entry: (entry[1], entry[0].name), reverse=True)
        return entries

    def list_backups(self) -> list[BackupInfo]:
        """Every backup, newest first, with its size and how many accounts it holds."""
        return [
            BackupInfo(path, taken_at, digest, path.stat().st_size, _account_count(path))
            for path, taken_at, digest in self._entries()
        ]

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes the same checks as opening a workspace."""
        for info in self.list_backups():
            try:
                check_workspace_file(info.path)
            except WorkspaceError:
                continue
            return info
        return None

    # --- taking --------------------------------------------------------------------------

    def back_up(self, source: Path, min_interval: timedelta | None = None) -> BackupInfo | None:
        """Back ``source`` up unless nothing changed since the newest backup.

        With ``min_interval``, also skip when the newest backup is more recent than that.
        Returns the new backup, or None when none was needed.
        """
        now = self._clock()
        entries = self._entries()
        if min_interval is not None and entries and now - entries[0][1] < min_interval:
            return None
        try:
            ensure_private_dir(self.folder)
        except OSError as error:
            raise StorageError(
                f"Cannot create the backup folder {self.folder}: {error.strerror}."
            ) from None
        partial = self.folder / f"{self._stem}-{now.strftime(_STAMP)}.cmap.partial"
        with _reader(source, f"Cannot read {source} to back it up") as reader, \
                _partial_file(partial, self.folder):
            _copy(reader, partial)
            digest = _digest(partial)
            if entries and entries[0][2] == digest:
                return None
            target = self.folder / f"{self._stem}-{now.strftime(_STAMP)}-{digest}.cmap"
            _seal(partial, target)
        self.rotate()
        return BackupInfo(target, now.replace(microsecond=0), digest,
                          target.stat().st_size, _account_count(target))

    def rotate(self) -> list[Path]:
        """Delete the backups the retention policy no longer keeps; return them."""
        entries = self._entries()
        keep = backups_to_keep((taken_at for _, taken_at, _ in entries), self._policy)
        removed = []
        for path, taken_at, _ in entries:
            if taken_at in keep:  # backups of the same second are all kept (an upgrade's…)
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed.append(path)
        return removed

    # --- restoring -----------------------------------------------------------------------

    def restore(self, backup: BackupInfo, target: Path) -> Path:
        """Copy ``backup`` into the new file ``target``; an existing file is never replaced."""
        target = Path(target)
        if target.exists():
            raise WorkspaceError(f"{target} already exists: choose a new file to restore into.")
        check_workspace_file(backup.path)
        with _reader(backup.path, f"Cannot read the backup {backup.path}") as reader, \
                _partial_file(target.with_name(target.name + ".partial"), target.parent) as partial:
            _copy(reader, partial)
            _seal(partial, target)
        return target
