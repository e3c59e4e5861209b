"""Where a team login's password is kept: the platform keyring through keyring's own API
when one is usable, else libpq's password file (.pgpass), private, escaped, one line a login."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from contactmap_desktop.storage.team_passwords import (
    chosen_keyring,
    password_file,
    store_password,
    stored_password,
)
from contactmap_desktop.storage.team_server import parse_address
from tests.helpers.memory_keyring import LockedKeyring, MemoryKeyring, keyring_in_use
from tests.helpers.processes import ROOT


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


def test_the_keyring_the_user_configured_is_the_one_chosen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    chosen_keyring.cache_clear()
    try:
        assert isinstance(chosen_keyring(), null.Keyring)
    finally:
        chosen_keyring.cache_clear()


# In a fresh process, as the app's first sync would: nothing configured, no process started.
_CHOOSE_ALONE = """
import json, subprocess, sys
started = []
def refuse(self, args, *rest, **options):
    started.append(str(args))
    raise OSError("no process may start")
subprocess.Popen.__init__ = refuse
from contactmap_desktop.storage.team_passwords import chosen_keyring
chosen = chosen_keyring()
print(json.dumps({"started": started, "chosen": type(chosen).__module__,
                  "others": sorted(m for m in sys.modules if m.startswith("keyring.backends."))}))
"""


# Each platform's own keyrings (keyring's modules); any other platform's must stay unloaded.
_PLATFORM_KEYRINGS = {"darwin": ("macOS",), "win32": ("Windows",)}.get(
    sys.platform, ("SecretService", "kwallet"))
_EVERY_PLATFORMS_KEYRINGS = ("macOS", "Windows", "SecretService", "kwallet", "libsecret")


def test_choosing_the_keyring_starts_no_process_and_loads_no_other_platforms(
        tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items()
                   if key != "PYTHON_KEYRING_BACKEND"}
    environment.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
                       XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    finished = subprocess.run([sys.executable, "-c", _CHOOSE_ALONE], cwd=ROOT, env=environment,
                              capture_output=True, text=True, check=True)
    report = json.loads(finished.stdout)
    assert report["started"] == []  # keyring's own search ran ldconfig and gcc on Linux
    assert report["chosen"] in {f"keyring.backends.{name}" for name in _PLATFORM_KEYRINGS} | {
        "keyring.backends.fail"}
    others = set(_EVERY_PLATFORMS_KEYRINGS) - set(_PLATFORM_KEYRINGS)
    assert not any(name.split(".")[2] in others for name in report["others"])
