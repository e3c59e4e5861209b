"""File ▸ Team and Account ▸ Share… as a user meets them before any server answers: the menu
of a workspace on no team, the Connect, Share and Conflicts dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.errors import TeamAccessError, TeamServerError
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.services.team_service import TeamStatus
from contactmap_desktop.ui.core.form_dialog import FormDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.team.feature import indicator_text
from contactmap_desktop.ui.team.team_dialogs import ConflictsDialog, ConnectDialog, ShareDialog


def press_ok(qtbot: QtBot, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_a_workspace_on_no_team_offers_only_connect_and_shows_no_indicator(
        window: MainWindow) -> None:
    feature = window.features.team
    assert feature.team is window.document.opened.services.team  # the root's, not its own
    assert not feature.connected
    assert feature.connect_action.isEnabled()
    assert not feature.sync_action.isEnabled()
    assert not feature.conflicts_action.isEnabled()
    assert not feature.share_action.isEnabled()
    assert not feature.indicator.isVisible()
    assert not feature.timer.isActive()


def _connect_from_the_menu(qtbot: QtBot, window: MainWindow,
                           monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """File ▸ Team ▸ Connect… typed and accepted; the server is out of reach for syncs."""
    feature = window.features.team
    asked: list[tuple[str, str | None]] = []

    def connect(url: str, password: str | None) -> tuple[str, str]:
        asked.append((url, password))
        return "rep", ".pgpass"

    def unreachable() -> object:
        raise TeamServerError("Cannot reach the team server at 127.0.0.1:1/team (refused).")

    def typed(dialog: ConnectDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.url, " postgresql://ann@127.0.0.1:1/team ")
        qtbot.keyClicks(dialog.password, "secret")
        press_ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(feature.team, "connect", connect)
    monkeypatch.setattr(feature.team, "sync", unreachable)
    monkeypatch.setattr(feature.team, "status", lambda ask_server: _no_waits())
    monkeypatch.setattr(ConnectDialog, "exec", typed)
    feature.connect_action.trigger()
    qtbot.waitUntil(lambda: feature.task is None, timeout=10_000)
    return asked


def test_connecting_from_the_menu_starts_syncing_and_an_unreachable_server_says_offline(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = window.features.team

    asked = _connect_from_the_menu(qtbot, window, monkeypatch)

    assert asked == [("postgresql://ann@127.0.0.1:1/team", "secret")]
    assert feature.connected and feature.timer.isActive()
    assert feature.sync_action.isEnabled() and feature.share_action.isEnabled()
    assert feature.indicator.text() == "Team: offline"
    assert "Cannot reach" in feature.indicator.toolTip()
    feature.timer.stop()


def test_share_and_conflicts_from_the_menus_reach_the_team_service(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = window.features.team
    _connect_from_the_menu(qtbot, window, monkeypatch)
    feature.timer.stop()
    shared: list[tuple[str, list[str]]] = []
    reviewed: list[bool] = []

    def share(name: str, logins: list[str]) -> SyncReport:
        shared.append((name, logins))
        return SyncReport()

    def with_conflicts(ask_server: bool) -> TeamStatus:
        status = _no_waits()
        status.conflicts = ["Acme Corp, Rep One × Uma User: Open kept over Satisfied"]
        return status

    def typed(dialog: ShareDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.logins, "bob carol")
        press_ok(qtbot, dialog)
        return dialog.result()

    def reviewed_all(dialog: ConflictsDialog) -> int:
        assert "Open kept over Satisfied" in dialog.details.toPlainText()
        dialog.show()
        qtbot.mouseClick(dialog.reviewed, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(feature.team, "share", share)
    monkeypatch.setattr(feature.team, "status", with_conflicts)
    monkeypatch.setattr(feature.team, "mark_conflicts_reviewed", lambda: reviewed.append(True))
    monkeypatch.setattr(ShareDialog, "exec", typed)
    monkeypatch.setattr(ConflictsDialog, "exec", reviewed_all)

    feature.share_action.trigger()
    qtbot.waitUntil(lambda: feature.task is None, timeout=10_000)
    assert shared == [("Acme Corp", ["bob", "carol"])]
    assert feature.indicator.text() == "Team: 1 conflict"  # the share's sync went through
    feature.conflicts_action.trigger()
    assert reviewed == [True]


def test_a_login_the_server_turns_away_reads_refused_not_offline(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18's bad days in the window: a wrong password or access taken away is the
    server's answer, so the indicator says "refused" and its tooltip why; a share refused
    is shown in a dialog, and leaves the indicator alone."""
    feature = window.features.team
    _connect_from_the_menu(qtbot, window, monkeypatch)
    feature.timer.stop()
    assert feature.indicator.text() == "Team: offline"

    def refused() -> object:
        raise TeamAccessError("The team server refused the password of ann at 127.0.0.1:1/team.")

    monkeypatch.setattr(feature.team, "sync", refused)
    monkeypatch.setattr(feature.team, "status", lambda ask_server: _no_waits())
    feature.sync_now()
    qtbot.waitUntil(lambda: feature.task is None, timeout=10_000)
    assert feature.indicator.text() == "Team: refused"
    assert feature.indicator.toolTip().startswith("The team server refused the password of ann")

    errors: list[str] = []

    def viewer_shares(_name: str, _logins: list[str]) -> SyncReport:
        raise TeamAccessError("ann is a viewer: a viewer cannot share accounts.")

    def typed(dialog: ShareDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.logins, "bob")
        press_ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(feature.team, "sync", lambda: SyncReport())
    feature.sync_now()
    qtbot.waitUntil(lambda: feature.task is None, timeout=10_000)
    assert feature.indicator.text() == "Team: synced"
    monkeypatch.setattr(feature.team, "share", viewer_shares)
    monkeypatch.setattr(ShareDialog, "exec", typed)
    monkeypatch.setattr(window, "report_error", errors.append)
    feature.share_action.trigger()
    qtbot.waitUntil(lambda: feature.task is None, timeout=10_000)
    assert errors == ["ann is a viewer: a viewer cannot share accounts."]
    assert feature.indicator.text() == "Team: synced"


