"""The Agenda: what is due or overdue across accounts this week, each item one double-click
(or Enter) from where it is handled."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.agenda import AgendaItem
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.ui.core.when_shown import WhenShown
from contactmap_desktop.ui.lifecycle.columns import agenda_columns
from contactmap_desktop.ui.lifecycle.record_model import RecordModel


def _key(item: AgendaItem) -> str:
    return f"{item.kind.value}:{item.account_id}:{item.target_id}:{item.part}:{item.due}"


class _AgendaTable(QTableView):
    activated_item = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_item.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class AgendaView(QWidget):
    # The item to handle: the window opens its account and the place it is handled.
    open_requested = Signal(object)

    def __init__(self, agenda: AgendaService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaView")
        self._agenda = agenda
        # The agenda spans the whole workspace and edits elsewhere ask for it often: it is
        # read while it is on screen, or when next shown.
        self._read_when_shown = WhenShown(self, self._read)
        self.model: RecordModel[AgendaItem] = RecordModel(agenda_columns(), _key)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("agendaHeading")
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.view = _AgendaTable()
        self.view.setObjectName("agendaTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self._open)
        self.view.activated_item.connect(self._open)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        """Read the agenda again: now if it is on screen, else when it is next shown."""
        self._read_when_shown.request()

    def _read(self) -> None:
        agenda = self._agenda.agenda()
        items = agenda.items
        self.model.set_records(items)
        overdue = sum(1 for i in items if i.overdue)
        self.heading.setText(
            f"<b>Agenda</b> — due in the next {counted(agenda.days, 'day')}: "
            f"{counted(len(items), 'item')}"
            + (f", <b style='color:#b8401f'>{overdue} overdue</b>" if overdue else "")
            + (f" · churn in the last year: {agenda.churn.churned} of "
               f"{counted(agenda.churn.customers, 'customer account')} "
               f"({agenda.churn.percent:.0f} %)" if agenda.churn.customers else ""))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.record(index.row()))
