"""Work that only shows on screen, done while its widget is on screen: asked for out of sight,
it waits until the widget is next shown (a tab or panel behind another reads nothing)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QWidget

# A window property, set while the window arranges its panels: each is shown on the way,
# then tabbed behind another or not, and only where it ends counts.
ARRANGING = "contactmapArrangingPanels"


def on_screen(widget: QWidget) -> bool:
    """Shown and not covered: Qt keeps a panel tabbed behind another visible, with none of
    it on screen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _arranging(widget: QWidget) -> bool:
    return bool(widget.window().property(ARRANGING))


class WhenShown(QObject):
    """``request()`` does ``work`` now if ``widget`` is on screen, else once it is shown."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._work = widget, work
        self._pending = False
        self._dock: QDockWidget | None = None  # the panel it ends up in, once asked
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """True while the work waits for the widget to be shown."""
        return self._pending

    def request(self) -> None:
        self._pending = not on_screen(self._widget) or _arranging(self._widget)
        if self._pending:
            self._watch_dock()
        else:
            self._work()

    def arranged(self) -> None:
        """The window's panels are in place: the waiting work is done if the widget ended
        on screen."""
        if self._pending and on_screen(self._widget):
            self._pending = False
            self._work()
        elif self._pending:
            self._watch_dock()

    def _watch_dock(self) -> None:
        """A panel brought to the front of its tab group gets no Show event: its dock says."""
        if self._dock is not None:
            return
        parent = self._widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            self._dock = parent
            parent.visibilityChanged.connect(self._dock_visibility_changed)

    def _dock_visibility_changed(self, visible: bool) -> None:
        if visible and self._pending and not _arranging(self._widget):
            self._pending = False
            self._work()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The widget and this filter refer to each other, so the garbage collector frees
        # them together: it may clear this object's attributes before the widget's destructor
        # sends its last events (children removed, …) through the filter. Those are never a
        # Show or a Resize, so only those may look at the attributes.
        # A Resize too: a panel squeezed to nothing and given room again gets no Show.
        kind = event.type()
        if kind != QEvent.Type.Show and kind != QEvent.Type.Resize:
            return False
        if watched is self._widget and self._pending and not _arranging(self._widget) \
                and (kind == QEvent.Type.Show or on_screen(self._widget)):
            self._pending = False
            self._work()
        return False


@contextmanager
def panels_arranging(window: QWidget) -> Iterator[None]:
    """While ``window`` arranges its panels, a panel shown on the way does no work; once they
    are in place, those on screen do theirs (at the first show, the Agenda read every
    account only to end behind another tab)."""
    window.setProperty(ARRANGING, True)
    try:
        yield
    finally:
        window.setProperty(ARRANGING, None)
        layout = window.layout()
        if layout is not None:
            layout.activate()  # where each panel ends: in front, or behind another tab
        for when_shown in window.findChildren(WhenShown):
            when_shown.arranged()