def _no_waits() -> TeamStatus:
    return TeamStatus("127.0.0.1:1/team", "ann", "rep", [], 0, 0, None)


def test_connect_names_a_missing_address_and_keeps_the_dialog_open(qtbot: QtBot) -> None:
    tried: list[str] = []
    dialog = ConnectDialog(lambda url, _password: tried.append(url))
    qtbot.addWidget(dialog)
    dialog.show()

    press_ok(qtbot, dialog)

    assert dialog.isVisible() and tried == []
    assert dialog.error_label.text() == "Write the server's address."


def test_a_refusing_server_is_explained_in_the_connect_dialog(qtbot: QtBot) -> None:
    def refuse(_url: str, _password: str | None) -> None:
        raise TeamServerError("The server refused the password for ann.")

    dialog = ConnectDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url, "postgresql://ann@server/team")

    press_ok(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.error_label.text() == "The server refused the password for ann."
    assert dialog.url.text() == "postgresql://ann@server/team"  # kept for a second try


def test_share_takes_logins_separated_by_commas_or_spaces(qtbot: QtBot) -> None:
    dialog = ShareDialog("Acme Corp")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Share “Acme Corp”"

    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "Name at least one login to share with."

    qtbot.keyClicks(dialog.logins, "bob, carol  dan,")
    press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen == ["bob", "carol", "dan"]


def test_conflicts_are_listed_and_can_be_marked_reviewed_only_when_there_are_some(
        qtbot: QtBot) -> None:
    listed = ConflictsDialog(["Acme Corp, Ann × Bob: O kept over S", "Acme Corp: notes"])
    qtbot.addWidget(listed)
    listed.show()
    assert listed.details.toPlainText().splitlines()[1] == "Acme Corp: notes"
    assert listed.reviewed.isEnabled()
    qtbot.mouseClick(listed.reviewed, Qt.MouseButton.LeftButton)
    assert listed.result() == QDialog.DialogCode.Accepted

    empty = ConflictsDialog([])
    qtbot.addWidget(empty)
    empty.show()
    assert not empty.reviewed.isEnabled()
    assert empty.details.toPlainText() == ""


@pytest.mark.parametrize("to_send, conflicts, expected", [
    (0, 0, "Team: synced"), (1, 0, "Team: 1 change waiting"), (3, 0, "Team: 3 changes waiting"),
    (3, 1, "Team: 1 conflict"), (0, 2, "Team: 2 conflicts")])
def test_the_indicator_counts_in_words_that_agree(to_send: int, conflicts: int,
                                                  expected: str) -> None:
    status = _no_waits()
    status.to_send, status.conflicts = to_send, ["a conflict"] * conflicts
    assert indicator_text(status, "", syncing=False) == expected
