"""The lifecycle in the window: tab and Agenda dock follow the account, an agenda item opens
where it is handled, and Preferences ▸ Lifecycle changes the passive threshold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.agenda import AgendaKind
from contactmap_desktop.domain.changes import SETTINGS, whole_account
from contactmap_desktop.domain.engagements import Engagement
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.letters import Milestone
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.settings_service import LIFECYCLE_SETTINGS, SettingsService
from contactmap_desktop.ui.blueprints.commands import CreateBlueprintCommand
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.lifecycle.agenda_view import AgendaView
from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature
from contactmap_desktop.ui.lifecycle.lifecycle_tab import LifecycleTab
from contactmap_desktop.ui.lifecycle.preferences_page import LifecyclePage
from tests.helpers.panel_tabs import click_panel_tab


def _feature(window: MainWindow) -> LifecycleFeature:
    feature = window.features.lifecycle
    assert isinstance(feature, LifecycleFeature)
    return feature


def _agenda_in_front(qtbot: QtBot, window: MainWindow) -> LifecycleFeature:
    """The Agenda reads only while on screen; it starts tabbed behind another panel."""
    feature = _feature(window)
    feature.agenda_dock.raise_()
    qtbot.waitUntil(lambda: bool(feature.agenda.model.records()))
    return feature


def test_the_agenda_behind_another_panel_is_built_when_chosen_with_changes_made_before(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """At the start every panel is shown on the way to its tab group; the Agenda, which ends
    behind another, is neither built nor read (every account) until its tab is clicked, and
    then shows a change made meanwhile."""
    feature = _feature(sample_window)
    qtbot.waitExposed(sample_window)
    assert not feature.agenda_page.built and not sample_window.findChildren(AgendaView)
    document = sample_window.document
    accounts = document.opened.accounts
    account = accounts.get(document.account_id or "")
    document.apply(accounts.update_account(
        replace(account, renewal_date=date.today() + timedelta(days=10))).changes)
    assert not feature.agenda_page.built

    click_panel_tab(qtbot, sample_window, "Agenda")

    [agenda] = sample_window.findChildren(AgendaView)
    qtbot.waitUntil(lambda: bool(agenda.model.records()))
    assert AgendaKind.RENEWAL in [i.kind for i in agenda.model.records()]
    assert agenda.view.isVisible() and not agenda.visibleRegion().isEmpty()


def _click_lifecycle_tab(qtbot: QtBot, window: MainWindow) -> None:
    tab_bar = window.tabs.tabBar()
    index = next(i for i in range(tab_bar.count()) if tab_bar.tabText(i) == "&Lifecycle")
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(index).center())


def test_the_lifecycle_tab_is_built_when_first_clicked_and_shows_changes_made_before(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    """A window opens without the Lifecycle tab's widgets; one clicked on shows the account's
    engagements as they are then, with a change set that arrived before it was built."""
    feature = _feature(sample_window)
    qtbot.waitExposed(sample_window)
    assert not feature.page.built and not sample_window.findChildren(LifecycleTab)
    document = sample_window.document
    account_id = document.account_id or ""
    engagement = feature.context.lifecycle.list(Engagement, account_id)[0]
    saved = feature.context.lifecycle.save(replace(engagement, name="Renamed out of sight"))
    document.apply(saved.changes)
    assert not feature.page.built

    _click_lifecycle_tab(qtbot, sample_window)

    [tab] = sample_window.findChildren(LifecycleTab)
    qtbot.waitExposed(tab.engagements)
    names = [state.engagement.name for state in tab.engagements.model.records()]
    assert "Renamed out of sight" in names and engagement.name not in names
    assert tab.isEnabled() and "Northwind" in tab.summary.text()


def test_the_sample_agenda_opens_the_passive_engagement_in_the_lifecycle_tab(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _agenda_in_front(qtbot, sample_window)
    items = feature.agenda.model.records()
    passive = next(i for i in items if i.kind is AgendaKind.PASSIVE)
    sample_window.tabs.setCurrentIndex(0)
    feature.open_item(passive)
    assert sample_window.tabs.currentWidget() is feature.page
    current = feature.tab.engagements.current()
    assert current is not None and current.engagement.id == passive.target_id
    assert "Passive" in feature.tab.engagement_panel.momentum.text()


def test_a_renewal_date_set_on_the_account_reaches_the_agenda(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _agenda_in_front(qtbot, sample_window)
    document = sample_window.document
    accounts = document.opened.accounts
    account = accounts.get(document.account_id or "")
    document.apply(accounts.update_account(
        replace(account, renewal_date=date.today() + timedelta(days=10))).changes)
    kinds = [i.kind for i in feature.agenda.model.records()]
    assert AgendaKind.RENEWAL in kinds
    renewal = next(i for i in feature.agenda.model.records() if i.kind is AgendaKind.RENEWAL)
    feature.open_item(renewal)
    assert feature.tab.pages.currentIndex() == 1
    assert "Renewal on" in feature.tab.summary.text()


def test_the_preferences_page_checks_and_saves_the_thresholds(
    qapp: QApplication, qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _agenda_in_front(qtbot, sample_window)
    settings = SettingsService(sample_window.document.opened.workspace)
    page = LifecyclePage(settings)
    qtbot.addWidget(page)
    page.spins["passive_after_steps"].setValue(4)
    page.save()
    sample_window.document.apply(SETTINGS)  # as Edit ▸ Preferences does once saved
    assert settings.get(LIFECYCLE_SETTINGS).passive_after_steps == 4
    assert all(i.kind is not AgendaKind.PASSIVE for i in feature.agenda.model.records())
    page.tiers.item(2, 0).setText("100000")  # the same start as the tier before it
    with pytest.raises(ValidationError, match="same account value"):
        page.check()


def test_each_added_tier_starts_above_the_highest_one_in_the_table(
    qapp: QApplication, qtbot: QtBot, sample_window: MainWindow
) -> None:
    from PySide6.QtWidgets import QPushButton

    settings = SettingsService(sample_window.document.opened.workspace)
    page = LifecyclePage(settings)
    qtbot.addWidget(page)
    add = next(b for b in page.findChildren(QPushButton) if b.text() == "&Add Tier")
    before = page.tiers.rowCount()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    starts = [int(page.tiers.item(row, 0).text()) for row in range(page.tiers.rowCount())]
    assert page.tiers.rowCount() == before + 2
    assert starts[-1] == 2 * starts[-2] and starts[-2] == 2 * max(starts[:-2])
    page.check()  # two added tiers never clash


def test_the_agenda_follows_edits_made_elsewhere_in_the_window(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _agenda_in_front(qtbot, sample_window)
    document = sample_window.document
    service = BlueprintService(document.opened.workspace)
    contact_map = document.contact_map
    assert contact_map is not None
    cell = CellRef(contact_map.team_members[0].id, contact_map.stakeholders[5].id)
    draft = replace(service.draft(cell), due=date.today() + timedelta(days=2))
    assert document.runner.run(CreateBlueprintCommand(service, draft, "someone"))

    def kinds() -> list[AgendaKind]:
        return [i.kind for i in feature.agenda.model.records()]

    qtbot.waitUntil(lambda: AgendaKind.BLUEPRINT in kinds())
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: AgendaKind.BLUEPRINT not in kinds())


def test_a_plan_due_in_the_agenda_opens_the_map_at_its_relationship(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _agenda_in_front(qtbot, sample_window)
    document = sample_window.document
    service = BlueprintService(document.opened.workspace)
    contact_map = document.contact_map
    assert contact_map is not None
    cell = CellRef(contact_map.team_members[1].id, contact_map.stakeholders[4].id)
    draft = replace(service.draft(cell), due=date.today() + timedelta(days=2))
    assert document.runner.run(CreateBlueprintCommand(service, draft, "someone"))
    qtbot.waitUntil(lambda: any(i.kind is AgendaKind.BLUEPRINT
                                for i in feature.agenda.model.records()))
    sample_window.show_tab(feature.tab)  # the user is elsewhere
    document.select_cell(None)

    feature.agenda_dock.raise_()
    table = feature.agenda.view
    qtbot.waitExposed(table)
    row = next(r for r, item in enumerate(feature.agenda.model.records())
               if item.kind is AgendaKind.BLUEPRINT and item.target_id == draft.id)
    rect = table.visualRect(feature.agenda.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert sample_window.tabs.currentWidget() is sample_window.map_page
    assert document.current_cell == cell


def test_a_letter_milestone_in_the_agenda_opens_that_letter_at_that_step(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    feature = _feature(sample_window)
    document = sample_window.document
    letters = LetterService(document.opened.workspace)
    [letter] = letters.list_for_account(document.account_id or "")
    soon = Milestone("Steering group sign-off", "Priya Raman", date.today() + timedelta(days=2))
    steps = letter.milestones
    letters.save(replace(letter, milestones=(*steps[:2], soon, *steps[2:])))
    letters.save(replace(letters.revision(letter),
                         letter_date=letter.letter_date - timedelta(days=30)))
    document.apply(whole_account(document.account_id or ""))
    # The user reads the older letter, then goes back to the map.
    tab = sample_window.features.letters.tab
    sample_window.show_tab(tab)
    qtbot.waitExposed(tab.list)
    older = tab.list.visualRect(tab.model.index(1))
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=older.center())
    assert tab.current_letter().id != letter.id
    sample_window.show_tab(sample_window.map_page)

    feature.agenda_dock.raise_()
    table = feature.agenda.view
    qtbot.waitExposed(table)
    row = next(r for r, item in enumerate(feature.agenda.model.records())
               if item.kind is AgendaKind.MILESTONE)
    rect = table.visualRect(feature.agenda.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert sample_window.tabs.currentWidget() is sample_window.features.letters.page
    assert tab.current_letter().id == letter.id
    assert tab.list.currentIndex().row() == 0
    editor = tab.form.milestone_editor
    assert editor.current_row() == 2
    assert editor.table.currentIndex().data() == "Steering group sign-off"
    qtbot.waitUntil(editor.table.hasFocus)
    qtbot.waitUntil(lambda: not editor.visibleRegion().isEmpty())  # scrolled into view
