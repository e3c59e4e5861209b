"""A tab or a docked panel whose widgets are built the first time it is shown: a window opens
with only the tabs and panels on screen built (the Letters tab's form, list and preview, the
Blueprint panel's form, weigh on the window's peak memory though nobody may look at them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from contactmap_desktop.ui.core.when_shown import WhenShown

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class Room:
    """The least room a tab's or panel's widget needs, in the window font's average
    characters and lines: held before the widget is built, so that the window's size and the
    room it gives the tab or panel are the same before and after
    (tests/gui/core/test_built_when_shown.py checks each built widget fits in its room)."""

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


class PanelBuiltWhenShown(BuiltWhenShown[W]):
    """A docked panel's ``BuiltWhenShown``, built the first time the panel is on screen: Qt
    keeps a panel tabbed behind another visible, so its Show event says nothing (every panel
    is shown while the window arranges them); ``WhenShown`` knows when it comes in front."""

    def __init__(self, build: Callable[[], W], room: Room) -> None:
        super().__init__(build, room)
        WhenShown(self, self._on_screen).request()

    def _on_screen(self) -> None:
        self.build()

    def showEvent(self, event: QShowEvent) -> None:
        QWidget.showEvent(self, event)  # built by its WhenShown, once on screen
