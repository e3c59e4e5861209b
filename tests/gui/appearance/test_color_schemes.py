"""Light and dark: the grid follows the scheme, and every grade letter, as painted, stands out
from its cell by a contrast ratio of at least 4.5:1 (WCAG AA) in both."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.grades import GRADES_TOP_DOWN
from contactmap_desktop.palette import (
    DARK,
    LIGHT,
    NEEDS_FILLING_OUTLINE,
    NEEDS_FILLING_OUTLINE_DARK,
    contrast_ratio,
)
from contactmap_desktop.ui.appearance.appearance_page import AppearancePage
from contactmap_desktop.ui.appearance.feature import apply_scheme
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.theme import ColorScheme, is_dark
from tests.helpers.builders import SmallMap


def _hex(color: QColor) -> str:
    return color.name()


def _painted(window: MainWindow) -> QImage:
    grid = window.map_page.grid
    grid.clearSelection()
    grid.setCurrentIndex(grid.model().index(-1, -1))
    QApplication.processEvents()  # the palette reaches the widgets as events
    grid.viewport().repaint()
    return grid.viewport().grab().toImage()


@pytest.mark.parametrize(("scheme", "table"), [(ColorScheme.LIGHT, LIGHT),
                                                (ColorScheme.DARK, DARK)])
def test_every_painted_letter_reads_on_its_cell(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap, system_scheme_after: None,
        scheme: ColorScheme, table: dict) -> None:  # type: ignore[type-arg]
    window.resize(1280, 800)  # room for every column (a window fits the 800 px test screen)
    cells = [small_map.cell(r, c) for r in range(2) for c in range(3)]
    window.map_page.set_grades(dict(zip(cells, GRADES_TOP_DOWN, strict=True)))
    apply_scheme(scheme)
    assert is_dark(QApplication.palette()) == (scheme is ColorScheme.DARK)
    image = _painted(window)
    grid = window.map_page.grid
    for cell, grade in zip(cells, GRADES_TOP_DOWN, strict=True):
        rect = grid.visualRect(window.map_page.model.index_of(cell))
        background = _hex(image.pixelColor(rect.left() + 5, rect.center().y()))
        assert background == table[grade].background, grade
        middle = rect.adjusted(rect.width() // 3, 6, -rect.width() // 3, -6)
        letter = max((_hex(image.pixelColor(x, y)) for x in range(middle.left(), middle.right())
                      for y in range(middle.top(), middle.bottom())),
                     key=lambda color: contrast_ratio(color, background))
        assert contrast_ratio(letter, background) >= 4.5, (scheme, grade, letter, background)
    # The dashed outline of a cell that needs a relationship stands out from a blank cell
    # (3:1, the bar for shapes rather than text).
    blank = _hex(QApplication.palette().color(QPalette.ColorRole.Base))
    outline = NEEDS_FILLING_OUTLINE_DARK if scheme is ColorScheme.DARK else NEEDS_FILLING_OUTLINE
    assert contrast_ratio(outline, blank) >= 3


def test_appearance_preference_is_kept_and_applied(
        qtbot: QtBot, ui_settings: UiSettings, system_scheme_after: None) -> None:
    page = AppearancePage(ui_settings, apply_scheme)
    qtbot.addWidget(page)
    assert page.chosen() is ColorScheme.SYSTEM
    page.buttons[ColorScheme.DARK].click()
    page.save()
    assert ui_settings.color_scheme() is ColorScheme.DARK
    assert is_dark(QApplication.palette())
    again = AppearancePage(ui_settings, apply_scheme)
    qtbot.addWidget(again)
    assert again.chosen() is ColorScheme.DARK
    again.buttons[ColorScheme.SYSTEM].click()
    again.save()
    assert not is_dark(QApplication.palette())
