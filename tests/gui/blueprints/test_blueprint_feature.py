"""Blueprints in the window: the docks follow the grid, edits share the window's undo stack,
F1 and “What does this mean?” open the reference, the overview leads back to the map."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.blueprints import Strategy
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.ui.blueprints.blueprint_panel import OFFER, PLAN, BlueprintPanel
from contactmap_desktop.ui.blueprints.feature import BlueprintFeature
from contactmap_desktop.ui.blueprints.overview_panel import BlueprintOverviewPanel
from contactmap_desktop.ui.blueprints.strategy_panel import StrategyPanel
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap
from tests.helpers.panel_tabs import click_panel_tab


def _feature(window: MainWindow) -> BlueprintFeature:
    feature = window.features.blueprints
    assert isinstance(feature, BlueprintFeature)
    return feature


def test_the_panel_follows_the_grid_and_edits_use_the_window_undo(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    views = _feature(window).views
    cell = small_map.cell(1, 2)
    window.map_page.set_grades({cell: Grade.SATISFIED})
    window.map_page.grid.go_to(cell)
    assert views.panel.pages.currentIndex() == OFFER
    assert "Abe Advisor" in views.panel.heading.text()
    qtbot.mouseClick(views.panel.create_button, Qt.MouseButton.LeftButton)
    assert views.panel.pages.currentIndex() == PLAN
    views.strategies.select(Strategy.SCARCITY)
    qtbot.mouseClick(views.strategies.use, Qt.MouseButton.LeftButton)
    stack = window.document.undo_stack
    assert stack.undoText() == "Add strategy “It's going fast”"
    assert views.overview.model.rowCount() == 1
    stack.undo()
    stack.undo()
    assert views.panel.pages.currentIndex() == OFFER
    assert BlueprintService(small_map.opened.workspace).for_cell(cell) is None
    assert views.overview.model.rowCount() == 0
    stack.redo()
    assert views.overview.model.rowCount() == 1


def test_f1_on_a_cell_opens_the_reference_at_its_grade(qtbot: QtBot, window: MainWindow,
                                                       small_map: SmallMap) -> None:
    feature = _feature(window)
    window.map_page.set_grades({small_map.cell(1, 1): Grade.DISSATISFIED})
    grid = window.map_page.grid
    grid.go_to(small_map.cell(1, 1))
    feature.reference_dock.hide()
    assert not feature.views.reference_page.built
    qtbot.keyClick(grid, Qt.Key.Key_F1)
    assert feature.reference_dock.isVisible() and feature.views.reference_page.built
    text = feature.views.reference.text
    assert text.verticalScrollBar().value() > 0
    top = text.cursorForPosition(text.viewport().rect().topLeft()).block().text()
    assert "Dissatisfied" in top or text.verticalScrollBar().value() == \
        text.verticalScrollBar().maximum()


def test_the_cell_menu_offers_the_blueprint_and_an_explanation(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    feature = _feature(window)
    menu = QMenu()
    window.map_page.grid.context_menu_about_to_show.emit(menu, small_map.cell(0, 0))
    texts = [action.text() for action in menu.actions()]
    assert "&Blueprint…" in texts and "&What does this mean?" in texts
    feature.explain_stakeholder(small_map.stakeholders[1].id)  # Uma User: a User
    assert feature.reference_dock.isVisible()


def test_a_right_click_on_a_stakeholder_header_explains_their_buying_role(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    feature = _feature(window)
    feature.reference_dock.hide()
    offered: list[list[str]] = []

    def choose_first() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.append([action.text() for action in menu.actions()])
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(0, choose_first)  # once the menu is open
    header = window.map_page.grid.horizontalHeader()
    column = window.map_page.model.column_of(small_map.stakeholders[1].id)  # Uma User: a User
    assert column is not None
    spot = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)

    header.customContextMenuRequested.emit(spot)

    assert offered == [["What does this mean?"]]
    assert feature.reference_dock.isVisible()
    text = feature.views.reference.text
    top = text.cursorForPosition(text.viewport().rect().topLeft()).block().text()
    assert top == "U — User"


def test_a_double_click_in_the_overview_selects_the_cell(qtbot: QtBot, window: MainWindow,
                                                         small_map: SmallMap) -> None:
    feature = _feature(window)
    service = BlueprintService(small_map.opened.workspace)
    window.document.apply(service.create(service.draft(small_map.cell(0, 1))).changes)
    overview = feature.views.overview
    window.show_tab(overview)
    assert overview.model.rowCount() == 1
    overview.table.doubleClicked.emit(overview.proxy.index(0, 0))
    assert window.tabs.currentWidget() is window.map_page
    assert window.map_page.grid.current_cell() == small_map.cell(0, 1)
    assert feature.views.panel.pages.currentIndex() == PLAN


def test_the_blueprints_tab_is_built_when_first_clicked_with_plans_made_before(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    """A window opens without the overview's widgets; a blueprint made before the tab is
    first clicked is in it, and a double click there still leads to the map."""
    views = _feature(window).views
    qtbot.waitExposed(window)
    assert not views.overview_page.built
    assert not window.findChildren(BlueprintOverviewPanel)
    service = BlueprintService(small_map.opened.workspace)
    window.document.apply(service.create(service.draft(small_map.cell(1, 0))).changes)
    assert not views.overview_page.built

    tab_bar = window.tabs.tabBar()
    index = next(i for i in range(tab_bar.count()) if tab_bar.tabText(i) == "&Blueprints")
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(index).center())

    [overview] = window.findChildren(BlueprintOverviewPanel)
    qtbot.waitExposed(overview.table)
    assert overview.model.rowCount() == 1
    overview.table.doubleClicked.emit(overview.proxy.index(0, 0))
    assert window.tabs.currentWidget() is window.map_page
    assert window.map_page.grid.current_cell() == small_map.cell(1, 0)


def test_the_panels_behind_others_are_built_when_chosen_for_the_cell_selected_then(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    """The Blueprint, Strategies and Reference panels start tabbed behind others: none is
    built (nor reads) until its tab is clicked; then each shows the relationship selected and
    the plan made meanwhile."""
    views = _feature(window).views
    qtbot.waitExposed(window)
    pages = (views.panel_page, views.strategies_page, views.reference_page)
    assert not any(page.built for page in pages)
    assert not window.findChildren(BlueprintPanel) and not window.findChildren(StrategyPanel)
    cell = small_map.cell(1, 2)
    window.map_page.grid.go_to(cell)
    service = BlueprintService(small_map.opened.workspace)
    window.document.apply(service.create(service.draft(cell)).changes)
    assert not any(page.built for page in pages)

    click_panel_tab(qtbot, window, "Blueprint")

    [panel] = window.findChildren(BlueprintPanel)
    assert panel.isVisible() and panel.pages.currentIndex() == PLAN
    assert "Abe Advisor" in panel.heading.text()
    assert not views.strategies_page.built and not views.reference_page.built

    click_panel_tab(qtbot, window, "Strategies")

    [strategies] = window.findChildren(StrategyPanel)
    assert strategies.isVisible()
    strategies.select(Strategy.SCARCITY)
    assert strategies.use.isEnabled()  # the plan the Blueprint panel shows
    qtbot.mouseClick(strategies.use, Qt.MouseButton.LeftButton)
    saved = service.for_cell(cell)
    assert saved is not None and Strategy.SCARCITY in saved.strategies


def test_the_cell_menus_blueprint_entry_builds_the_panel_for_that_cell(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    feature = _feature(window)
    qtbot.waitExposed(window)
    menu = QMenu()
    window.map_page.grid.context_menu_about_to_show.emit(menu, small_map.cell(0, 1))
    assert not feature.views.panel_page.built
    next(a for a in menu.actions() if a.text() == "&Blueprint…").trigger()
    [panel] = window.findChildren(BlueprintPanel)
    assert feature.panel_dock.isVisible() and not panel.visibleRegion().isEmpty()
    assert panel.pages.currentIndex() == OFFER
    assert "Uma User" in panel.heading.text()


def test_nothing_is_lost_when_the_window_closes_with_the_panel_never_built(
        qtbot: QtBot, window: MainWindow) -> None:
    views = _feature(window).views
    window.closing.emit()
    assert not views.panel_page.built


def test_text_still_being_typed_is_saved_when_the_window_closes(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    views = _feature(window).views
    cell = small_map.cell(0, 0)
    window.map_page.grid.go_to(cell)
    views.panel.create_blueprint()
    views.panel.form.notes.setPlainText("Call after the board meeting")
    window.closing.emit()
    saved = BlueprintService(small_map.opened.workspace).for_cell(cell)
    assert saved is not None and saved.notes == "Call after the board meeting"
