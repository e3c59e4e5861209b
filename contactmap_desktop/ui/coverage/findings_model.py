"""Tree model of the coverage findings: one group per severity, the findings under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from contactmap_desktop.domain.findings import Finding, Severity
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import FindingRole

_Index = QModelIndex | QPersistentModelIndex
_GROUP = 0xFFFF_FFFF  # internalId of a group row; findings carry their severity's order

SEVERITY_COLORS = {
    Severity.CONCERN: "#b8401f",
    Severity.WARNING: "#c98a12",
    Severity.INFO: "#4f7fae",
}



def severity_icon(severity: Severity, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_COLORS[severity]))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class FindingsModel(QAbstractItemModel):
    """Three fixed group rows (concerns, warnings, notes) so the tree keeps its shape."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: dict[Severity, list[Finding]] = {s: [] for s in Severity}
        self._icons: dict[Severity, QIcon] = {}  # made on first use: pixmaps need the app

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace the findings; each group is updated with row inserts/removes, not a reset,
        so that the view keeps its expanded groups and scroll position."""
        for severity in Severity:
            new = [f for f in findings if f.severity is severity]
            old = self._groups[severity]
            parent = self.index(severity.order, 0)
            if len(new) < len(old):
                self.beginRemoveRows(parent, len(new), len(old) - 1)
                self._groups[severity] = old[:len(new)]
                self.endRemoveRows()
            elif len(new) > len(old):
                self.beginInsertRows(parent, len(old), len(new) - 1)
                self._groups[severity] = old + new[len(old):]
                self.endInsertRows()
            changed = [i for i, (a, b) in enumerate(zip(self._groups[severity], new,
                                                        strict=True)) if a != b]
            self._groups[severity] = new
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0, parent),
                                      self.index(changed[-1], 0, parent))
            self.dataChanged.emit(parent, parent)

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            self._icons[severity] = severity_icon(severity)
        return self._icons[severity]

    def findings(self) -> list[Finding]:
        return [f for s in Severity for f in self._groups[s]]

    def count(self, severity: Severity) -> int:
        return len(self._groups[severity])

    # --- shape ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP) if row < len(Severity) else QModelIndex()
        if parent.internalId() != _GROUP:
            return QModelIndex()
        severity = list(Severity)[parent.row()]
        if row >= len(self._groups[severity]):
            return QModelIndex()
        return self.createIndex(row, 0, severity.order)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _GROUP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(Severity)
        if parent.column() != 0 or parent.internalId() != _GROUP:
            return 0
        return len(self._groups[list(Severity)[parent.row()]])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- data -----------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            severity = list(Severity)[index.row()]
            count = len(self._groups[severity])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{severity.label} ({count})"
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon(severity)
            if role == FindingRole.SEVERITY:
                return severity
            if role == FindingRole.COUNT:
                return count
            return None
        severity = list(Severity)[index.internalId()]
        finding = self._groups[severity][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return finding.message
        if role == Qt.ItemDataRole.ToolTipRole:
            where = "Click to select its cells in the map." if finding.cells else (
                "Click to select its column in the map.")
            return as_typed(f"{finding.message}\n\nRule: {finding.rule.id}. {where}")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(severity)
        if role == FindingRole.FINDING:
            return finding
        if role == FindingRole.SEVERITY:
            return severity
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Finding"
        return None
