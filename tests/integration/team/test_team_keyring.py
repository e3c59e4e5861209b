"""The team password from the command line: kept in the keyring through keyring's own API
when one is usable (stored on connect, read on every sync), else in libpq's .pgpass; never
in the workspace or the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import null

from tests.helpers.builders import build_small_map
from tests.helpers.cli_runs import run_cli
from tests.helpers.memory_keyring import MemoryKeyring, keyring_in_use
from tests.helpers.team_logins import login_url, new_login, prepared


def _files_holding(secret: str, *folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*")
            if path.is_file() and secret.encode() in path.read_bytes()]


def test_the_keyring_keeps_the_password_from_connect_for_every_sync(
        team_database: str, tmp_path: Path, private_password_file: Path,
        private_user_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    secret = "kept-in-the-keyring"
    login, _ = new_login(team_database, "rep", secret)
    workspace = tmp_path / "w.cmap"
    build_small_map(workspace).opened.close()
    (tmp_path / "secret.txt").write_text(secret + "\n")
    with keyring_in_use(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        code, out, err = run_cli(capsys, "team", "connect", login_url(team_database, login),
                              "--password-file", str(tmp_path / "secret.txt"),
                              "--workspace", str(workspace))
        assert code == 0 and "password: the system keyring" in out, err
        assert list(backend.passwords.values()) == [secret]
        code, out, err = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with",
                              login, "--workspace", str(workspace))
        assert code == 0, err
        code, out, err = run_cli(capsys, "team", "sync", "--workspace", str(workspace))
        assert code == 0 and "Sent 0 changes" in out, err
        backend.passwords.clear()  # the sync took its password from the keyring
        code, _, err = run_cli(capsys, "team", "sync", "--workspace", str(workspace))
        assert code == 1 and f"{login} needs a password" in err
    assert not private_password_file.exists()
    assert _files_holding(secret, tmp_path, private_user_folders) == \
        [tmp_path / "secret.txt"]


def test_without_a_usable_keyring_the_password_goes_to_pgpass(
        team_database: str, tmp_path: Path, private_password_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    secret = "kept-in-pgpass"
    login, url = new_login(team_database, "rep", secret)
    workspace = tmp_path / "w.cmap"
    build_small_map(workspace).opened.close()
    with keyring_in_use(null.Keyring()):
        code, out, err = run_cli(capsys, "team", "connect", url, "--workspace", str(workspace))
        assert code == 0 and f"password: {private_password_file}" in out, err
        code, out, err = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with",
                              login, "--workspace", str(workspace))
        assert code == 0, err
    assert private_password_file.read_text().strip().endswith(f":{login}:{secret}")
    assert secret.encode() not in workspace.read_bytes()
