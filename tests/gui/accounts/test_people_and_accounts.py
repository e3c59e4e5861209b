"""Adding, editing and removing stakeholders, team members and accounts through the dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.ui.accounts.account_dialog import AccountDialog
from contactmap_desktop.ui.accounts.stakeholder_dialog import StakeholderDialog
from contactmap_desktop.ui.accounts.team_member_dialog import TeamMemberDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from tests.helpers.builders import SmallMap


def _ok(qtbot: QtBot, dialog: StakeholderDialog | TeamMemberDialog | AccountDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_stakeholder_dialog_says_what_is_wrong_and_keeps_the_input(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = StakeholderDialog(window.document, None, window)
    qtbot.addWidget(dialog)
    _ok(qtbot, dialog)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "name" in dialog.error_label.text().lower()
    qtbot.keyClicks(dialog.name, "Ada Power")
    _ok(qtbot, dialog)
    assert "already" in dialog.error_label.text()
    assert dialog.name.text() == "Ada Power"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "X" * 121)
    _ok(qtbot, dialog)
    assert "120" in dialog.error_label.text()
    assert window.document.undo_stack.count() == 0


def test_added_stakeholder_appears_as_a_column_and_undo_takes_it_away(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    dialog = StakeholderDialog(window.document, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Pia Procurement")
    qtbot.keyClicks(dialog.title, "Head of Purchasing")
    dialog.seniority.setCurrentIndex(dialog.seniority.findData(Seniority.SENIOR_MANAGER))
    dialog.roles[BuyingRole.ADVISOR].setChecked(True)
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findText("Ada Power"))
    _ok(qtbot, dialog)
    model = window.map_page.model
    assert model.columnCount() == 4
    added = window.document.contact_map.stakeholders[-1]  # type: ignore[union-attr]
    assert (added.name, added.roles, added.reports_to_id) == \
        ("Pia Procurement", frozenset({BuyingRole.ADVISOR}), small_map.stakeholders[0].id)
    assert window.document.undo_stack.undoText() == "Add stakeholder Pia Procurement"
    window.document.undo_stack.undo()
    assert model.columnCount() == 3
    window.document.undo_stack.redo()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Pia Procurement"


def test_editing_a_stakeholder_into_a_reporting_cycle_is_refused(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    ada, uma = small_map.stakeholders[0], small_map.stakeholders[1]
    first = StakeholderDialog(window.document, uma, window)
    first.reports_to.setCurrentIndex(first.reports_to.findText("Ada Power"))
    _ok(qtbot, first)
    second = StakeholderDialog(window.document, window.document.contact_map.stakeholder(ada.id),
                               window)  # type: ignore[union-attr]
    qtbot.addWidget(second)
    second.reports_to.setCurrentIndex(second.reports_to.findText("Uma User"))
    _ok(qtbot, second)
    assert "cannot report to someone who reports to them" in second.error_label.text()


def test_team_member_added_removed_and_restored_with_their_grades(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    dialog = TeamMemberDialog(window.document, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Rep One")
    _ok(qtbot, dialog)
    assert "already" in dialog.error_label.text()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Exec Sponsor")
    _ok(qtbot, dialog)
    model = window.map_page.model
    assert model.rowCount() == 3
    grid = window.map_page.grid
    grid.setCurrentIndex(model.index(2, 0))
    qtbot.keyClick(grid, Qt.Key.Key_T)
    _trigger(window, "Remo&ve Team Member…", confirm=True)
    assert model.rowCount() == 2
    window.document.undo_stack.undo()
    assert model.rowCount() == 3 and model.index(2, 0).data() == "T"


def test_accounts_added_and_deleted_with_confirmation_and_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = AccountDialog(window.document, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Acme Corp")
    _ok(qtbot, dialog)
    assert "already" in dialog.error_label.text()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Globex")
    _ok(qtbot, dialog)
    assert window.accounts.model.rowCount() == 2
    window.open_account(dialog.created.id)  # type: ignore[union-attr]
    assert window.map_page.stack.currentWidget() is window.map_page.empty
    assert "Globex has no one on the map yet" in window.map_page.empty.text()
    _trigger(window, "&Delete Account…", confirm=True)
    assert window.accounts.model.rowCount() == 1
    assert window.document.account_id is None
    window.document.undo_stack.undo()
    assert window.accounts.model.rowCount() == 2


def _trigger(window: MainWindow, text: str, confirm: bool) -> None:
    """Click a menu command; answer Yes to its confirmation."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
    if confirm:
        QTimer.singleShot(50, answer)
    action = next(a for a in window.menu("&Account").actions() if a.text() == text)
    action.trigger()
