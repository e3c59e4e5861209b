"""A tab whose widgets are built the first time it is shown: a window opens with only the
tabs on screen built (the Letters tab's form, list and preview weigh on the window's peak
memory though nobody may look at them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class Room:
    """The least room a tab's widget needs, in the window font's average characters and
    lines: held before the widget is built, so that the window's size and the room it gives
    the tab are the same before and after (tests/gui/core/test_built_when_shown.py checks
    each tab's built widget fits in its room)."""

    characters: int
    lines: int


class BuiltWhenShown(QWidget, Generic[W]):
    """Holds the widget ``build`` makes, made when this is first shown or ``build()`` is
    called; ``build`` reads what it shows then, so nothing that changed before is missed.
    ``widget`` is None until then, and still None while ``build`` runs."""

    def __init__(self, build: Callable[[], W], room: Room) -> None:
        super().__init__()
        self._build: Callable[[], W] | None = build
        self.widget: W | None = None
        self.room = room
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self.widget is not None

    def build(self) -> W:
        """The widget, built now if it is not yet."""
        if self.widget is not None:
            return self.widget
        build, self._build = self._build, None
        if build is None:
            raise RuntimeError("the widget was asked for while it was being built")
        widget = build()
        self.widget = widget
        self._layout.addWidget(widget)
        if self.isVisible():
            widget.show()  # a child added to a shown widget is shown only later
            self._make_room()
        return widget

    def _make_room(self) -> None:
        """The window makes room for the widget's minimum size now, not a frame later (Qt
        passes a new minimum size up one widget per posted layout request)."""
        holder = self.parentWidget()
        while holder is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            holder = holder.parentWidget()

    def minimumSizeHint(self) -> QSize:
        if self.built:
            return super().minimumSizeHint()
        return self.held_room()

    def held_room(self) -> QSize:
        """The room in pixels, in this widget's font."""
        metrics = self.fontMetrics()
        return QSize(self.room.characters * metrics.averageCharWidth(),
                     self.room.lines * metrics.lineSpacing())

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)
