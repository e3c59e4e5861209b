"""Opening a workspace for use: the lock, the checks, the backups, then the services.

The default workspace gets its sample account when it is first created; any other file can
be opened. A workspace held by another running copy of the app can be opened read-only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from contactmap_desktop.domain.errors import ContactMapError, StorageError
from contactmap_desktop.services.account_service import AccountService
from contactmap_desktop.services.backup_service import default_backups_root
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.workspace_services import WorkspaceServices, build_services
from contactmap_desktop.storage.backup_rotation import RetentionPolicy
from contactmap_desktop.storage.backups import BackupStore
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.location import LocationWarning, location_warning
from contactmap_desktop.storage.private_files import ensure_private_dir
from contactmap_desktop.storage.workspace_lock import LockHolder, WorkspaceLock

log = logging.getLogger(__name__)

# A backup on open only if the newest one is older than this (and something changed).
BACKUP_INTERVAL = timedelta(minutes=30)


@dataclass
class OpenWorkspace:
    """An open workspace and the services that work on it."""

    workspace: Workspace
    services: WorkspaceServices
    backups: BackupStore
    lock: WorkspaceLock | None = None
    location: LocationWarning | None = None
    # Set when the previous editor was killed or crashed and its lock was taken over.
    recovered_from: LockHolder | None = None
    # Problems that did not stop the opening (a backup that could not be written…).
    warnings: list[str] = field(default_factory=list)

    @property
    def accounts(self) -> AccountService:
        return self.services.accounts

    @property
    def contact_maps(self) -> ContactMapService:
        return self.services.contact_maps

    @property
    def path(self) -> Path:
        return self.workspace.path

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def damage(self) -> str | None:
        """Why the file failed its integrity check, when it is open only to be looked at."""
        return self.workspace.damage

    def close(self) -> str | None:
        """Back up if anything changed, then let go of the file and its lock.

        Returns why the closing backup failed, if it did; the workspace is closed either way.
        """
        problem = None
        try:
            if not self.read_only:
                self.backups.back_up(self.path)
        except ContactMapError as error:
            problem = str(error)
            # The message names files; the log keeps only the kind of failure (no personal data).
            log.warning("Backup on close failed (%s)", type(error).__name__)
        finally:
            self.workspace.close()
            if self.lock is not None:
                self.lock.release()
                self.lock = None
        return problem


def open_workspace(
    path: Path,
    *,
    create: bool = True,
    with_sample: bool = False,
    clock: Clock = utc_now,
    read_only: bool = False,
    backups_root: Path | None = None,
    retention: RetentionPolicy | None = None,
    view_damaged: bool = False,
) -> OpenWorkspace:
    """Open (or create) ``path``; a newly created file gets the sample account if asked.

    Raises WorkspaceLockedError when another running copy of the app edits the file (then
    ``read_only=True`` opens it for viewing), and WorkspaceError when the file is damaged,
    foreign or from a newer version; such a file is never changed. With ``view_damaged``, a
    file failing SQLite's integrity check opens read-only instead (``damage`` says why), and
    no backup is ever taken of it: a damaged backup would push good ones out.
    """
    path = Path(path).expanduser()
    is_new = not path.exists()
    backups_root = backups_root or default_backups_root()
    backups = BackupStore.for_workspace(path, backups_root, clock, retention)
    lock = None
    if not read_only:
        if is_new and create and not path.parent.exists():
            try:
                ensure_private_dir(path.parent)
            except OSError as error:
                raise StorageError(f"Cannot create the folder {path.parent} for the "
                                   f"workspace: {error.strerror}.") from None
        lock = WorkspaceLock(path)
        lock.acquire()
    try:
        workspace = Workspace.open(
            path, create=create, read_only=read_only,
            # Never upgrade a file without a copy of it as it was.
            before_upgrade=lambda file, _version: backups.back_up(file),
            view_damaged=view_damaged,
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    opened = OpenWorkspace(
        workspace=workspace,
        services=build_services(workspace, backups, clock),
        backups=backups,
        lock=lock,
        location=location_warning(path),
        recovered_from=lock.stale_holder if lock is not None else None,
    )
    if workspace.read_only:
        return opened
    try:
        if is_new and with_sample:
            # Loaded only here: every later start of the window, and every command, has no
            # use for the sample's modules.
            from contactmap_desktop.services.sample_account import create_sample_account
            from contactmap_desktop.services.sample_blueprints import create_sample_blueprints
            from contactmap_desktop.services.sample_letter import create_sample_letter
            from contactmap_desktop.services.sample_lifecycle import create_sample_lifecycle

            account_id = create_sample_account(opened.accounts, opened.contact_maps)
            services = opened.services
            create_sample_letter(services.letters, opened.contact_maps, account_id)
            create_sample_lifecycle(services.lifecycle, opened.contact_maps, account_id)
            create_sample_blueprints(services.blueprints, opened.contact_maps, account_id,
                                     clock().date())
        elif not is_new:
            try:
                backups.back_up(path, min_interval=BACKUP_INTERVAL)
            except ContactMapError as error:
                opened.warnings.append(str(error))
            # The undo history of an earlier session is gone, so its soft deletions are final.
            opened.accounts.purge_deleted()
    except BaseException:
        opened.workspace.close()
        if lock is not None:
            lock.release()
        raise
    return opened
