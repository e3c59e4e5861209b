"""Long tooltips wrap on every kind of view the window watches: headers and graphics views too,
not only the rows of lists and tables."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.long_tooltips import LongToolTips, wrapped

LONG = ("Stakeholders with a single relationship are one resignation away from no coverage "
        "at all: add a second relationship at a similar level of seniority.")


def _hover(widget: QWidget, spot: QPoint) -> str:
    """The text of the tooltip shown after hovering ``spot`` ("" if none is shown)."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, spot,
                                              widget.mapToGlobal(spot)))
    label = next((w for w in QApplication.topLevelWidgets()
                  if w.inherits("QTipLabel") and w.isVisible()), None)
    return label.text() if isinstance(label, QLabel) else ""


def test_header_and_chart_tooltips_are_wrapped_too(
        qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderItem(0, QStandardItem("Ada Power"))
    model.setHeaderData(0, Qt.Orientation.Horizontal, LONG, Qt.ItemDataRole.ToolTipRole)
    table = QTableView()
    table.setModel(model)
    scene = QGraphicsScene()
    card = scene.addRect(0, 0, 120, 60)
    card.setToolTip(LONG)
    chart = QGraphicsView(scene)
    layout = QVBoxLayout(root)
    layout.addWidget(table)
    layout.addWidget(chart)
    LongToolTips(root).watch(root)
    root.resize(500, 400)
    root.show()
    qtbot.waitExposed(root)

    header = table.horizontalHeader()
    first = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    assert _hover(header, first) == wrapped(LONG)
    assert wrapped(LONG).startswith("<p>")
    on_card = chart.mapFromScene(card.rect().center())
    assert _hover(chart.viewport(), on_card) == wrapped(LONG)
