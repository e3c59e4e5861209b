"""Leverage on the grid: links drawn over the cells, repainted when a linked cell changes,
and a cooled source's link can still be removed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import whole_account
from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.palette import LEVERAGE
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def test_a_link_is_drawn_flagged_when_its_source_cools_and_can_be_removed(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    page, service = window.map_page, small_map.opened.contact_maps
    source, target = small_map.cell(0, 0), small_map.cell(1, 0)
    page.set_grades({source: Grade.OPEN, target: Grade.DISSATISFIED})
    relationship = window.document.contact_map.relationship(source)  # type: ignore[union-attr]
    page._mark(relationship, leverage_for=(target,))
    [link] = page.model.leverage_links()
    assert (link.source, link.target, link.usable) == (source, target, True)
    # The arrow runs down the first column, between the two letters.
    grid = page.grid
    top, bottom = grid.visualRect(page.model.index_of(source)), \
        grid.visualRect(page.model.index_of(target))
    image = grid.viewport().grab().toImage()
    middle = image.pixelColor(top.center().x(), (top.bottom() + bottom.top()) // 2)
    assert middle == QColor(LEVERAGE)

    with qtbot.waitSignal(page.model.leverage_changed):
        page.set_grades({source: Grade.SATISFIED})  # the source cools
    [link] = page.model.leverage_links()
    assert not link.usable
    coverage = window.features.coverage
    coverage.recompute()  # type: ignore[attr-defined]
    assert any(f.rule is Rule.COOLED_LEVERAGE for f in coverage.findings)  # type: ignore[attr-defined]
    # No new link from a Satisfied cell, but the old one can go.
    cooled = window.document.contact_map.relationship(source)  # type: ignore[union-attr]
    service.update_marks(replace(cooled, leverage_for=()))
    window.document.apply(whole_account(small_map.account.id))
    assert page.model.leverage_links() == []
