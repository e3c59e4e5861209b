"""The Power Map in the window: a tab beside the grid, editing people with the window's
stakeholder dialog, and File menu entries for its exports."""

from __future__ import annotations

from contactmap_desktop.ui.accounts.stakeholder_dialog import StakeholderDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry
from contactmap_desktop.ui.power_map.power_map_tab import PowerMapTab


def install(window: MainWindow) -> PowerMapTab:
    document = window.document
    tab = PowerMapTab(document, window.report_error)
    window.add_tab("&Power Map", tab)

    def edit(stakeholder_id: str) -> None:
        if document.contact_map is not None and not document.read_only:
            StakeholderDialog.ask(document, document.contact_map.stakeholder(stakeholder_id),
                                  window)

    tab.edit_requested.connect(edit)
    exports = [
        add_menu_entry(window, "&File", "Export Power Map as P&DF…", tab.ask_pdf),
        add_menu_entry(window, "&File", "Export Power Map as PN&G…", tab.ask_png),
    ]

    def update_enabled() -> None:
        for action in exports:
            action.setEnabled(document.account_id is not None)

    document.map_loaded.connect(update_enabled)
    update_enabled()
    return tab
