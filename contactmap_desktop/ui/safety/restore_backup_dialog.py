"""File ▸ Restore from Backup: pick a backup, restore it into a new file, open that file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.services.backup_service import BackupService
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.safety.backup_list_model import BackupListModel

# Given the suggested new file, return the one the user chose (or None to cancel).
ChooseTarget = Callable[[QWidget, Path], Path | None]


def choose_target_with_file_dialog(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Restore Backup As", str(suggested), "ContactMap workspaces (*.cmap)"
    )
    return Path(path) if path else None


class RestoreBackupDialog(QDialog):
    """Lists the backups; "Restore to New File…" writes the chosen one beside the workspace."""

    def __init__(self, service: BackupService, parent: QWidget | None = None,
                 choose_target: ChooseTarget = choose_target_with_file_dialog) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.resize(520, 360)
        self._service = service
        self._choose_target = choose_target
        self.restored_path: Path | None = None

        backups = service.list_backups()
        self.model = BackupListModel(backups)
        intro = QLabel(
            "ContactMap keeps backups of this workspace as you work. Restoring one writes it "
            "into a new file and opens it; the workspace you have now is not changed."
            if backups else
            "There are no backups of this workspace yet. One is made when a changed "
            "workspace is closed, and when it is opened again later."
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.error_label = plain_label(QLabel())
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()
        self.folder_label = plain_label(QLabel(f"Backups are kept in {service.folder}"))
        self.folder_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            "&Restore to New File…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        if backups:
            self.table.selectRow(0)
        self._update_button()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.table.selectionModel().hasSelection())

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        backup = self.model.backup_at(rows[0].row())
        target = self._choose_target(self, self._service.suggested_target(backup))
        if target is None:
            return
        try:
            self.restored_path = self._service.restore(backup, target)
        except ContactMapError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    @classmethod
    def ask(cls, service: BackupService, parent: QWidget | None = None) -> Path | None:
        """Show the dialog; the new file to open, or None if nothing was restored."""
        dialog = cls(service, parent)
        dialog.exec()
        return dialog.restored_path
