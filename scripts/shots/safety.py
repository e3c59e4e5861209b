"""Screenshots: safety."""

from __future__ import annotations

import os
from pathlib import Path

from shots.common import save


def shoot_safety(folder: Path) -> list[Path]:
    """Restore from Backup, a damaged file, a workspace in use, Help ▸ About."""
    from datetime import datetime, timedelta

    from contactmap_desktop.domain.errors import WorkspaceError, WorkspaceLockedError
    from contactmap_desktop.services.backup_service import BackupService
    from contactmap_desktop.services.diagnostics import collect_diagnostics
    from contactmap_desktop.services.workspace_service import open_workspace
    from contactmap_desktop.ui.help.about_dialog import AboutDialog, current_diagnostics
    from contactmap_desktop.ui.safety.damaged_file_dialog import DamagedFileDialog
    from contactmap_desktop.ui.safety.restore_backup_dialog import RestoreBackupDialog
    from contactmap_desktop.ui.safety.workspace_locked_dialog import WorkspaceLockedDialog

    moment = [datetime(2026, 3, 2, 8, 30)]
    root, path = folder / "backups", folder / "Account plans.cmap"
    for day in range(5):  # a week of work: one more account every day, a backup each time
        opened = open_workspace(path, clock=lambda: moment[0], backups_root=root,
                                with_sample=day == 0, create=True)
        opened.accounts.create_account(f"Prospect {day + 1}")
        opened.close()
        moment[0] += timedelta(days=1, hours=2, minutes=17)
    service = BackupService.of_file(path, root, lambda: moment[0])
    damaged = WorkspaceError(
        f"{path.name} is damaged: SQLite's integrity check reports “Page 7: btreeInitPage() "
        "returns error code 11”."
    )
    locked = WorkspaceLockedError(
        f"{path.name} is already open for editing by process 48213 on sales-laptop-07 "
        "(since 2026-03-06 09:12 UTC).", "sales-laptop-07", 48213,
    )
    # Show the folders a typical Linux user has, not this machine's temporary ones.
    saved = {key: os.environ.get(key) for key in ("XDG_DATA_HOME", "XDG_STATE_HOME")}
    os.environ["XDG_DATA_HOME"] = "/home/alex/.local/share"
    os.environ["XDG_STATE_HOME"] = "/home/alex/.local/state"
    live = current_diagnostics()
    diagnostics = collect_diagnostics(live.qt_version, live.pyside_version)
    for key, value in saved.items():
        if value is not None:
            os.environ[key] = value
    return [
        save(RestoreBackupDialog(service), "restore-from-backup"),
        save(DamagedFileDialog(damaged, service), "damaged-file"),
        save(WorkspaceLockedDialog(locked), "workspace-in-use"),
        save(AboutDialog(diagnostics), "about"),
    ]
