"""Opening a workspace as a user expects it: a file in use offered read-only, a damaged file
offered its newest good backup, and the risks of where it lives said once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from contactmap_desktop.domain.errors import StorageError, WorkspaceError, WorkspaceLockedError
from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.backup_rotation import RetentionPolicy
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.safety.damaged_file_dialog import DamagedFileDialog
from contactmap_desktop.ui.safety.workspace_locked_dialog import WorkspaceLockedDialog

AskLocked = Callable[[WorkspaceLockedError, QWidget | None], bool]
AskDamaged = Callable[[WorkspaceError, BackupService, QWidget | None], Path | None]
Warn = Callable[[QWidget | None, str], None]


def _warn_with_message_box(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, "ContactMap", as_typed(text))


class WorkspaceOpener:
    """``open()`` returns the opened workspace, or None when the user chose not to go on."""

    def __init__(
        self,
        ask_locked: AskLocked = WorkspaceLockedDialog.ask,
        ask_damaged: AskDamaged = DamagedFileDialog.ask,
        warn: Warn = _warn_with_message_box,
        backups_root: Path | None = None,
        retention: Callable[[], RetentionPolicy] = RetentionPolicy,
    ) -> None:
        self._ask_locked = ask_locked
        self._ask_damaged = ask_damaged
        self._warn = warn
        self._backups_root = backups_root
        self._retention = retention  # read at each opening: Preferences may have changed it

    def open(self, path: Path, *, create: bool = False, with_sample: bool = False,
             parent: QWidget | None = None) -> OpenWorkspace | None:
        try:
            # A damaged file opens read-only, with a banner that offers its backups.
            opened = open_workspace(path, create=create, with_sample=with_sample,
                                    backups_root=self._backups_root,
                                    retention=self._retention(), view_damaged=True)
        except WorkspaceLockedError as error:
            if not self._ask_locked(error, parent):
                return None
            opened = open_workspace(path, read_only=True, backups_root=self._backups_root)
        except StorageError:
            raise  # the disk, not the file: the caller shows it
        except WorkspaceError as error:
            service = BackupService.of_file(path, self._backups_root)
            restored = self._ask_damaged(error, service, parent)
            if restored is None:
                return None
            return self.open(restored, parent=parent)
        self.show_notices(opened, parent)
        return opened

    def show_notices(self, opened: OpenWorkspace, parent: QWidget | None) -> None:
        """What the user should know about a workspace that did open."""
        if opened.location is not None:
            self._warn(parent, opened.location.message)
        for warning in opened.warnings:
            self._warn(parent, warning)
