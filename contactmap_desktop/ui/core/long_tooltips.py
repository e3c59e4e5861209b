"""Long tooltips wrap: a note, a finding or a commitment shown whole on hover is broken into
lines of a readable width, instead of one line as wide as the screen."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QAbstractItemView, QGraphicsView, QHeaderView, QToolTip, QWidget

LONGEST_LINE = 80  # characters: longer plain tooltips are wrapped


def wrapped(text: str) -> str:
    """``text`` as rich text when it is long, which Qt's tooltip wraps; as it is otherwise."""
    if max((len(line) for line in text.splitlines()), default=0) <= LONGEST_LINE \
            or GuiQt.mightBeRichText(text):
        return text
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class LongToolTips(QObject):
    """Watches the item views, headers and graphics views it is given; shows their tooltips
    wrapped (the views themselves would show the model's text on one line)."""

    def watch(self, root: QWidget) -> None:
        """Every list, table, tree, header and graphics view under ``root``."""
        for view in root.findChildren(QAbstractItemView):
            (view if isinstance(view, QHeaderView) else view.viewport()).installEventFilter(self)
        for scene_view in root.findChildren(QGraphicsView):
            scene_view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        text = _tip_at(watched, event.pos())
        if not text or wrapped(text) == text:
            return False  # the view shows it as usual
        assert isinstance(watched, QWidget)
        QToolTip.showText(event.globalPos(), wrapped(text), watched)
        return True


def _tip_at(watched: QObject, position: QPoint) -> str:
    if isinstance(watched, QHeaderView):
        model = watched.model()
        section = watched.logicalIndexAt(position)
        value = model.headerData(section, watched.orientation(),
                                 Qt.ItemDataRole.ToolTipRole) if model and section >= 0 else None
        return value if isinstance(value, str) else ""
    view = watched.parent()
    if isinstance(view, QAbstractItemView):
        value = view.indexAt(position).data(Qt.ItemDataRole.ToolTipRole)
        return value if isinstance(value, str) else ""
    if isinstance(view, QGraphicsView):
        # As the scene does: the topmost item under the pointer that has a tooltip.
        return next((tip for item in view.items(position) if (tip := item.toolTip())), "")
    return ""
