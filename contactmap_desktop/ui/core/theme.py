"""Colors of the window: the grade cells in the scheme the window is in, and the choice of
scheme — follow the system's light or dark setting, or always light, or always dark."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.palette import (
    DARK,
    LIGHT,
    POWER_MAP_DARK,
    POWER_MAP_LIGHT,
    GradeColors,
    PowerMapColors,
)

NATIVE_STYLE = "contactmapNativeStyle"  # application property: the style before any forcing


class ColorScheme(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def grade_colors(palette: QPalette, grade: Grade) -> tuple[QColor, QColor]:
    """(background, letter) of a grade in the scheme the palette is in."""
    colors: GradeColors = (DARK if is_dark(palette) else LIGHT)[grade]
    return QColor(colors.background), QColor(colors.text)


def power_map_colors(palette: QPalette) -> PowerMapColors:
    """The power map's colors for the scheme the palette is in."""
    return POWER_MAP_DARK if is_dark(palette) else POWER_MAP_LIGHT


def dark_palette() -> QPalette:
    """A dark palette for platforms that cannot switch by themselves (used with Fusion)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in [
        (roles.Window, "#2b2d30"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282b"), (roles.ToolTipBase, "#3c3f41"),
        (roles.ToolTipText, "#f0f0f0"), (roles.PlaceholderText, "#9a9da1"),
        (roles.Text, "#e8e8e8"), (roles.Button, "#3a3c40"), (roles.ButtonText, "#e8e8e8"),
        (roles.BrightText, "#ffffff"), (roles.Light, "#4a4d52"), (roles.Midlight, "#404347"),
        (roles.Mid, "#303236"), (roles.Dark, "#1b1c1f"), (roles.Shadow, "#000000"),
        (roles.Highlight, "#3d7fd9"), (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#7fb2ff"), (roles.LinkVisited, "#c39bff"),
    ]:
        palette.setColor(role, QColor(color))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c7f84"))
    return palette


def apply_color_scheme(app: QApplication, scheme: ColorScheme) -> None:
    """Ask the platform for the scheme; where it cannot oblige, paint it ourselves (Fusion)."""
    if app.property(NATIVE_STYLE) is None:
        app.setProperty(NATIVE_STYLE, app.style().name())
    native = str(app.property(NATIVE_STYLE))
    wanted = {ColorScheme.SYSTEM: Qt.ColorScheme.Unknown, ColorScheme.LIGHT: Qt.ColorScheme.Light,
              ColorScheme.DARK: Qt.ColorScheme.Dark}[scheme]
    app.styleHints().setColorScheme(wanted)  # Unknown: follow the system again
    if app.style().name() != native:
        app.setStyle(native)
    app.setPalette(QPalette())  # the platform's own palette for its scheme
    if scheme is ColorScheme.SYSTEM or is_dark(QGuiApplication.palette()) == (
            scheme is ColorScheme.DARK):
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if scheme is ColorScheme.DARK
                   else app.style().standardPalette())
