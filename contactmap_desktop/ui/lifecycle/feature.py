"""The lifecycle in the window: the Lifecycle tab beside the map, the Agenda dock, and
Preferences ▸ Lifecycle. An agenda item opens its account and the place it is handled."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from contactmap_desktop.domain.agenda import AgendaItem, AgendaKind
from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.services.agenda_service import AgendaService
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown, PanelBuiltWhenShown, Room
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.lifecycle.context import LifecycleContext

if TYPE_CHECKING:
    from contactmap_desktop.ui.lifecycle.agenda_view import AgendaView
    from contactmap_desktop.ui.lifecycle.lifecycle_tab import LifecycleTab
    from contactmap_desktop.ui.lifecycle.preferences_page import LifecyclePage

_ACCOUNT_PAGE = (AgendaKind.REVIEW, AgendaKind.CEO_VISIT, AgendaKind.RENEWAL,
                 AgendaKind.EXECUTIVES)


class LifecycleFeature:
    """The Lifecycle tab and the Agenda are built when first shown (or asked for)."""

    def __init__(self, window: MainWindow, lifecycle: LifecycleService, agenda: AgendaService,
                 plans: BlueprintService, settings: SettingsService,
                 show_letter: Callable[[str, int | None], None]) -> None:
        self._window = window
        self._plans = plans
        self._show_letter = show_letter
        document = window.document
        self.context = LifecycleContext(lifecycle, agenda,
                                        document.opened.contact_maps, document.runner, window,
                                        current_map=lambda: document.contact_map)
        self.page = BuiltWhenShown(self._build_tab, Room(characters=34, lines=29))
        window.add_tab("&Lifecycle", self.page)
        self.agenda_page = PanelBuiltWhenShown(self._build_agenda, Room(characters=23, lines=7))
        self.agenda_dock = window.add_dock("Agenda", self.agenda_page, "agendaDock")
        window.add_preferences_page(lambda: _lifecycle_page(settings))
        document.map_loaded.connect(self._account_loaded)
        document.changed.connect(self._changed)
        self._account_loaded()

    @property
    def tab(self) -> LifecycleTab:
        """The Lifecycle tab, built now if it is not yet."""
        return self.page.build()

    @property
    def agenda(self) -> AgendaView:
        """The Agenda, built now if it is not yet."""
        return self.agenda_page.build()

    def _build_agenda(self) -> AgendaView:
        """It reads the agenda as it is then: changes before it need no replay."""
        # Imported with what shows it, as the tab's modules below.
        from contactmap_desktop.ui.lifecycle.agenda_view import AgendaView

        agenda = AgendaView(self.context.agenda)
        agenda.open_requested.connect(self.open_item)
        agenda.refresh()  # the agenda spans every account: opening another changes nothing
        return agenda

    def _build_tab(self) -> LifecycleTab:
        """Built for the account open now: changes before it need no replay."""
        # Imported with the tab: its modules (panels, dialogs, chart) would weigh on the
        # window's memory from the start though the tab may never be opened.
        from contactmap_desktop.ui.lifecycle.lifecycle_tab import LifecycleTab

        tab = LifecycleTab(self.context)
        tab.set_account(self.context.account_id)
        return tab

    def _changed(self, changes: Changes) -> None:
        account_id = self._window.document.account_id
        this_account = changes.lifecycle | changes.accounts | changes.people | changes.team \
            | changes.whole_accounts
        tab = self.page.widget
        if (account_id in this_account or changes.settings) and tab is not None:
            tab.reload()
        agenda = self.agenda_page.widget
        if agenda is None:
            return
        if changes.accounts or changes.lifecycle or changes.whole_accounts or changes.settings:
            agenda.refresh()
        elif changes.plans or changes.letters:
            # The agenda spans every account and reads plans' due dates and letters'
            # milestones: read again once a burst of edits (typing, a paste) has settled.
            self._window.document.edit_pause.call_after(agenda.refresh)

    def _account_loaded(self) -> None:
        account_id = self._window.document.account_id
        tab = self.page.widget
        if tab is None:
            self.context.account_id = account_id  # the tab's account once it is built
        else:
            tab.set_account(account_id)

    def open_item(self, item: AgendaItem) -> None:
        """Open the item's account and bring forward where it is handled."""
        window = self._window
        window.open_account(item.account_id)
        if item.kind is AgendaKind.BLUEPRINT and item.target_id is not None:
            try:
                blueprint = self._plans.get(item.target_id)
            except ContactMapError as error:
                window.report_error(str(error))
                return
            window.show_tab(window.map_page)
            window.document.select_cell(blueprint.main_cell)
            return
        if item.kind is AgendaKind.MILESTONE:
            # Milestones live in the account's newest sponsor letter: open it at that step.
            if item.target_id is None:
                window.show_tab(window.map_page)
                return
            self._show_letter(item.target_id, item.part)
            return
        window.show_tab(self.page)
        if item.kind in _ACCOUNT_PAGE:
            self.tab.pages.setCurrentIndex(1)
        elif item.target_id is not None:
            self.tab.show_engagement(item.target_id)


def _lifecycle_page(settings: SettingsService) -> LifecyclePage:
    from contactmap_desktop.ui.lifecycle.preferences_page import LifecyclePage

    return LifecyclePage(settings)
