"""The Find bar above the grid: find people by name, title, department or buying role, and
narrow the map to a role, a seniority, or the concerns; what is hidden is always said. Other
tools for the grid join it; the bar wraps onto a second row when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from contactmap_desktop.domain.map_filter import MapFilter
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.ui.core.flow_layout import FlowLayout


class FindLine(QLineEdit):
    """The find text; Escape clears the whole filter and hands the keyboard back to the grid."""

    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    filter_changed = Signal(object)  # MapFilter
    done = Signal()  # the user left the bar with Escape

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = FindLine()
        self.text.setObjectName("findText")
        self.text.setAccessibleName("Find people")
        self.text.setPlaceholderText("Find people (Ctrl+F)")
        self.text.setToolTip("Name, title, department or buying role, on either side of the map")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(160)
        self.role = QComboBox()
        self.role.setObjectName("roleFilter")
        self.role.setAccessibleName("Buying role filter")
        self.role.addItem("Any role", None)
        for role in BuyingRole:
            self.role.addItem(f"{role.label} ({role.badge})", role)
        self.seniority = QComboBox()
        self.seniority.setObjectName("seniorityFilter")
        self.seniority.setAccessibleName("Seniority filter")
        self.seniority.addItem("Any seniority", None)
        for seniority in Seniority:
            self.seniority.addItem(seniority.label, seniority)
        # As wide as "Any seniority", not "Individual contributor" (its list shows it whole):
        # the bar keeps to one row on a 1280-wide laptop.
        self.seniority.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.seniority.setMinimumContentsLength(len("Any seniority"))
        self.concerns = QCheckBox("Only &concerns")
        self.concerns.setObjectName("concernsFilter")
        self.concerns.setToolTip("Only the rows and columns with an I, D or M grade")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilter")
        self.clear_button.setText("Show all")
        self.clear_button.setAccessibleName("Clear the filter and show everyone")
        self.clear_button.setToolTip("Clear the filter and show everyone (Esc in the find box)")
        self.summary = QLabel()
        self.summary.setObjectName("filterSummary")
        self._tools = FlowLayout(self)
        self._tools.setContentsMargins(6, 4, 6, 0)
        for widget in (self.text, self.role, self.seniority, self.concerns, self.clear_button):
            self._tools.addWidget(widget)
        self.summary.hide()  # the page places it on a line of its own, shown when it says something
        self.text.textChanged.connect(lambda _t: self._changed())
        self.role.currentIndexChanged.connect(lambda _i: self._changed())
        self.seniority.currentIndexChanged.connect(lambda _i: self._changed())
        self.concerns.toggled.connect(lambda _on: self._changed())
        self.clear_button.clicked.connect(self.clear)
        self.text.escape_pressed.connect(self._escape)
        self._show_active(False)

    def add_tool(self, widget: QWidget) -> None:
        """Another tool for the grid (a filter, a button), after the find tools."""
        self._tools.addWidget(widget)

    def current_filter(self) -> MapFilter:
        role, seniority = self.role.currentData(), self.seniority.currentData()
        return MapFilter(text=self.text.text(),
                         role=role if isinstance(role, BuyingRole) else None,
                         seniority=seniority if isinstance(seniority, Seniority) else None,
                         concerns_only=self.concerns.isChecked())

    def start(self) -> None:
        """Ctrl+F: put the keyboard in the find box, its text selected."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def clear(self) -> None:
        for widget in (self.text, self.role, self.seniority, self.concerns):
            widget.blockSignals(True)
        self.text.clear()
        self.role.setCurrentIndex(0)
        self.seniority.setCurrentIndex(0)
        self.concerns.setChecked(False)
        for widget in (self.text, self.role, self.seniority, self.concerns):
            widget.blockSignals(False)
        self._changed()

    def show_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def _escape(self) -> None:
        self.clear()
        self.done.emit()

    def _changed(self) -> None:
        current = self.current_filter()
        self._show_active(current.is_active)
        self.filter_changed.emit(current)

    def _show_active(self, active: bool) -> None:
        self.clear_button.setEnabled(active)
        font = self.summary.font()
        font.setBold(active)
        self.summary.setFont(font)
