"""Every form dialog starts on its first field: typing types, Space is a space, Tab walks the
fields before the buttons, and a first account the user gave up on is explained."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.lifecycle.feature import LifecycleFeature


def _action(window: MainWindow, menu: str, text: str) -> Callable[[], None]:
    action = next(a for a in window.menu(menu).actions() if a.text() == text)
    return action.trigger


def _while_open(qtbot: QtBot, open_it: Callable[[], None],
                use: Callable[[QDialog], None]) -> None:
    """Open a modal dialog as the user would, and act on it while it is up."""
    seen: list[BaseException] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QDialog), dialog
            qtbot.waitUntil(dialog.isActiveWindow)
            use(dialog)
        except BaseException as error:  # reported after exec() returns
            seen.append(error)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, act)
    open_it()
    if seen:
        raise seen[0]


def _types_into_first_field(qtbot: QtBot, dialog: QDialog, first: str) -> None:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit), focused
    assert focused.objectName() == first or first == ""
    qtbot.keyClicks(focused, "Ann Lee")
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.isVisible()  # Space typed a space, it did not press OK
    assert focused.text() == "Ann Lee "
    # Tab walks every field before it reaches a button.
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert not isinstance(QApplication.focusWidget(), QAbstractButton)


@pytest.mark.parametrize(("menu", "text"), [
    ("&Account", "&Add Account…"),
    ("&Account", "&Edit Account…"),
    ("&Account", "Add &Stakeholder…"),
    ("&Account", "Add Team &Member…"),
])
def test_account_and_people_dialogs_start_on_the_name(
        qtbot: QtBot, window: MainWindow, menu: str, text: str) -> None:
    _while_open(qtbot, _action(window, menu, text),
                lambda dialog: _types_into_first_field(qtbot, dialog, ""))
    assert window.document.undo_stack.count() == 0


def test_edit_stakeholder_starts_on_the_name_with_its_text(
        qtbot: QtBot, window: MainWindow) -> None:
    grid = window.map_page.grid
    grid.setCurrentIndex(window.map_page.model.index(0, 0))

    def use(dialog: QDialog) -> None:
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit) and focused.text() == "Ada Power"
        qtbot.keyClick(focused, Qt.Key.Key_End)
        qtbot.keyClicks(focused, " Jr")
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        assert not dialog.isVisible()
    _while_open(qtbot, _action(window, "&Account", "Edit S&takeholder…"), use)
    assert window.document.contact_map.stakeholders[0].name == "Ada Power Jr"  # type: ignore[union-attr]


def test_new_engagement_and_other_lifecycle_dialogs_start_on_their_first_field(
        qtbot: QtBot, window: MainWindow) -> None:
    feature = window.features.lifecycle
    assert isinstance(feature, LifecycleFeature)
    window.show_tab(feature.tab)
    buttons = {b.objectName(): b for b in feature.tab.findChildren(QPushButton)}
    for name in ("engagementsAdd", "meetingsAdd", "competitorsAdd", "recordStage"):
        if name != "engagementsAdd":
            feature.tab.pages.setCurrentIndex(1)
        qtbot.mouseClick(buttons[name], Qt.MouseButton.LeftButton)
        dialog = feature.tab.dialog if name == "engagementsAdd" \
            else feature.tab.account_panel.dialog
        assert dialog is not None and dialog.isVisible(), name
        qtbot.waitUntil(lambda d=dialog: d.isActiveWindow())
        focused = QApplication.focusWidget()
        assert isinstance(focused, QWidget) and dialog.isAncestorOf(focused), name
        assert not isinstance(focused, QAbstractButton), (name, focused)
        if isinstance(focused, QLineEdit):
            qtbot.keyClicks(focused, "Q3 pilot")
            qtbot.keyClick(focused, Qt.Key.Key_Space)
            assert dialog.isVisible() and focused.text() == "Q3 pilot ", name
        dialog.reject()


def test_a_first_account_given_up_on_says_no_account_was_added(
        qtbot: QtBot, window: MainWindow) -> None:
    accounts = window.document.opened.accounts
    for account in accounts.list_accounts():
        window.document.apply(accounts.delete_account(account.id))
    window.open_account(None)

    def give_up(dialog: QDialog) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), "Globex")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    _while_open(qtbot, _action(window, "&Account", "&Add Account…"), give_up)
    assert accounts.list_accounts() == []
    assert "No account was added" in window.statusBar().currentMessage()


def test_team_dialogs_start_on_their_first_field(qtbot: QtBot, window: MainWindow) -> None:
    from contactmap_desktop.ui.team.team_dialogs import ConnectDialog, ShareDialog

    for dialog in (ConnectDialog(lambda _url, _password: None, window),
                   ShareDialog("Acme Corp", window)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow)
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit) and dialog.isAncestorOf(focused)
        qtbot.keyClicks(focused, "ann bob")
        assert focused.text() == "ann bob" and dialog.isVisible()
        dialog.reject()
