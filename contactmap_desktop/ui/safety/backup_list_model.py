"""The backups of a workspace as a read-only table: when, how many accounts, how big."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contactmap_desktop.services.backup_service import BackupInfo, local_time
from contactmap_desktop.ui.core.dates import date_time_text
from contactmap_desktop.ui.core.plain_text import as_typed

_HEADERS = ("Taken", "Accounts", "Size")
Index = QModelIndex | QPersistentModelIndex


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupListModel(QAbstractTableModel):
    """Rows are backups, newest first, as the service lists them."""

    def __init__(self, backups: list[BackupInfo]) -> None:
        super().__init__()
        self._backups = list(backups)

    def backup_at(self, row: int) -> BackupInfo:
        return self._backups[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._backups):
            return None
        backup = self._backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return date_time_text(local_time(backup.taken_at))
            if column == 1:
                return "unreadable" if backup.account_count is None else str(backup.account_count)
            return _size_text(backup.size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_typed(str(backup.path))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(_HEADERS)):
            return _HEADERS[section]
        return None
