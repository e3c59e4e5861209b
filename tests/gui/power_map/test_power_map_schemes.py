"""Light and dark on the power map: canvas, cards, lines and marks follow the window's scheme,
also when it changes while the chart is shown, and every grade letter as painted stands out
from its chip by at least 4.5:1 (WCAG AA), as on the grid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.palette import (
    POWER_MAP_DARK,
    POWER_MAP_LIGHT,
    PowerMapColors,
    contrast_ratio,
)
from contactmap_desktop.ui.appearance.feature import apply_scheme
from contactmap_desktop.ui.core.theme import ColorScheme
from contactmap_desktop.ui.power_map.card_item import CHIP, PowerCardItem
from contactmap_desktop.ui.power_map.legend import Legend
from contactmap_desktop.ui.power_map.png_export import render_scene
from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene
from contactmap_desktop.ui.power_map.power_map_view import PowerMapView

GRADED = [f"g{index}" for index in range(len(GRADES_TOP_DOWN))]


def _map() -> ContactMap:
    """A boss nobody knows above a key report, and one person per grade under the boss."""
    people = [Stakeholder("boss", "a", "Bea", position=0)]
    people += [Stakeholder(person_id, "a", f"Person {index}", reports_to_id="boss",
                           position=index + 1) for index, person_id in enumerate(GRADED)]
    contact_map = ContactMap(Account("a", "Acme"), people, [TeamMember("t1", "Rep")])
    for person_id, grade in zip(GRADED, GRADES_TOP_DOWN, strict=True):
        contact_map.put(Relationship(CellRef("t1", person_id), grade, is_key=person_id == "g0"))
    return contact_map


@pytest.fixture
def view(qtbot: QtBot, system_scheme_after: None) -> PowerMapView:
    apply_scheme(ColorScheme.LIGHT)
    scene = PowerMapScene()
    scene.set_map(_map())
    shown = PowerMapView(scene)
    qtbot.addWidget(shown)
    shown.resize(1800, 500)
    shown.show()
    qtbot.waitExposed(shown)
    shown.set_zoom(1.0)
    scene.show_chain_from("g1")
    return shown


def _painted(view: PowerMapView) -> QImage:
    QApplication.processEvents()  # the palette reaches the scene as an event
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _hex(image: QImage, point: QPoint) -> str:
    return image.pixelColor(point).name()


def _on_screen(view: PowerMapView, item: PowerCardItem, rect: QRectF) -> QRectF:
    return QRectF(view.mapFromScene(item.mapToScene(rect)).boundingRect())


def _chip(view: PowerMapView, item: PowerCardItem) -> QRectF:
    width = item.boundingRect().width() - 6
    return _on_screen(view, item, QRectF(width - CHIP - 8, 10, CHIP, CHIP))


def _best_contrast(image: QImage, area: QRectF, background: str) -> float:
    inner = area.adjusted(4, 4, -4, -4).toRect()
    return max(contrast_ratio(_hex(image, QPoint(x, y)), background)
               for x in range(inner.left(), inner.right()) for y in range(inner.top(),
                                                                          inner.bottom()))


def _check_painted(view: PowerMapView, colors: PowerMapColors) -> None:
    scene = view.power_scene
    assert scene.colors is colors
    image = _painted(view)
    assert _hex(image, QPoint(3, 3)) == colors.canvas
    for person_id, grade in zip(GRADED, GRADES_TOP_DOWN, strict=True):
        item = scene.item(person_id)
        assert item is not None
        card = _on_screen(view, item, QRectF(0, 0, 40, 70))
        assert _hex(image, QPoint(int(card.left()) + 20, int(card.top()) + 62)) == colors.card
        chip = _chip(view, item)
        background = _hex(image, chip.topLeft().toPoint() + QPoint(3, 3))
        assert background == colors.grades[grade].background, grade
        assert _best_contrast(image, chip, background) >= 4.5, (grade, background)
    # The boss: nobody on our team knows them ("–" on the card), above a key person (dashed).
    boss = scene.item("boss")
    assert boss is not None and boss.uncovered
    chip = _chip(view, boss)
    assert _best_contrast(image, chip, colors.card) >= 4.5
    edge = _on_screen(view, boss, QRectF(30, 0, 1, 1)).center().toPoint()
    assert _line_color(image, edge, colors) == colors.uncovered
    # The chain from g1 up to the boss, and the plain reporting line to the others.
    assert scene.chain == ["g1", "boss"]
    assert _line_color(image, _line_point(view, "g1"), colors) == colors.chain
    assert _line_color(image, _line_point(view, "g3"), colors) == colors.border


def _line_point(view: PowerMapView, person_id: str) -> QPoint:
    """The middle of the last stretch of the line from the boss to that person."""
    connector = next(c for c in view.power_scene.org_layout.connectors
                     if c.report_id == person_id)
    (x1, y1), (x2, y2) = connector.points[-2:]
    return view.mapFromScene((x1 + x2) / 2, (y1 + y2) / 2)


def _line_color(image: QImage, point: QPoint, colors: PowerMapColors) -> str:
    """Which of the chart's line colors is painted around ``point``: the pixel standing out
    most from the canvas, matched to the nearest (lines are antialiased)."""
    found = max((image.pixelColor(point + QPoint(dx, dy)) for dx in range(-3, 4)
                 for dy in range(-3, 4)),
                key=lambda color: contrast_ratio(color.name(), colors.canvas))

    def distance(name: str) -> int:
        wanted = QColor(name)
        return (abs(found.red() - wanted.red()) + abs(found.green() - wanted.green())
                + abs(found.blue() - wanted.blue()))

    return min((colors.border, colors.chain, colors.uncovered, colors.canvas), key=distance)


def test_the_chart_is_light_in_the_light_scheme(view: PowerMapView) -> None:
    _check_painted(view, POWER_MAP_LIGHT)


def test_a_switch_to_dark_and_back_repaints_the_chart_in_place(view: PowerMapView) -> None:
    cards = view.power_scene.card_items()
    apply_scheme(ColorScheme.DARK)
    _check_painted(view, POWER_MAP_DARK)
    assert view.power_scene.card_items() == cards  # repainted, not laid out again
    apply_scheme(ColorScheme.LIGHT)
    _check_painted(view, POWER_MAP_LIGHT)


def test_the_legend_follows_the_scheme(qtbot: QtBot, system_scheme_after: None) -> None:
    apply_scheme(ColorScheme.LIGHT)
    legend = Legend()
    qtbot.addWidget(legend)
    assert POWER_MAP_LIGHT.uncovered in legend.text()
    apply_scheme(ColorScheme.DARK)
    QApplication.processEvents()
    assert POWER_MAP_DARK.uncovered in legend.text()
    assert POWER_MAP_LIGHT.uncovered not in legend.text()


def test_a_picture_of_the_chart_is_light_whatever_the_scheme(view: PowerMapView) -> None:
    apply_scheme(ColorScheme.DARK)
    QApplication.processEvents()
    scene = view.power_scene
    with scene.on_paper():
        image = render_scene(scene)
    assert QColor(image.pixelColor(2, 2)).name() == POWER_MAP_LIGHT.canvas
    assert scene.colors is POWER_MAP_DARK  # the screen stays dark
