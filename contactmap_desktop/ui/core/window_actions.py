"""The window's own menus: files, undo and redo, accounts and people, layout, help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.model import Stakeholder, TeamMember
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.paths import WORKSPACE_SUFFIX, user_guide_path
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.plain_text import as_typed
from contactmap_desktop.ui.grid.commands import (
    DeleteAccountCommand,
    RemoveStakeholderCommand,
    RemoveTeamMemberCommand,
)

FILE_FILTER = f"ContactMap workspaces (*{WORKSPACE_SUFFIX});;All files (*)"


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: Shortcut = None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def add_action(menu: QMenu, text: str, slot: Callable[[], object],
               shortcut: Shortcut = None, tip: str = "") -> QAction:
    action = make_action(menu, text, slot, shortcut, tip)
    menu.addAction(action)
    return action


def add_menu_entry(window: MainWindow, menu: str, text: str, slot: Callable[[], object],
                   shortcut: Shortcut = None, tip: str = "") -> QAction:
    """A command in one of the window's menus, above its closing part (File ▸ Quit)."""
    action = make_action(window, text, slot, shortcut, tip)
    window.add_menu_action(menu, action)
    return action


def install_core_actions(window: MainWindow) -> None:
    _file_menu(window)
    _edit_menu(window)
    _account_menu(window)
    _help_menu(window)
    window.menu("&Window").addSeparator()
    add_action(window.menu("&Window"), "&Reset Layout", window.reset_layout)


# --- File --------------------------------------------------------------------------------

def _file_menu(window: MainWindow) -> None:
    menu = window.menu("&File")
    add_action(menu, "&New Workspace…", lambda: _new_workspace(window),
               QKeySequence.StandardKey.New, "Create an empty workspace file")
    add_action(menu, "&Open Workspace…", lambda: _open_workspace(window),
               QKeySequence.StandardKey.Open)
    recent = menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    add_action(menu, "Save a &Copy As…", lambda: _save_copy(window), "Ctrl+Shift+S",
               "Write a consistent copy of the whole workspace to another file")
    menu.addSeparator()
    # Features put their File actions (import, export, print) above Quit.
    window.set_menu_anchor("&File", menu.addSeparator())
    add_action(menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)


def _ask_path(window: MainWindow, title: str, save: bool) -> Path | None:
    folder = str(Path(window.document.opened.path).parent)
    if save:
        name, _ = QFileDialog.getSaveFileName(window, title, folder, FILE_FILTER)
    else:
        name, _ = QFileDialog.getOpenFileName(window, title, folder, FILE_FILTER)
    if not name:
        return None
    path = Path(name)
    return path.with_suffix(WORKSPACE_SUFFIX) if save and not path.suffix else path


def _new_workspace(window: MainWindow) -> None:
    path = _ask_path(window, "New Workspace", save=True)
    if path is None:
        return
    if path.exists():
        window.report_error(f"{path.name} already exists; choose File ▸ Open Workspace to "
                            "open it, or another name for the new workspace.")
        return
    window.workspace_requested.emit(path, True)


def _open_workspace(window: MainWindow) -> None:
    path = _ask_path(window, "Open Workspace", save=False)
    if path is not None:
        window.workspace_requested.emit(path, False)


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    current = Path(window.document.opened.path).resolve()
    paths = [p for p in window.ui_settings.recent_workspaces() if p != current]
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setToolTip(as_typed(str(path)))
        action.triggered.connect(lambda _c=False, p=path: window.workspace_requested.emit(p, False))
    if not paths:
        menu.addAction("No other workspaces yet").setEnabled(False)


def _save_copy(window: MainWindow) -> None:
    path = _ask_path(window, "Save a Copy As", save=True)
    if path is None:
        return
    if path.resolve() == Path(window.document.opened.path).resolve():
        window.report_error("Choose another file: a copy cannot replace the workspace itself.")
        return
    try:
        window.document.opened.workspace.save_copy(path)
    except ContactMapError as error:
        window.report_error(str(error))
        return
    window.statusBar().showMessage(f"Saved a copy as {path}", 8000)


# --- Edit --------------------------------------------------------------------------------

