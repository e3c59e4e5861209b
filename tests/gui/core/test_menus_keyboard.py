"""Every menu can be worked from the keyboard: one mnemonic per entry and no two alike in a
menu, and every shortcut listed in Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMenu, QTabBar
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.map_order import StakeholderOrder
from contactmap_desktop.ui.core.main_window import MainWindow, free_mnemonic, mnemonic_of
from contactmap_desktop.ui.help.shortcuts_dialog import ShortcutsDialog, menu_shortcuts


def _menus(window: MainWindow) -> list[tuple[str, QMenu]]:
    found: list[tuple[str, QMenu]] = [("menu bar", window.menuBar())]  # type: ignore[list-item]

    def walk(menu: QMenu, path: str) -> None:
        found.append((path, menu))
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {action.text()}")

    for action in window.menuBar().actions():
        walk(action.menu(), action.text())  # type: ignore[arg-type]
    return found


def test_each_menu_entry_has_its_own_mnemonic(sample_window: MainWindow) -> None:
    problems = []
    for path, menu in _menus(sample_window):
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or not action.text():
                continue
            letter = mnemonic_of(action.text())
            if letter is None:
                problems.append(f"{path}: “{action.text()}” has no mnemonic")
            elif letter in seen:
                problems.append(f"{path}: “{action.text()}” and “{seen[letter]}” share &{letter}")
            else:
                seen[letter] = action.text()
    assert problems == []


def test_every_shortcut_is_unique_and_listed(qtbot: QtBot, sample_window: MainWindow) -> None:
    sample_window.map_page.sort_stakeholders(StakeholderOrder.NAME)  # Undo gets a long name
    listed = menu_shortcuts(sample_window)
    assert ("Ctrl+Z", "Edit ▸ Undo") in listed
    keys = [keys for keys, _ in listed]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert ("Ctrl+F", "Edit ▸ Find People") in listed
    dialog = ShortcutsDialog(sample_window)
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {meaning for _, meaning in listed} <= shown


def test_a_new_panel_takes_a_free_letter(qtbot: QtBot) -> None:
    menu = QMenu()
    for text in ("&Accounts", "&Findings", "F&ocus && Filters"):
        menu.addAction(text)
    assert free_mnemonic("Findings Two", menu) == "F&indings Two"  # F is taken
    assert free_mnemonic("Blueprint", menu) == "&Blueprint"
    assert free_mnemonic("AFO", menu) == "AFO"  # nothing left: no mnemonic rather than a twin


def test_every_button_says_what_it_does(sample_window: MainWindow) -> None:
    """A button without words (an icon only) must carry an accessible name for screen readers."""
    silent = [button.objectName() or repr(button)
              for button in sample_window.findChildren(QAbstractButton)
              if not button.text().strip() and not button.accessibleName().strip()
              and button.isVisibleTo(sample_window) and not isinstance(button.parent(), QTabBar)]
    assert silent == []
