"""Finding and ordering people in the grid: Edit ▸ Find People, Account ▸ Sort Stakeholders
and Group by Department (a choice remembered on this machine)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from contactmap_desktop.domain.map_order import StakeholderOrder
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry

SORT_ENTRIES = (
    ("by &Name", StakeholderOrder.NAME),
    ("by &Seniority", StakeholderOrder.SENIORITY),
    ("by Buying &Role", StakeholderOrder.ROLE),
    ("by &Department", StakeholderOrder.DEPARTMENT),
)


def find_people(window: MainWindow) -> None:
    window.show_tab(window.map_page)
    window.map_page.find_bar.start()


def install(window: MainWindow) -> None:
    page, document = window.map_page, window.document
    find = add_menu_entry(window, "&Edit", "&Find People", lambda: find_people(window),
                   QKeySequence.StandardKey.Find,
                   "Show only the people whose name, title, department or role you type")
    account = window.menu("&Account")
    account.addSeparator()
    sort = account.addMenu("S&ort Stakeholders")
    sort_actions = []
    for text, order in SORT_ENTRIES:
        action = sort.addAction(text)
        action.triggered.connect(lambda _c=False, o=order: page.sort_stakeholders(o))
        sort_actions.append(action)
    group = QAction("&Group by Department", window)
    group.setCheckable(True)
    group.setStatusTip("Keep each department's people together, with a line between departments")
    account.addAction(group)

    def toggle_group(on: bool) -> None:
        window.ui_settings.set_group_by_department(on)
        page.set_group_by_department(on, sort=on and not document.read_only)

    # The choice made last time draws the lines again; only the user's own choice sorts.
    group.setChecked(window.ui_settings.group_by_department())
    page.set_group_by_department(group.isChecked(), sort=False)
    group.toggled.connect(toggle_group)

    def update_enabled() -> None:
        has_map = document.contact_map is not None
        for action in sort_actions:
            action.setEnabled(has_map and not document.read_only)
        find.setEnabled(has_map)
        group.setEnabled(has_map)
    document.map_loaded.connect(update_enabled)
    update_enabled()
