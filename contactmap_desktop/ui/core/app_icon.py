"""The application's icon, built from the PNG sizes shipped in resources/icons/."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from contactmap_desktop.paths import resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The name of the installed .desktop entry (build/linux/contactmap.desktop); Wayland and
# GNOME match the running window to its menu entry and icon through it.
DESKTOP_FILE_NAME = "contactmap"


def app_icon() -> QIcon:
    """Every PNG size, so each place (title bar, task switcher, dock) gets a crisp one.

    PNGs rather than the SVG: no image-format plugin is needed to show them.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource("icons", f"contactmap-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
