"""File ▸ Restore from Backup: pick a dated backup, restore it into a new file, open that."""

from __future__ import annotations

from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog
from contactmap_desktop.ui.main_window import MainWindow
from contactmap_desktop.ui.window_actions import add_menu_entry


def restore_from_backup(window: MainWindow) -> None:
    opened = window.document.opened
    # The backups sit in one folder per workspace under the same root as this one's.
    service = BackupService(opened.path, opened.backups.folder.parent)
    restored = RestoreBackupDialog.ask(service, window)
    if restored is not None:
        window.workspace_requested.emit(restored, False)


def install(window: MainWindow) -> None:
    add_menu_entry(window, "&File", "Res&tore from Backup…", lambda: restore_from_backup(window),
                   tip="Open an earlier state of this workspace as a new file")
