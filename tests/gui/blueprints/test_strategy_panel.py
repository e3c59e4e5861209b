"""The strategies panel: its model, search, and adding strategies to the shown blueprint."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.blueprints import Strategy
from contactmap_desktop.services.blueprint_report import export_blueprints
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.ui.blueprints.strategy_panel import StrategyPanel
from contactmap_desktop.ui.blueprints.views import BlueprintViews
from contactmap_desktop.ui.core.roles import StrategyRole
from tests.gui.blueprints.conftest import Desk


def _views(qtbot: QtBot, desk: Desk, today: date = date(2026, 3, 2)) -> BlueprintViews:
    views = BlueprintViews(desk.service, desk.runner, lambda: desk.reference, lambda: today,
                           lambda account_id, out: export_blueprints(desk.small.opened,
                                                                     account_id, out))
    desk.on_changes.append(lambda changes: views.plans_changed() if changes.plans else None)
    for widget in (views.panel, views.strategies, views.reference, views.overview):
        qtbot.addWidget(widget)
    return views


def test_the_strategy_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                                    desk: Desk, qtbot: QtBot) -> None:
    views = _views(qtbot, desk)
    qtmodeltester.check(views.strategies.model)
    views.show_map(desk.contact_map())
    views.show_cell(desk.small.cell(0, 0))
    views.panel.create_blueprint()
    views.panel.add_strategy(Strategy.SCARCITY)
    model = views.strategies.model
    assert model.index(model.row_of(Strategy.SCARCITY)).data(StrategyRole.USAGE) == 1
    assert "1 in use" in model.index(model.row_of(Strategy.SCARCITY)).data()


def test_search_narrows_the_list_to_strategies_that_mention_the_words(
        qtbot: QtBot, desk: Desk) -> None:
    panel = StrategyPanel(desk.reference)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.search, "authority")
    shown = [panel.proxy.index(r, 0).data(StrategyRole.STRATEGY)
             for r in range(panel.proxy.rowCount())]
    assert Strategy.AUTHORITY in shown and len(shown) < 6
    qtbot.keyClicks(panel.search, "zzzz")
    assert panel.proxy.rowCount() == 0
    assert "No strategy mentions that" in panel.details.toPlainText()
    assert not panel.use.isEnabled()


def test_use_is_offered_only_for_a_shown_blueprint_without_that_strategy(
        qtbot: QtBot, desk: Desk) -> None:
    views = _views(qtbot, desk)
    strategies = views.strategies
    assert not strategies.use.isEnabled() and "Select a relationship" in strategies.use_hint.text()
    views.show_map(desk.contact_map())
    views.show_cell(desk.small.cell(0, 0))
    views.panel.create_blueprint()
    strategies.select(Strategy.RECIPROCITY)
    assert strategies.use.isEnabled()
    qtbot.mouseClick(strategies.use, Qt.MouseButton.LeftButton)
    assert not strategies.use.isEnabled() and "already uses" in strategies.use_hint.text()


def test_create_add_two_strategies_from_the_panel_undo_redo_and_reopen(
        qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    views = _views(qtbot, desk)
    cell = desk.small.cell(0, 0)
    views.show_map(desk.contact_map())
    views.show_cell(cell)
    qtbot.mouseClick(views.panel.create_button, Qt.MouseButton.LeftButton)
    for strategy in (Strategy.COMMITMENT, Strategy.SOCIAL_PROOF):
        views.strategies.select(strategy)
        qtbot.mouseClick(views.strategies.use, Qt.MouseButton.LeftButton)
    form = views.panel.form
    assert form.strategies[Strategy.COMMITMENT].isChecked()
    assert form.strategies[Strategy.SOCIAL_PROOF].isChecked()
    assert "Ada Power" in views.strategies.details.toPlainText()  # listed as a use
    desk.stack.undo()
    assert desk.service.for_cell(cell).strategies == (Strategy.COMMITMENT,)  # type: ignore[union-attr]
    assert not form.strategies[Strategy.SOCIAL_PROOF].isChecked()
    assert "Not used in this account's blueprints yet" in views.strategies.details.toPlainText()
    desk.stack.redo()
    assert form.strategies[Strategy.SOCIAL_PROOF].isChecked()
    desk.stack.clear()
    path = desk.small.opened.path
    desk.small.opened.close()
    reopened = open_workspace(path)
    try:
        blueprint = BlueprintService(reopened.workspace).for_cell(cell)
        assert blueprint is not None
        assert blueprint.strategies == (Strategy.COMMITMENT, Strategy.SOCIAL_PROOF)
    finally:
        reopened.close()
        desk.small.opened = open_workspace(path)  # the fixture closes what it opened


def test_a_use_listed_under_a_strategy_goes_to_its_cell(qtbot: QtBot, desk: Desk) -> None:
    views = _views(qtbot, desk)
    cell = desk.small.cell(0, 0)
    views.show_map(desk.contact_map())
    views.show_cell(cell)
    views.panel.create_blueprint()
    views.panel.add_strategy(Strategy.LIKING)
    views.strategies.select(Strategy.LIKING)
    with qtbot.waitSignal(views.cell_activated) as signal:
        views.strategies.details.anchorClicked.emit(_first_link(views))
    assert signal.args == [cell]


def _first_link(views: BlueprintViews) -> QUrl:
    html = views.strategies.details.toHtml()
    start = html.index('href="') + len('href="')
    return QUrl(html[start:html.index('"', start)])
