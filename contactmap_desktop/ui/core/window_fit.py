"""The window's size on the screen it opens on: a default that fits the available area, panel
widths for that width, the name its layout is remembered under, and a restored window kept
inside the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

LARGEST_DEFAULT = QSize(1440, 900)
# The window manager's frame lies outside the window's geometry: room for a title bar above
# and a border around.
TITLE_BAR, BORDER = 40, 8
FRAME_ROOM = QSize(2 * BORDER, TITLE_BAR + BORDER)


def screen_key(available: QRect) -> str:
    """The available area's size, as settings keys name it ("1366x768")."""
    return f"{available.width()}x{available.height()}"


def default_geometry(available: QRect, minimum: QSize) -> QRect:
    """As large as is useful, centred in what the screen has room for."""
    size = LARGEST_DEFAULT.boundedTo(available.size() - FRAME_ROOM)
    centred = QRect(0, 0, size.width(), size.height())
    centred.moveCenter(available.center())
    return kept_on_screen(centred, minimum, available)


def panel_widths(window_width: int) -> tuple[int, int]:
    """Widths of the left (accounts) and right (panels) dock areas: narrower on a laptop, so
    the grid keeps about 60 % of the window."""
    return (min(max(window_width * 15 // 100, 150), 220),
            min(max(window_width * 24 // 100, 250), 340))


def kept_on_screen(geometry: QRect, minimum: QSize, available: QRect) -> QRect:
    """``geometry`` shrunk to the screen (never below ``minimum``) and moved onto it, frame
    included: a layout saved before the screen changed, or on another monitor."""
    size = geometry.size().boundedTo(available.size() - FRAME_ROOM).expandedTo(minimum)
    kept = QRect(geometry.topLeft(), size)
    kept.moveLeft(max(available.left() + BORDER,
                      min(kept.left(), available.right() + 1 - BORDER - size.width())))
    kept.moveTop(max(available.top() + TITLE_BAR,
                     min(kept.top(), available.bottom() + 1 - BORDER - size.height())))
    return kept
