"""The Power Map in the window: a tab beside the grid, editing people with the window's
stakeholder dialog, and File menu entries for its exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown, Room
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry

if TYPE_CHECKING:
    from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab


class PowerMapFeature:
    """The tab is built when it is first shown (or an export asks for it); it draws the
    document's map as it is then."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.page = BuiltWhenShown(self._build_tab, Room(characters=17, lines=9))
        window.add_tab("&Power Map", self.page)
        document = window.document
        self.exports = [
            add_menu_entry(window, "&File", "Export Power Map as P&DF…",
                           lambda: self.tab.ask_pdf()),
            add_menu_entry(window, "&File", "Export Power Map as PN&G…",
                           lambda: self.tab.ask_png()),
        ]
        document.map_loaded.connect(self._update_enabled)
        self._update_enabled()

    @property
    def tab(self) -> PowerMapTab:
        """The Power Map tab, built now if it is not yet."""
        return self.page.build()

    def _build_tab(self) -> PowerMapTab:
        # Imported with the tab: its modules (the scene, its exports) would weigh on the
        # window's memory from the start though the tab may never be opened.
        from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab

        tab = PowerMapTab(self._window.document, self._window.report_error)
        tab.edit_requested.connect(self._edit)
        return tab

    def _edit(self, stakeholder_id: str) -> None:
        from contactmap_desktop.ui.accounts.stakeholder_dialog import StakeholderDialog

        document = self._window.document
        if document.contact_map is not None and not document.read_only:
            StakeholderDialog.ask(document, document.contact_map.stakeholder(stakeholder_id),
                                  self._window)

    def _update_enabled(self) -> None:
        for action in self.exports:
            action.setEnabled(self._window.document.account_id is not None)
