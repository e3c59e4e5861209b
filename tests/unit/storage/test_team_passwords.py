"""Where a team login's password is kept: the platform keyring through keyring's own API
when one is usable, else libpq's password file (.pgpass), private, escaped, one line a login."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from contactmap_desktop.storage.team_passwords import (
    password_file,
    store_password,
    stored_password,
)
from contactmap_desktop.storage.team_server import parse_address
from tests.helpers.memory_keyring import LockedKeyring, MemoryKeyring, keyring_in_use


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()],
                         ids=["no keyring", "null keyring"])
def test_a_password_goes_to_pgpass_readable_by_the_user_only(
        pgpass: Path, backend: KeyringBackend) -> None:
    pgpass.write_text("other:5432:db:bob:keep-me\n")
    address, password = parse_address("postgresql://ann:s%3Acret@db.example.com:5433/team")
    assert password == "s:cret" and "cret" not in address.url
    with keyring_in_use(backend):
        assert store_password(address, "s:cret") == str(password_file())
        store_password(address, "new\\one")  # the same login again: replaced, not added
        assert stored_password(address) is None  # libpq reads its file by itself
    assert pgpass.read_text().splitlines() == ["other:5432:db:bob:keep-me",
                                               "db.example.com:5433:team:ann:new\\\\one"]
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600


def test_a_usable_keyring_keeps_the_password_and_no_file_is_written(
        pgpass: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ann, _ = parse_address("postgresql://ann@db.example.com:5433/team")
    bob, _ = parse_address("postgresql://bob@db.example.com:5433/team")
    with keyring_in_use(MemoryKeyring()) as backend:
        assert store_password(ann, "ann-secret") == "the system keyring"
        store_password(bob, "bob-secret")
        assert stored_password(ann) == "ann-secret" and stored_password(bob) == "bob-secret"
        assert isinstance(backend, MemoryKeyring)
        assert backend.passwords[("ContactMap team server",
                                  "ann@db.example.com:5433/team")] == "ann-secret"
    assert not pgpass.exists()
    assert "secret" not in caplog.text


def test_a_locked_keyring_falls_back_to_pgpass(pgpass: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    address, _ = parse_address("postgresql://ann@db.example.com/team")
    with keyring_in_use(LockedKeyring()):
        assert store_password(address, "s3cret") == str(pgpass)
        assert stored_password(address) is None
    assert pgpass.read_text().endswith(":ann:s3cret\n")
    assert "KeyringLocked" in caplog.text and "s3cret" not in caplog.text