def _edit_menu(window: MainWindow) -> None:
    menu = window.menu("&Edit")
    stack = window.document.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    # Both common redo keys, whatever the platform's own is.
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys += [k for k in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")) if k not in keys]
    redo.setShortcuts(keys)
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    window.set_menu_anchor("&Edit", menu.addSeparator())
    add_action(menu, "Pr&eferences…", window.edit_preferences, "Ctrl+,")


# --- Account -----------------------------------------------------------------------------

def _account_menu(window: MainWindow) -> None:
    menu = window.menu("&Account")
    document = window.document
    add_account = add_action(menu, "&Add Account…", lambda: _add_account(window), "Ctrl+Shift+N")
    edit_account = add_action(menu, "&Edit Account…", lambda: _edit_account(window))
    delete_account = add_action(menu, "&Delete Account…", lambda: _delete_account(window))
    menu.addSeparator()
    people = [
        add_action(menu, "Add &Stakeholder…", lambda: _ask_stakeholder(window, None),
                   "Ctrl+Shift+K"),
        add_action(menu, "Edit S&takeholder…", lambda: _edit_stakeholder(window), "F2"),
        add_action(menu, "&Remove Stakeholder…", lambda: _remove_stakeholder(window)),
    ]
    menu.addSeparator()
    people += [
        add_action(menu, "Add Team &Member…", lambda: _ask_team_member(window, None),
                   "Ctrl+Shift+M"),
        add_action(menu, "Edit Team Mem&ber…", lambda: _edit_team_member(window), "Shift+F2"),
        add_action(menu, "Remo&ve Team Member…", lambda: _remove_team_member(window)),
    ]
    for text, action in (("Add account", add_account), ("Delete account", delete_account)):
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAccessibleName(text)
        window.accounts.add_button(button)

    def update_enabled() -> None:
        writable = not document.read_only
        has_account = document.account_id is not None
        add_account.setEnabled(writable)
        for action in (edit_account, delete_account, *people):
            action.setEnabled(writable and has_account)
    document.map_loaded.connect(update_enabled)
    update_enabled()


# The dialogs' modules load when one is first opened: the window's memory does not carry
# them from the start for a menu entry.

def _ask_stakeholder(window: MainWindow, stakeholder: Stakeholder | None) -> None:
    from contactmap_desktop.ui.accounts.stakeholder_dialog import StakeholderDialog

    StakeholderDialog.ask(window.document, stakeholder, window)


def _ask_team_member(window: MainWindow, member: TeamMember | None) -> None:
    from contactmap_desktop.ui.accounts.team_member_dialog import TeamMemberDialog

    TeamMemberDialog.ask(window.document, member, window)


def _add_account(window: MainWindow) -> None:
    from contactmap_desktop.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(window.document, None, window)
    if dialog.exec() and dialog.created is not None:
        window.open_account(dialog.created.id)
    elif not window.document.opened.accounts.list_accounts():
        # With no account at all, an empty window after the dialog looks like a failure.
        window.statusBar().showMessage(
            "No account was added: Add Account was cancelled before OK. "
            "Account ▸ Add Account… (Ctrl+Shift+N) opens it again.")


def _edit_account(window: MainWindow) -> None:
    from contactmap_desktop.ui.accounts.account_dialog import AccountDialog

    if window.document.contact_map is not None:
        AccountDialog(window.document, window.document.contact_map.account, window).exec()


def _confirm(window: MainWindow, title: str, text: str) -> bool:
    answer = QMessageBox.question(window, title,
                                  as_typed(text + "\n\nYou can undo this with Edit ▸ Undo."),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _delete_account(window: MainWindow) -> None:
    contact_map = window.document.contact_map
    if contact_map is None:
        return
    account = contact_map.account
    if _confirm(window, "Delete Account", f"Delete the account {account.name} with its "
                f"{counted(len(contact_map.stakeholders), 'stakeholder')} and all its grades?"):
        window.document.runner.run(DeleteAccountCommand(window.document, account))


def _current_stakeholder_id(window: MainWindow) -> str | None:
    cell = window.map_page.grid.current_cell()
    return cell.stakeholder_id if cell else window.document.current_stakeholder_id


def _edit_stakeholder(window: MainWindow) -> None:
    contact_map, chosen = window.document.contact_map, _current_stakeholder_id(window)
    if contact_map is not None and chosen is not None:
        _ask_stakeholder(window, contact_map.stakeholder(chosen))


def _remove_stakeholder(window: MainWindow) -> None:
    contact_map, chosen = window.document.contact_map, _current_stakeholder_id(window)
    if contact_map is None or chosen is None:
        return
    stakeholder = contact_map.stakeholder(chosen)
    if _confirm(window, "Remove Stakeholder", f"Remove {stakeholder.name} from the map?"):
        window.document.runner.run(RemoveStakeholderCommand(window.document, stakeholder))


def _edit_team_member(window: MainWindow) -> None:
    contact_map, cell = window.document.contact_map, window.map_page.grid.current_cell()
    if contact_map is not None and cell is not None:
        _ask_team_member(window, contact_map.team_member(cell.team_member_id))


def _remove_team_member(window: MainWindow) -> None:
    document = window.document
    contact_map, cell = document.contact_map, window.map_page.grid.current_cell()
    if contact_map is None or cell is None or document.account_id is None:
        return
    member = contact_map.team_member(cell.team_member_id)
    if _confirm(window, "Remove Team Member",
                f"Take {member.name} off this account's team, with their grades?"):
        document.runner.run(RemoveTeamMemberCommand(document, document.account_id, member))


# --- Help --------------------------------------------------------------------------------

def _show_guide(window: MainWindow) -> None:
    from contactmap_desktop.ui.help.user_guide_dialog import UserGuideDialog

    guide = window.findChild(UserGuideDialog)
    if guide is None:  # one guide window, kept open beside the map
        guide = UserGuideDialog(user_guide_path(), window)
    guide.show()
    guide.raise_()
    guide.activateWindow()


def _help_menu(window: MainWindow) -> None:
    menu = window.menu("&Help")
    # No F1 here: on the grid F1 explains the current cell.
    add_action(menu, "&User Guide", lambda: _show_guide(window),
               tip="How to use ContactMap, with pictures")
    add_action(menu, "&Keyboard Shortcuts", lambda: _show_shortcuts(window), "Ctrl+/")
    add_action(menu, "&About ContactMap", lambda: _show_about(window))


def _show_shortcuts(window: MainWindow) -> None:
    from contactmap_desktop.ui.help.shortcuts_dialog import ShortcutsDialog

    ShortcutsDialog(window).exec()


def _show_about(window: MainWindow) -> None:
    from contactmap_desktop.ui.help.about_dialog import AboutDialog

    AboutDialog.show_about(window)
