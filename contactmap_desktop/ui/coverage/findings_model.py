"""Tree model of the coverage findings: one group per severity, the findings under it.

A large account has thousands of findings (14,000 at 1,000 × 100). The tree lays out every
row a model gives it after any change, asking Python for each row's index and flags: 0.3 s
on the window's thread for 14,000 rows. So a group gives the view its findings a batch at a
time, the next batch when the panel scrolls to the end of the last one (``show_more``), and a
new list of findings is compared with the old one over the rows the view has only. (Not Qt's
fetchMore: the tree fetches a batch for every expanded group at each layout, a resize of the
panel included, until every row is there again.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from contactmap_desktop.domain.finding import Finding, Severity
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.core.roles import FindingRole

_Index = QModelIndex | QPersistentModelIndex
_GROUP = 0xFFFF_FFFF  # internalId of a group row; findings carry their severity's order
_SEVERITIES = tuple(Severity)  # by display order (the order is the index here)
BATCH = 200  # findings a group gives the view at first, and at each ``show_more``
# Worked out once: each flags() call is a crossing from Qt, and enum arithmetic is slow.
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FINDING_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

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
    """Three fixed group rows (concerns, warnings, notes) so the tree keeps its shape; each
    group's rows are the first ``shown`` of its findings (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: dict[Severity, list[Finding]] = {s: [] for s in Severity}
        self._shown: dict[Severity, int] = {s: 0 for s in Severity}
        self._icons: dict[Severity, QIcon] = {}  # made on first use: pixmaps need the app

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace the findings; each group is updated with row inserts/removes, not a reset,
        so that the view keeps its expanded groups and scroll position. A group keeps as many
        rows as it showed (at least a batch), as far as it has findings."""
        grouped: dict[Severity, list[Finding]] = {s: [] for s in Severity}
        for finding in findings:
            grouped[finding.severity].append(finding)
        for severity, new in grouped.items():
            old, old_rows = self._groups[severity], self._shown[severity]
            rows = min(len(new), max(old_rows, BATCH))
            parent = self.index(severity.order, 0)
            if rows < old_rows:
                self.beginRemoveRows(parent, rows, old_rows - 1)
                self._groups[severity] = old[:rows]
                self._shown[severity] = rows
                self.endRemoveRows()
            elif rows > old_rows:
                self.beginInsertRows(parent, old_rows, rows - 1)
                self._groups[severity] = old[:old_rows] + new[old_rows:rows]
                self._shown[severity] = rows
                self.endInsertRows()
            kept = min(rows, old_rows)
            changed = [i for i in range(kept) if old[i] != new[i]]
            self._groups[severity] = new
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0, parent),
                                      self.index(changed[-1], 0, parent))
            self.dataChanged.emit(parent, parent)

    def has_more(self, group: QModelIndex) -> bool:
        """Whether the group (a top-level row) has findings it does not show yet."""
        if not group.isValid() or group.internalId() != _GROUP:
            return False
        severity = _SEVERITIES[group.row()]
        return self._shown[severity] < len(self._groups[severity])

    def show_more(self, group: QModelIndex) -> None:
        """The group's next batch of findings, as rows inserted at its end."""
        if not self.has_more(group):
            return
        severity = _SEVERITIES[group.row()]
        shown = self._shown[severity]
        rows = min(len(self._groups[severity]), shown + BATCH)
        self.beginInsertRows(group, shown, rows - 1)
        self._shown[severity] = rows
        self.endInsertRows()

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
            return self.createIndex(row, 0, _GROUP) if row < len(_SEVERITIES) else QModelIndex()
        if parent.internalId() != _GROUP:
            return QModelIndex()
        group = parent.row()
        if row >= self._shown[_SEVERITIES[group]]:
            return QModelIndex()
        return self.createIndex(row, 0, group)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _GROUP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(_SEVERITIES)
        if parent.column() != 0 or parent.internalId() != _GROUP:
            return 0
        return self._shown[_SEVERITIES[parent.row()]]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _GROUP else _FINDING_FLAGS

    # --- data -----------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            severity = _SEVERITIES[index.row()]
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
        severity = _SEVERITIES[index.internalId()]
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
