"""The influence strategies dock: the six strategies, where each is used, and “use it here”."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop import palette
from contactmap_desktop.domain.blueprints import Blueprint, BlueprintSummary, Strategy
from contactmap_desktop.domain.reference import Reference
from contactmap_desktop.ui.blueprints.reference_html import parse_cell_link, strategy_html
from contactmap_desktop.ui.blueprints.strategy_model import StrategyListModel
from contactmap_desktop.ui.core.roles import StrategyRole


class StrategyPanel(QWidget):
    use_requested = Signal(object)  # Strategy, for the blueprint shown in the Blueprint panel
    cell_activated = Signal(object)  # CellRef of a blueprint that uses the strategy

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strategyPanel")
        self._summaries: list[BlueprintSummary] = []
        self._blueprint: Blueprint | None = None
        self.model = StrategyListModel(reference.strategies)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(StrategyRole.SEARCH_TEXT)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setObjectName("strategySearch")
        self.search.setPlaceholderText("Search the strategies (e.g. pilot, peers, deadline)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setObjectName("strategyList")
        self.list.setAccessibleName("Influence strategies")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * 6 + 8)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())
        self.details = QTextBrowser()
        self.details.setObjectName("strategyDetails")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link)
        self.use = QPushButton()
        self.use.setObjectName("strategyUse")
        self.use.clicked.connect(self._use)
        self.use_hint = QLabel()
        self.use_hint.setWordWrap(True)
        self.use_hint.setStyleSheet(f"color: {palette.MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.use, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.use_hint)
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    # --- state from outside --------------------------------------------------------------

    def show_usage(self, summaries: list[BlueprintSummary]) -> None:
        self._summaries = summaries
        self.model.set_usage(summaries)
        self._show()

    def set_current_blueprint(self, blueprint: Blueprint | None) -> None:
        self._blueprint = blueprint
        self._show_use()

    def select(self, strategy: Strategy) -> None:
        self.search.clear()
        self.list.setCurrentIndex(self.proxy.mapFromSource(
            self.model.index(self.model.row_of(strategy))))

    @property
    def strategy(self) -> Strategy | None:
        value = self.list.currentIndex().data(StrategyRole.STRATEGY)
        return value if isinstance(value, Strategy) else None

    # --- showing -------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if not self.list.currentIndex().isValid() and self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._show()

    def _show(self) -> None:
        index: QModelIndex = self.proxy.mapToSource(self.list.currentIndex())
        if not index.isValid():
            self.details.setHtml("<p><i>No strategy mentions that.</i></p>")
        else:
            self.details.setHtml(strategy_html(self.model.guide(index.row()), self._summaries))
        self._show_use()

    def _show_use(self) -> None:
        strategy = self.strategy
        self.use.setText(f"Use “{strategy.label}” in this blueprint" if strategy
                         else "Use in this blueprint")
        if self._blueprint is None:
            hint = "Select a relationship that has a blueprint to add a strategy to it."
        elif strategy is not None and strategy in self._blueprint.strategies:
            hint = "This blueprint already uses this strategy."
        else:
            hint = ""
        self.use.setEnabled(strategy is not None and not hint)
        self.use_hint.setText(hint)
        self.use_hint.setVisible(bool(hint))

    def _use(self) -> None:
        if self.strategy is not None:
            self.use_requested.emit(self.strategy)

    def _link(self, url: QUrl) -> None:
        cell = parse_cell_link(url.toString())
        if cell is not None:
            self.cell_activated.emit(cell)
