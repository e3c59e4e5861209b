"""Work that only shows on screen, done while its widget is shown: asked for out of sight, it
waits until the widget is next shown (a tab or panel behind another reads nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """``request()`` does ``work`` now if ``widget`` is visible, else once it is shown."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._work = widget, work
        self._pending = False
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """True while the work waits for the widget to be shown."""
        return self._pending

    def request(self) -> None:
        self._pending = not self._widget.isVisible()
        if not self._pending:
            self._work()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The widget and this filter refer to each other, so the garbage collector frees
        # them together: it may clear this object's attributes before the widget's destructor
        # sends its last events (children removed, …) through the filter. Those are never a
        # Show, so only a Show may look at the attributes.
        if event.type() != QEvent.Type.Show:
            return False
        if watched is self._widget and self._pending:
            self._pending = False
            self._work()
        return False
