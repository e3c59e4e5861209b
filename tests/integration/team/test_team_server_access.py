"""The team server keeps accounts apart by itself: each role connects with plain SQL."""

from __future__ import annotations

import os
import subprocess
import uuid

import psycopg
import pytest

from contactmap_desktop.domain.errors import TeamServerError
from contactmap_desktop.services.team_admin import add_team_member, init_team_server
from contactmap_desktop.storage.team_server_schema import TEAM_SCHEMA_VERSION
from tests.helpers.postgres_server import PrivateServer
from tests.helpers.team_logins import new_login, prepared, query


def _share_new_account(url: str, name: str, *with_logins: str) -> str:
    account_id = str(uuid.uuid4())
    with psycopg.connect(url) as connection:
        connection.execute("INSERT INTO contactmap.accounts (id, name) VALUES (%s, %s)",
                           (account_id, name))
        for login in with_logins:
            connection.execute("INSERT INTO contactmap.shares (account_id, login)"
                               " VALUES (%s, %s)", (account_id, login))
        connection.execute(
            "INSERT INTO contactmap.changes (change_id, account_id, section, record_key,"
            " fields, bases, stamp) VALUES (%s, %s, 'account', %s, %s, '{}', '1')",
            (uuid.uuid4(), account_id, f'["{account_id}"]', f'{{"name": "{name}"}}'))
    return account_id


def test_init_is_idempotent_and_versioned(team_database: str) -> None:
    assert init_team_server(team_database) == (0, TEAM_SCHEMA_VERSION)
    catalog = ("SELECT string_agg(c.relname || ':' || c.relrowsecurity, ',' ORDER BY relname)"
               " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
               " WHERE n.nspname = 'contactmap'")
    policies = "SELECT count(*) FROM pg_policies WHERE schemaname = 'contactmap'"
    before = query(team_database, catalog), query(team_database, policies)
    assert init_team_server(team_database) == (TEAM_SCHEMA_VERSION, TEAM_SCHEMA_VERSION)
    assert (query(team_database, catalog), query(team_database, policies)) == before
    assert query(team_database, "SELECT version FROM contactmap.schema_version") == \
        [(TEAM_SCHEMA_VERSION,)]


def test_a_newer_team_schema_is_refused_clearly(team_database: str) -> None:
    prepared(team_database)
    query_newer = f"UPDATE contactmap.schema_version SET version = {TEAM_SCHEMA_VERSION + 1}"
    with psycopg.connect(team_database) as connection:
        connection.execute(query_newer.encode())
    with pytest.raises(TeamServerError, match="newer than this ContactMap knows"):
        init_team_server(team_database)


def test_add_member_needs_the_schema_and_a_known_role(team_database: str) -> None:
    with pytest.raises(TeamServerError, match="team init"):
        add_team_member(team_database, "nobody", "rep", None)
    prepared(team_database)
    with pytest.raises(TeamServerError, match="not a team role"):
        add_team_member(team_database, "nobody", "boss", None)


def test_a_rep_sees_only_what_is_shared_with_them(team_database: str) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    other, other_url = new_login(team_database, "rep")
    leader, leader_url = new_login(team_database, "leader")
    shared = _share_new_account(other_url, "Shared Corp", rep)
    _share_new_account(other_url, "Secret Corp")

    names = "SELECT name FROM contactmap.accounts ORDER BY name"
    assert query(rep_url, names) == [("Shared Corp",)]
    assert query(other_url, names) == [("Secret Corp",), ("Shared Corp",)]
    assert query(leader_url, names) == [("Secret Corp",), ("Shared Corp",)]
    changes = "SELECT DISTINCT account_id FROM contactmap.changes"
    assert query(rep_url, changes) == [(shared,)]
    assert len(query(leader_url, changes)) == 2
    # The server signs every change with the login that sent it.
    assert {login for (login,) in query(leader_url, "SELECT login FROM contactmap.changes")} \
        == {other}
    assert leader


def test_a_rep_cannot_write_into_or_share_an_account_not_shared_with_them(
        team_database: str) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    _, other_url = new_login(team_database, "rep")
    secret = _share_new_account(other_url, "Secret Corp")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        query(rep_url, "INSERT INTO contactmap.shares (account_id, login) VALUES (%s, %s)"
                       " RETURNING 1", secret, rep)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        query(rep_url, "INSERT INTO contactmap.changes (change_id, account_id, section,"
                       " record_key, fields, bases, stamp) VALUES (gen_random_uuid(), %s,"
                       " 'account', '[]', '{}', '{}', '9') RETURNING 1", secret)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nobody rewrites history
        query(other_url, "UPDATE contactmap.changes SET stamp = '0' RETURNING 1")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        query(other_url, "DELETE FROM contactmap.changes RETURNING 1")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor signs as another
        query(other_url, "INSERT INTO contactmap.changes (change_id, account_id, section,"
                         " record_key, fields, bases, stamp, login) VALUES (gen_random_uuid(),"
                         " %s, 'account', '[]', '{}', '{}', '9', %s) RETURNING 1", secret, rep)


def test_a_viewer_reads_what_is_shared_and_every_write_is_refused(team_database: str) -> None:
    prepared(team_database)
    viewer, viewer_url = new_login(team_database, "viewer")
    _, rep_url = new_login(team_database, "rep")
    shared = _share_new_account(rep_url, "Shared Corp", viewer)
    assert query(viewer_url, "SELECT name FROM contactmap.accounts") == [("Shared Corp",)]
    for statement in (
            "INSERT INTO contactmap.changes (change_id, account_id, section, record_key,"
            " fields, bases, stamp) VALUES (gen_random_uuid(), %s, 'account', '[]', '{}',"
            " '{}', '9') RETURNING 1",
            "INSERT INTO contactmap.accounts (id, name) VALUES (%s || 'x', 'Mine') RETURNING 1",
            "UPDATE contactmap.accounts SET name = 'Renamed' WHERE id = %s RETURNING 1"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            query(viewer_url, statement, shared)


def test_pg_dump_with_row_security_shows_a_rep_nothing_unshared(
        team_database: str, postgres_server: PrivateServer) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    _, other_url = new_login(team_database, "rep")
    _share_new_account(other_url, "Shared Corp", rep)
    _share_new_account(other_url, "Secret Corp")
    # Nobody may read the change counter (writers only take numbers): leave it out.
    dump = [postgres_server.program("pg_dump"), "--data-only", "--schema=contactmap",
            "--exclude-table-data=contactmap.changes_seq_seq", "--dbname", rep_url]
    refused = subprocess.run(dump, capture_output=True, text=True, check=False)
    assert refused.returncode != 0 and "row-level security" in refused.stderr
    dumped = subprocess.run([*dump, "--enable-row-security"], capture_output=True, text=True,
                            check=False, env=dict(os.environ, PGCONNECT_TIMEOUT="5"))
    assert dumped.returncode == 0, dumped.stderr
    assert "Shared Corp" in dumped.stdout
    assert "Secret Corp" not in dumped.stdout
