"""The blueprints of the account as a sortable table; double-click goes to the relationship."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
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

from contactmap_desktop.domain.blueprints import BlueprintSummary
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.blueprints.grade_chip import CHIP
from contactmap_desktop.ui.blueprints.overview_model import (
    STAKEHOLDER,
    STRATEGIES,
    BlueprintOverviewModel,
)
from contactmap_desktop.ui.core.roles import OverviewRole


class BlueprintOverviewPanel(QWidget):
    cell_activated = Signal(object)  # CellRef: the blueprint's main relationship
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blueprintOverview")
        self.model = BlueprintOverviewModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(OverviewRole.SORT)
        self.table = QTableView()
        self.table.setObjectName("blueprintTable")
        self.table.setAccessibleName("Blueprints of the account")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setIconSize(QSize(CHIP * 2 + 14, CHIP))  # the current → goal chips
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STRATEGIES, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)  # Enter on the keyboard
        self.count = QLabel()
        self.count.setObjectName("blueprintCount")
        self.export = QPushButton("Export PDF…")
        self.export.setObjectName("blueprintExport")
        self.export.clicked.connect(self.export_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.show_summaries([])

    def show_summaries(self, summaries: list[BlueprintSummary]) -> None:
        self.model.set_summaries(summaries)
        overdue = sum(s.overdue for s in summaries)
        text = counted(len(summaries), "blueprint")
        if overdue:
            text += f" · {overdue} overdue (highlighted)"
        if not summaries:
            text = ("No blueprints yet: select a key relationship in the map and plan it in "
                    "the Blueprint panel.")
        self.count.setText(text)
        self.count.setWordWrap(True)

    def _activated(self, index: QModelIndex) -> None:
        summary = index.siblingAtColumn(STAKEHOLDER).data(OverviewRole.SUMMARY)
        if isinstance(summary, BlueprintSummary):
            self.cell_activated.emit(summary.blueprint.main_cell)
