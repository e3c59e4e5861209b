"""The workspace's accounts as a list, for the accounts panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from contactmap_desktop.domain.model import Account
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import AccountRole


class AccountListModel(QAbstractListModel):
    def __init__(self, document: MapDocument) -> None:
        super().__init__(document)
        self._document = document
        self._accounts: list[Account] = []
        self.refresh()
        document.changed.connect(lambda changes: self.refresh() if changes.accounts else None)

    def refresh(self) -> None:
        self.beginResetModel()
        self._accounts = self._document.reads.accounts.list_accounts()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._accounts)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return account.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_typed(f"{account.name} — {account.stage.label}" + (
                f", {account.industry}" if account.industry else ""))
        if role == AccountRole.ACCOUNT:
            return account
        return None

    def row_of(self, account_id: str | None) -> int | None:
        return next((i for i, a in enumerate(self._accounts) if a.id == account_id), None)

    def account_at(self, row: int) -> Account | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None
