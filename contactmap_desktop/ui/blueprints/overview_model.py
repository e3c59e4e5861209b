"""Table model of an account's blueprints: who, current → goal, strategies, owner, due, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from contactmap_desktop.domain.blueprints import BlueprintStatus, BlueprintSummary
from contactmap_desktop.ui.blueprints.grade_chip import grade_pair_icon
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import OverviewRole

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_BACKGROUND = "#fde7c8"
OVERDUE_TEXT = "#4a2a00"
COLUMNS = ("Stakeholder", "With", "Current → goal", "Strategies", "Owner", "Due", "Status")
STAKEHOLDER, WITH, GRADES, STRATEGIES, OWNER, DUE, STATUS = range(len(COLUMNS))



def _grades(summary: BlueprintSummary) -> str:
    current = summary.current.letter if summary.current is not None else "–"
    return f"{current} → {summary.blueprint.goal.letter}"


def _due(summary: BlueprintSummary) -> str:
    due = summary.blueprint.due
    if due is None:
        return ""
    return f"{date_text(due)} · overdue" if summary.overdue else date_text(due)


class BlueprintOverviewModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BlueprintSummary] = []

    def set_summaries(self, summaries: list[BlueprintSummary]) -> None:
        if summaries == self._rows:
            return
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column == GRADES else self._text(summary, column)  # chips show it
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(summary, column)
        if role == OverviewRole.SORT:
            return self._sort_key(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == GRADES:
                current = summary.current.label if summary.current else "no relationship"
                return as_typed(f"{current} → {summary.blueprint.goal.label}" + (
                    f"\n{summary.warning}" if summary.warning else ""))
            return "Overdue: the due date has passed." if summary.overdue else None
        if role == Qt.ItemDataRole.DecorationRole and column == GRADES:
            return grade_pair_icon(summary.current, summary.blueprint.goal)
        if role == Qt.ItemDataRole.BackgroundRole and summary.overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and summary.overdue:
            return QBrush(QColor(OVERDUE_TEXT))
        if role == OverviewRole.SUMMARY:
            return summary
        if role == OverviewRole.OVERDUE:
            return summary.overdue
        return None

    @staticmethod
    def _text(summary: BlueprintSummary, column: int) -> str:
        blueprint = summary.blueprint
        texts = {
            STAKEHOLDER: summary.stakeholder_name,
            WITH: ", ".join(summary.team_names),
            GRADES: _grades(summary),
            STRATEGIES: summary.strategy_labels,
            OWNER: summary.owner_name,
            DUE: _due(summary),
            STATUS: blueprint.status.label,
        }
        return texts.get(column, "")

    @staticmethod
    def _sort_key(summary: BlueprintSummary, column: int) -> Any:
        blueprint = summary.blueprint
        if column == GRADES:
            return blueprint.goal.level * 10 + (summary.current.level if summary.current else 0)
        if column == DUE:
            return blueprint.due.isoformat() if blueprint.due else "9999-99-99"
        if column == STATUS:
            return list(BlueprintStatus).index(blueprint.status)
        if column == STRATEGIES:
            return len(blueprint.strategies)
        return BlueprintOverviewModel._text(summary, column).casefold()
