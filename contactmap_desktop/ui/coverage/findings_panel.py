"""The findings dock's content: the findings tree, grouped by severity; a click goes to the map."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.finding import Finding, Severity
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.roles import FindingRole
from contactmap_desktop.ui.coverage.findings_model import FindingsModel

# Above this many findings the list is scanned rather than read: one line per finding, the
# whole sentence in its tooltip. Rows of one height are laid out without measuring each one,
# which the tree would otherwise do for every row after any change (half a second for the
# 14,000 findings of a 1,000 × 100 account).
ONE_LINE_ABOVE = 1000
NOTHING_TO_REPORT = "Nothing to report: the map follows the method's rules."
# An empty account breaks no rule, but saying it follows them would praise a blank page.
NOTHING_TO_CHECK = ("Nothing to check yet: add the client's people and your team, then grade "
                    "their relationships.")


def findings_summary(model: FindingsModel) -> str:
    """The line above the findings, e.g. “4 concerns · 9 warnings · 1 note”."""
    # The labels are plurals ("Concerns"): the singular drops the "s".
    return " · ".join(counted(model.count(s), s.label.lower()[:-1], s.label.lower())
                      for s in Severity)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped sentence: a finding is read, not skimmed to an ellipsis.

    The tree asks for every row's height whenever the findings change, and a large account has
    thousands of findings that mostly stay the same from one edit to the next: heights are kept
    by sentence and width, and the style's one-line size is asked once per level of the tree.
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        self._one_line: dict[tuple[int, int], QSize] = {}  # (depth, line spacing) → size
        self._heights: dict[tuple[str, int, int], int] = {}  # (text, width, spacing) → height
        self.one_line = False  # every row one line high (set by the panel for long lists)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        depth = 1 if index.parent().isValid() else 0
        metrics = option.fontMetrics
        spacing = metrics.lineSpacing()
        hint = self._one_line.get((depth, spacing))
        if hint is None:
            hint = self._one_line[(depth, spacing)] = super().sizeHint(option, index)
        if self.one_line:
            return hint
        # The row's rect as the tree paints it: the column less the indentation of its level
        # (the branch marks). The style lays the sentence out in that rect exactly as it
        # paints it (decoration, margins, line breaks), so a row takes the lines it needs.
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1)
        if width <= 40:
            return hint
        text = str(index.data() or "")
        key = (text, width, spacing)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 50_000:  # widths the panel no longer has
                self._heights.clear()
            laid_out = QStyleOptionViewItem(option)
            laid_out.rect = QRect(0, 0, width, hint.height())
            # A little air between sentences, so one finding ends where the next begins.
            height = self._heights[key] = super().sizeHint(laid_out, index).height() + 6
        return QSize(hint.width(), max(hint.height(), height))


class _FindingsTree(QTreeView):
    """The findings tree; its sentences wrap again whenever their width changes: the panel
    resized, or the scroll bar came or went (the viewport's resizes arrive here)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()


class FindingsPanel(QWidget):
    """Shows the findings; ``finding_activated`` says which one the user picked."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.model = FindingsModel()
        self.tree = _FindingsTree()
        self.tree.setObjectName("findingsTree")
        self.tree.setAccessibleName("Coverage findings")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._delegate = _WrappingDelegate(self.tree)
        self.tree.setItemDelegate(self._delegate)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.expandAll()
        self.tree.clicked.connect(self._picked)
        self.tree.activated.connect(self._picked)  # Enter on the keyboard
        self.model.rowsInserted.connect(lambda parent, *_: self.tree.expand(parent))
        # A long group shows its findings a batch at a time, the next one when its last row
        # comes into sight (ui/coverage/findings_model.py).
        self.tree.verticalScrollBar().valueChanged.connect(lambda _value: self._more_in_sight())
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree)

    def show_findings(self, findings: list[Finding], *, people: bool = True) -> None:
        """Show ``findings``; with no ``people`` on the map there was nothing to check."""
        self._set_one_line(len(findings) > ONE_LINE_ABOVE)
        self.model.set_findings(findings)
        self.empty.setText(NOTHING_TO_REPORT if people else NOTHING_TO_CHECK)
        self.empty.setVisible(not findings)
        self.summary.setText(findings_summary(self.model))

    def _set_one_line(self, one_line: bool) -> None:
        if one_line == self._delegate.one_line:
            return
        self._delegate.one_line = one_line
        self.tree.setWordWrap(not one_line)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight if one_line
                                   else Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(one_line)

    def show_pending(self) -> None:
        """Another map is being read: nothing of the previous one stays on screen."""
        self.model.set_findings([])
        self.empty.setVisible(False)
        self.summary.setText("Reading the map…")

    def _more_in_sight(self) -> None:
        bottom = self.tree.viewport().height()
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            rows = self.model.rowCount(group)
            if rows and self.model.has_more(group) and self.tree.isExpanded(group):
                top = self.tree.visualRect(self.model.index(rows - 1, 0, group)).top()
                if 0 <= top < bottom:
                    self.model.show_more(group)

    def _picked(self, index: QModelIndex) -> None:
        finding = index.data(FindingRole.FINDING)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)
