"""File ▸ Restore from Backup: pick a dated backup, restore it into a new file, open that;
and the banner over a damaged workspace, which is open read-only, offering just that."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.core.window_actions import add_menu_entry


def restore_from_backup(window: MainWindow, backups: BackupService) -> None:
    # The dialog's module loads when it is first opened, not with the window.
    from contactmap_desktop.ui.safety.restore_backup_dialog import RestoreBackupDialog

    restored = RestoreBackupDialog.ask(backups, window)
    if restored is not None:
        window.workspace_requested.emit(restored, False)


class DamagedBanner(QFrame):
    """Says the file is damaged and open read-only, and offers to restore one of its backups."""

    def __init__(self, damage: str, restore: QPushButton,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedBanner")
        self.setStyleSheet("#damagedBanner { background: #fde2dc; border: 1px solid #c0392b; }")
        self.text = plain_label(QLabel(
            f"{damage} It is open read-only, so that nothing more is lost; no backup is made "
            "of it. Restore a backup into a new file to go on working."))
        self.text.setWordWrap(True)
        self.restore = restore
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignTop)


def install(window: MainWindow, backups: BackupService) -> None:
    add_menu_entry(window, "&File", "Res&tore from Backup…",
                   lambda: restore_from_backup(window, backups),
                   tip="Open an earlier state of this workspace as a new file")
    damage = window.document.opened.damage
    if damage is not None:
        button = QPushButton("&Restore from Backup…")
        button.clicked.connect(lambda: restore_from_backup(window, backups))
        bar = QToolBar("Damaged workspace", window)
        bar.setObjectName("damagedBar")
        bar.setMovable(False)
        bar.addWidget(DamagedBanner(damage, button))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
