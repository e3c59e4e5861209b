"""File ▸ Team ▸ Connect… against a real server: the typed password goes to the keyring
when one is usable (the window's syncs read it there), else to libpq's .pgpass."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.team.team_dialogs import ConnectDialog
from tests.helpers.memory_keyring import MemoryKeyring, keyring_in_use
from tests.helpers.team_logins import login_url, new_login, prepared


@pytest.mark.parametrize("backend", [MemoryKeyring(), fail.Keyring()],
                         ids=["keyring", "no keyring"])
def test_the_password_typed_in_connect_is_kept_apart_and_syncs_use_it(
        qtbot: QtBot, window: MainWindow, team_database: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, backend: KeyringBackend) -> None:
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    prepared(team_database)
    secret = "typed-in-the-dialog"
    login, _ = new_login(team_database, "rep", secret)
    feature = window.features.team

    def typed(dialog: ConnectDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.url, login_url(team_database, login))
        qtbot.keyClicks(dialog.password, secret)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ConnectDialog, "exec", typed)
    with keyring_in_use(backend):
        feature.connect_action.trigger()
        qtbot.waitUntil(lambda: feature.task is None, timeout=20_000)
        assert feature.indicator.text() == "Team: synced", feature.indicator.toolTip()
        feature.sync_now()  # a later sync finds the password where Connect put it
        qtbot.waitUntil(lambda: feature.task is None, timeout=20_000)
        assert feature.indicator.text() == "Team: synced", feature.indicator.toolTip()
    feature.timer.stop()
    if isinstance(backend, MemoryKeyring):
        assert list(backend.passwords.values()) == [secret]
        assert not pgpass.exists()
    else:
        assert pgpass.read_text().strip().endswith(f":{login}:{secret}")
    assert secret.encode() not in window.document.opened.path.read_bytes()
