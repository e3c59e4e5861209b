"""The Power Map tab in the main window: beside the grid, in step with it, editing people with
the window's stakeholder dialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.model import CellRef, Stakeholder
from contactmap_desktop.domain.power_map import focus_cell
from contactmap_desktop.ui.accounts.stakeholder_dialog import StakeholderDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.grid.commands import EditStakeholderCommand
from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab


def _tab(window: MainWindow) -> PowerMapTab:
    tab = window.features.power_map.tab
    assert isinstance(tab, PowerMapTab)
    return tab


def _by_name(window: MainWindow, name: str) -> Stakeholder:
    contact_map = window.document.contact_map
    assert contact_map is not None
    return next(s for s in contact_map.stakeholders if s.name == name)


def test_the_tab_is_built_when_first_clicked_and_draws_people_changed_before(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    """A window opens without the Power Map's widgets; a person renamed before the tab was
    first clicked is drawn with the new name."""
    feature = sample_window.features.power_map
    qtbot.waitExposed(sample_window)
    assert not feature.page.built and not sample_window.findChildren(PowerMapTab)
    document = sample_window.document
    helena = _by_name(sample_window, "Helena Vogt")
    document.runner.run(EditStakeholderCommand(document, helena,
                                               replace(helena, name="Helena Berg")))
    assert not feature.page.built

    tab_bar = sample_window.tabs.tabBar()
    index = sample_window.tabs.indexOf(feature.page)
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(index).center())

    [tab] = sample_window.findChildren(PowerMapTab)
    qtbot.waitExposed(tab.view)
    card = tab.scene.item(helena.id)
    assert card is not None and card.card.stakeholder.name == "Helena Berg"


def test_the_tab_sits_beside_the_grid_and_shows_the_open_account(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    tab = _tab(sample_window)
    tabs = sample_window.tabs
    assert tabs.tabText(tabs.indexOf(sample_window.features.power_map.page)) == "&Power Map"
    sample_window.open_first_account()
    sample_window.show_tab(tab)
    contact_map = sample_window.document.contact_map
    assert contact_map is not None
    assert {i.stakeholder_id for i in tab.scene.card_items()} == \
        {s.id for s in contact_map.stakeholders}
    file_menu = [a.text() for a in sample_window.menu("&File").actions()]
    assert "Export Power Map as P&DF…" in file_menu


def test_the_grid_and_the_power_map_share_the_current_stakeholder(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    sample_window.open_first_account()
    document: MapDocument = sample_window.document
    tab = _tab(sample_window)
    contact_map = document.contact_map
    assert contact_map is not None
    priya = _by_name(sample_window, "Priya Raman")
    document.select_cell(CellRef(contact_map.team_members[0].id, priya.id))  # in the grid
    sample_window.show_tab(tab)
    assert tab.view.selected_id() == priya.id
    ken = _by_name(sample_window, "Ken Adeyemi")
    tab.view.select(ken.id)  # on the chart; nobody knows Ken: no relationship to show
    assert document.current_stakeholder_id == ken.id
    assert document.current_cell is None
    zoe = _by_name(sample_window, "Zoë Müller")
    tab.view.select(zoe.id)  # her strongest relationship drives the side panels
    assert document.current_cell == focus_cell(contact_map, zoe.id)
    assert document.current_cell is not None
    assert document.current_cell.stakeholder_id == zoe.id
    coverage = sample_window.features.coverage
    coverage.history_dock.raise_()  # the panel reads a cell's changes while on screen
    assert coverage.history_panel.model.rowCount() > 0


def test_double_click_opens_the_stakeholder_dialog_and_a_drag_is_undone_from_edit_menu(
        qtbot: QtBot, sample_window: MainWindow, monkeypatch: MonkeyPatch) -> None:
    sample_window.open_first_account()
    tab = _tab(sample_window)
    sample_window.show_tab(tab)
    asked: list[str] = []
    monkeypatch.setattr(StakeholderDialog, "ask",
                        classmethod(lambda cls, document, person, parent=None:
                                    asked.append(person.name) or True))
    zoe = _by_name(sample_window, "Zoë Müller")
    item = tab.scene.item(zoe.id)
    assert item is not None
    tab.view.ensureVisible(item)
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=tab.view.mapFromScene(item.sceneBoundingRect().center()))
    assert asked == ["Zoë Müller"]
    marcus = _by_name(sample_window, "Marcus Reid")
    assert tab.set_reports_to(zoe.id, marcus.id)
    assert _by_name(sample_window, "Zoë Müller").reports_to_id == marcus.id
    undo = next(a for a in sample_window.menu("&Edit").actions() if "Undo" in a.text())
    assert "Zoë Müller reports to Marcus Reid" in undo.text()
    undo.trigger()
    assert _by_name(sample_window, "Zoë Müller").reports_to_id == zoe.reports_to_id
    assert tab.scene.org_layout.managers[zoe.id] == zoe.reports_to_id
