"""The team schema's versions and upgrades on PostgreSQL, as the workspace's are tested on
SQLite (tests/integration/storage/test_migrations.py): every version has its step, an
upgrade runs only the new steps and keeps every row, a failing step changes nothing, and a
server newer than the app is refused by the administrator's init and by a laptop's sync."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import TeamServerError
from contactmap_desktop.services.team_admin import init_team_server
from contactmap_desktop.storage import team_setup
from contactmap_desktop.storage.team_server_schema import TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION
from tests.helpers.team_laptops import Laptop
from tests.helpers.team_logins import new_login, prepared, query

NEXT = TEAM_SCHEMA_VERSION + 1


def _with_next_version(monkeypatch: pytest.MonkeyPatch, step: Sequence[str]) -> None:
    """As if this ContactMap knew one more team schema version, upgraded to by ``step``."""
    monkeypatch.setattr(team_setup, "TEAM_SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(team_setup, "TEAM_MIGRATIONS", {**TEAM_MIGRATIONS, NEXT: step})


def _a_shared_account(url: str) -> list[tuple[object, ...]]:
    """A shared account with one change on the server; every row of the three tables."""
    account_id = str(uuid.uuid4())
    query(url, "INSERT INTO contactmap.accounts (id, name) VALUES (%s, 'Acme Corp') RETURNING 1",
          account_id)
    query(url, "INSERT INTO contactmap.shares (account_id, login) VALUES (%s, 'ann') RETURNING 1",
          account_id)
    query(url, "INSERT INTO contactmap.changes (change_id, account_id, section, record_key,"
               " fields, bases, stamp) VALUES (%s, %s, 'account', '[]', '{}', '{}', '1')"
               " RETURNING 1",
          uuid.uuid4(), account_id)
    return _rows(url)


def _rows(url: str) -> list[tuple[object, ...]]:
    """The rows of version 1's columns (an upgrade may add columns)."""
    return [row for statement in (
        "SELECT id, name, created_by, created_at FROM contactmap.accounts ORDER BY 1",
        "SELECT * FROM contactmap.shares ORDER BY 1",
        "SELECT * FROM contactmap.changes ORDER BY 1") for row in query(url, statement)]


def test_every_team_schema_version_has_its_step() -> None:
    assert sorted(TEAM_MIGRATIONS) == list(range(1, TEAM_SCHEMA_VERSION + 1))


def test_an_upgrade_runs_only_the_new_step_and_keeps_every_row(
    team_database: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _a_shared_account(prepared(team_database))
    _with_next_version(monkeypatch, [
        "ALTER TABLE contactmap.accounts ADD COLUMN industry text NOT NULL DEFAULT ''"])
    assert init_team_server(team_database) == (TEAM_SCHEMA_VERSION, NEXT)
    assert query(team_database, "SELECT version FROM contactmap.schema_version") == [(NEXT,)]
    assert _rows(team_database) == rows
    assert query(team_database, "SELECT industry FROM contactmap.accounts") == [("",)]
    assert init_team_server(team_database) == (NEXT, NEXT)  # again: nothing to do


def test_a_failing_step_leaves_the_server_at_its_old_version(
    team_database: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _a_shared_account(prepared(team_database))
    # PostgreSQL's DDL is transactional: the table made before the failure goes too.
    _with_next_version(monkeypatch, ["CREATE TABLE contactmap.half_done (x integer)",
                                     "SELECT 1 / 0"])
    with pytest.raises(TeamServerError):
        init_team_server(team_database)
    assert query(team_database, "SELECT version FROM contactmap.schema_version") == \
        [(TEAM_SCHEMA_VERSION,)]
    assert query(team_database, "SELECT to_regclass('contactmap.half_done')") == [(None,)]
    assert _rows(team_database) == rows


def test_a_laptop_refuses_a_server_newer_than_it_knows(team_database: str,
                                                       tmp_path: Path) -> None:
    prepared(team_database)
    _, ann_url = new_login(team_database, "rep")
    ann = Laptop.join(tmp_path / "ann.cmap", ann_url)
    try:
        query(team_database, "UPDATE contactmap.schema_version SET version = %s RETURNING 1",
              NEXT)
        with pytest.raises(TeamServerError, match="newer than this ContactMap knows"):
            ann.team.sync()
    finally:
        ann.close()
