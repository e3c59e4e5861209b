"""The accounts list on the left: pick an account; add, edit or delete one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QListView, QToolButton, QVBoxLayout, QWidget

from contactmap_desktop.ui.accounts.account_list_model import AccountListModel
from contactmap_desktop.ui.core.flow_layout import FlowLayout
from contactmap_desktop.ui.core.map_document import MapDocument


class AccountsPanel(QWidget):
    account_chosen = Signal(object)  # account id | None

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = AccountListModel(document)
        self.list = QListView()
        self.list.setObjectName("accountsList")
        self.list.setAccessibleName("Accounts")
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(
            lambda current, _previous: self.account_chosen.emit(
                a.id if (a := self.model.account_at(current.row())) else None))
        self.buttons = FlowLayout()  # one under the other when the panel is narrow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(self.buttons)
        self.model.modelReset.connect(self._show_current)

    def add_button(self, button: QToolButton) -> None:
        self.buttons.addWidget(button)

    def show_account(self, account_id: str | None) -> None:
        row = self.model.row_of(account_id)
        if row is None:
            self.list.clearSelection()
            return
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_current(self) -> None:
        # After the list is read again, keep the open account highlighted without reopening it.
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        row = self.model.row_of(self._document.account_id)
        if row is not None:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.selectionModel().blockSignals(False)
        self.list.blockSignals(False)
        self.list.viewport().update()
