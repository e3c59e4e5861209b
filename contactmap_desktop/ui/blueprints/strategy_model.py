"""List model of the six influence strategies, with how many of the account's plans use each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from contactmap_desktop.domain.blueprints import BlueprintSummary, Strategy
from contactmap_desktop.domain.reference import StrategyGuide
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.roles import StrategyRole

_Index = QModelIndex | QPersistentModelIndex



def search_text(guide: StrategyGuide) -> str:
    return " ".join((guide.name, guide.principle, guide.what_it_is, guide.suggested_use,
                     *guide.examples, *guide.cautions, *guide.suggested_cautions))


class StrategyListModel(QAbstractListModel):
    def __init__(self, guides: tuple[StrategyGuide, ...]) -> None:
        super().__init__()
        self._guides = guides
        self._usage: dict[Strategy, int] = {}

    def guide(self, row: int) -> StrategyGuide:
        return self._guides[row]

    def row_of(self, strategy: Strategy) -> int:
        return next(i for i, g in enumerate(self._guides) if g.strategy is strategy)

    def set_usage(self, summaries: list[BlueprintSummary]) -> None:
        usage = {g.strategy: sum(g.strategy in s.blueprint.strategies for s in summaries)
                 for g in self._guides}
        if usage != self._usage:
            self._usage = usage
            self.dataChanged.emit(self.index(0), self.index(len(self._guides) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._guides)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._guides):
            return None
        guide = self._guides[index.row()]
        used = self._usage.get(guide.strategy, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{guide.title} · {used} in use" if used else guide.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return guide.what_it_is
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{guide.title}, used in {counted(used, 'blueprint')}"
        if role == StrategyRole.STRATEGY:
            return guide.strategy
        if role == StrategyRole.SEARCH_TEXT:
            return search_text(guide)
        if role == StrategyRole.USAGE:
            return used
        return None
