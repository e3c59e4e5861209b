"""libpq's password file as ContactMap writes it: private, escaped, one line per login."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from contactmap_desktop.storage.team_passwords import password_file, store_password
from contactmap_desktop.storage.team_server import parse_address


def test_a_password_goes_to_pgpass_readable_by_the_user_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    path.write_text("other:5432:db:bob:keep-me\n")
    address, password = parse_address("postgresql://ann:s%3Acret@db.example.com:5433/team")
    assert password == "s:cret" and "cret" not in address.url
    assert store_password(address, "s:cret") == str(password_file())
    store_password(address, "new\\one")  # the same login again: replaced, not added
    assert path.read_text().splitlines() == ["other:5432:db:bob:keep-me",
                                             "db.example.com:5433:team:ann:new\\\\one"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
