"""The power map's view: zoom, pan, fit, select a card, drag it onto its new manager.

Dragging the background pans; Ctrl+wheel zooms around the pointer; the arrow keys walk from
a card to its manager, its first report and its colleagues. Dragging a card shows, beside
the pointer, who it would report to, and outlines the card under it in green (or red when
that person is below the dragged one, which would make a loop); near the view's edge it
scrolls the chart. The view only reports intents through signals; the tab turns them into
edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsView,
    QMenu,
    QWidget,
)

from contactmap_desktop.ui.power_map.card_item import DropState, PowerCardItem
from contactmap_desktop.ui.power_map.drag_hint import DragHint
from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
STEP = 1.25  # one Ctrl+= or Ctrl+-
EDGE = 24  # pixels: a drag this close to the view's edge scrolls the chart
SCROLL = 20
_MOVES = {int(Qt.Key.Key_Up): "up", int(Qt.Key.Key_Down): "down",
          int(Qt.Key.Key_Left): "left", int(Qt.Key.Key_Right): "right"}


@dataclass
class _Press:
    """A left press on a card, until the button is released."""

    item: PowerCardItem
    at: QPointF
    dragging: bool = False
    target: PowerCardItem | None = None


class PowerMapView(QGraphicsView):
    """Shows a :class:`PowerMapScene`; emits what the user asks for."""

    stakeholder_selected = Signal(object)  # str | None
    edit_requested = Signal(str)  # stakeholder id
    reports_to_requested = Signal(str, str)  # stakeholder id, id of the new manager
    zoom_changed = Signal(float)

    def __init__(self, scene: PowerMapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.power_scene = scene
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press: _Press | None = None
        self.card_actions: list[QAction] = []  # the menu of a right-clicked card
        self.editable = True  # False (a read-only workspace): cards cannot be dragged
        self._hint = DragHint(scene.colors)
        self._fitted = True  # the chart follows the window's size until the user zooms

    # --- zoom ----------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Zoom to ``zoom`` (1.0 is 100 %), within the allowed range, around the anchor."""
        self._fitted = False
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        factor = zoom / self.zoom()
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self._zoom_at_center(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self._zoom_at_center(self.zoom() / STEP)

    def fit(self) -> None:
        """Show the whole chart, but never larger than 100 %; it stays fitted as the window
        is resized, until the user zooms."""
        rect = self.sceneRect()
        viewport = self.viewport().rect()
        if not rect.isEmpty() and not viewport.isEmpty():
            zoom = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
            self._zoom_at_center(zoom)
            self.centerOn(rect.center())
        self._fitted = True

    def _zoom_at_center(self, zoom: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.set_zoom(zoom)
        self.setTransformationAnchor(anchor)

    # --- selection -----------------------------------------------------------------------

    def select(self, stakeholder_id: str | None) -> None:
        """Select that person's card (None: nothing) and say so."""
        self.power_scene.clearSelection()
        item = self.power_scene.item(stakeholder_id) if stakeholder_id else None
        if item is not None:
            item.setSelected(True)
            self.ensureVisible(item, 40, 40)
        self.stakeholder_selected.emit(item.stakeholder_id if item else None)

    def selected_id(self) -> str | None:
        chosen = [i for i in self.power_scene.selectedItems() if isinstance(i, PowerCardItem)]
        return chosen[0].stakeholder_id if chosen else None

    # --- Qt events -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self._card_under(event)
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._press = _Press(item, event.position())
            if self.selected_id() != item.stakeholder_id:
                self.select(item.stakeholder_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None:
            super().mouseMoveEvent(event)
            return
        moved = (event.position() - press.at).manhattanLength()
        if not press.dragging and self.editable and moved >= QApplication.startDragDistance():
            press.dragging = True
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self._show_hint()
        if press.dragging:
            self._scroll_near_edge(event)
            self._drag_to(press, event)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._end_drag()
        if press.dragging and press.target is not None:
            self.reports_to_requested.emit(press.item.stakeholder_id,
                                           press.target.stakeholder_id)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self._card_under(event)
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            if self.selected_id() != item.stakeholder_id:
                self.select(item.stakeholder_id)
            self.edit_requested.emit(item.stakeholder_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.power_scene.card_at(self.mapToScene(event.pos()))
        if item is None or not self.card_actions:
            return
        if self.selected_id() != item.stakeholder_id:
            self.select(item.stakeholder_id)
        QMenu.exec(self.card_actions, event.globalPos(), None, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        selected = self.selected_id()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Escape and self._press is not None:
            self._end_drag()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            self.edit_requested.emit(selected)
        elif key in _MOVES and plain:
            # Arrows walk the chart from the selected card, or start at the first one.
            cards = self.power_scene.card_items()
            target = (self.power_scene.neighbour(selected, _MOVES[key]) if selected
                      else cards[0].stakeholder_id if cards else None)
            if target is not None:
                self.select(target)
        else:
            super().keyPressEvent(event)

    # --- dragging ------------------------------------------------------------------------

    def _card_under(self, event: QMouseEvent) -> PowerCardItem | None:
        return self.power_scene.card_at(self.mapToScene(event.position().toPoint()))

    def _drag_to(self, press: _Press, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        target = self.power_scene.card_at(point)
        if target is press.item:
            target = None
        if target is not press.target:
            if press.target is not None:
                press.target.set_marks(drop_state=DropState.NONE)
            refused = target is not None and self.power_scene.manages_indirectly(
                press.item.stakeholder_id, target.stakeholder_id)
            if target is not None:
                target.set_marks(drop_state=DropState.REFUSES if refused
                                 else DropState.ACCEPTS)
            press.target = target
            self._hint.show_text(self._hint_text(press.item, target, refused), refused)
        self._hint.setPos(point + QPointF(14 / self.zoom(), 10 / self.zoom()))

    def _scroll_near_edge(self, event: QMouseEvent) -> None:
        """Near the edge of the view, a drag scrolls the chart that way (at each move)."""
        x, y = event.position().x(), event.position().y()
        area = self.viewport().rect()
        for bar, low, high in ((self.horizontalScrollBar(), x, area.width() - x),
                               (self.verticalScrollBar(), y, area.height() - y)):
            if low < EDGE:
                bar.setValue(bar.value() - SCROLL)
            elif high < EDGE:
                bar.setValue(bar.value() + SCROLL)

    @staticmethod
    def _hint_text(item: PowerCardItem, target: PowerCardItem | None, refused: bool) -> str:
        name = item.card.stakeholder.name
        if target is None:
            return f"Drop {name} on their new manager"
        manager = target.card.stakeholder.name
        if refused:
            return f"{name} cannot report to {manager}, who is below them"
        return f"{name} reports to {manager}"

    def _show_hint(self) -> None:
        self._hint = DragHint(self.power_scene.colors)
        self.power_scene.addItem(self._hint)

    def _end_drag(self) -> None:
        press, self._press = self._press, None
        if press is None or not press.dragging:
            return
        if press.target is not None:
            press.target.set_marks(drop_state=DropState.NONE)
        self.power_scene.removeItem(self._hint)
        self.viewport().unsetCursor()
