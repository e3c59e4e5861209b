"""``team sync|status`` on a bad day, after a good connect: the server gone, the password
changed, the login taken off the team, the account no longer shared, a newer server. Each is
one line (exit 1, or a line of the report) naming the problem, and local work is kept."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.team_local import TeamStore
from contactmap_desktop.storage.team_server_schema import ROLE_GROUPS, TEAM_SCHEMA_VERSION
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.cli_runs import run_cli
from tests.helpers.team_logins import login_url, new_login, prepared, query


def _one_line(err: str) -> str:
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


def _connected(team_database: str, folder: Path, capsys: pytest.CaptureFixture[str]
               ) -> tuple[str, Path, SmallMap]:
    """A rep's workspace holding Acme Corp, connected and shared: (login, path, map)."""
    prepared(team_database)
    login, url = new_login(team_database, "rep")
    path = folder / "rep.cmap"
    small = build_small_map(path)
    small.opened.close()
    assert run_cli(capsys, "team", "connect", url, "--workspace", str(path))[0] == 0
    assert run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", login,
                "--workspace", str(path))[0] == 0
    return login, path, small


def _grade_here(path: Path, small: SmallMap, grade: Grade) -> None:
    opened = open_workspace(path)
    try:
        opened.contact_maps.set_grade(small.cell(0, 0), grade)
    finally:
        opened.close()


def _grade_of(path: Path, small: SmallMap) -> Grade | None:
    opened = open_workspace(path)
    try:
        return opened.contact_maps.load_map(small.account.id).relationship(
            small.cell(0, 0)).grade
    finally:
        opened.close()


def test_a_server_gone_since_connect_is_one_line_and_local_work_waits(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, path, small = _connected(team_database, tmp_path, capsys)
    _grade_here(path, small, Grade.OPEN)
    opened = open_workspace(path)
    try:
        with UnitOfWork(opened.workspace) as repos:  # the server moved, or is down
            link = TeamStore(repos.session).link()
            assert link is not None
            port = f"port={urlsplit(team_database).port}"
            assert port in link.url, link.url
            link.url = link.url.replace(port, "port=1")
    finally:
        opened.close()
    for command in ("sync", "status"):
        code, out, err = run_cli(capsys, "team", command, "--workspace", str(path))
        assert code == 1 and out == "", (out, err)
        assert "Cannot reach the team server at 127.0.0.1:1" in _one_line(err)
    assert _grade_of(path, small) is Grade.OPEN
    opened = open_workspace(path)
    try:
        assert opened.services.team.status(ask_server=False).to_send > 0  # kept to send
    finally:
        opened.close()


def test_a_password_changed_on_the_server_is_named(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    login, path, _ = _connected(team_database, tmp_path, capsys)
    new = tmp_path / "new password"
    new.write_text("a new one\n")
    assert run_cli(capsys, "team", "add-member", team_database, login, "--role", "rep",
                "--password-file", str(new))[0] == 0
    code, _, err = run_cli(capsys, "team", "sync", "--workspace", str(path))
    assert code == 1
    assert f"The team server refused the password of {login}" in _one_line(err)


def test_a_login_taken_off_the_team_is_told_so(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    login, path, small = _connected(team_database, tmp_path, capsys)
    with psycopg.connect(team_database, autocommit=True) as connection:
        connection.execute(sql.SQL("REVOKE {} FROM {}").format(
            sql.Identifier(ROLE_GROUPS["rep"]), sql.Identifier(login)))
    _grade_here(path, small, Grade.TRUST)
    for command in ("sync", "status"):
        code, _, err = run_cli(capsys, "team", command, "--workspace", str(path))
        assert code == 1
        assert f"{login} is not (or no longer) a member of the team at 127.0.0.1:" \
            in _one_line(err)
        assert "an administrator runs `contactmap team add-member`" in err
    assert _grade_of(path, small) is Grade.TRUST


def test_edits_to_an_account_no_longer_shared_are_refused_and_kept_here(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    _, lead_url = new_login(team_database, "leader")
    rep, rep_url = new_login(team_database, "rep")
    ours, theirs = tmp_path / "leader.cmap", tmp_path / "rep.cmap"
    small = build_small_map(ours)
    small.opened.close()
    open_workspace(theirs).close()
    assert run_cli(capsys, "team", "connect", lead_url, "--workspace", str(ours))[0] == 0
    assert run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", rep,
                "--workspace", str(ours))[0] == 0
    assert run_cli(capsys, "team", "connect", rep_url, "--workspace", str(theirs))[0] == 0
    assert run_cli(capsys, "team", "sync", "--workspace", str(theirs))[0] == 0
    query(team_database, "DELETE FROM contactmap.shares WHERE login = %s RETURNING 1", rep)
    _grade_here(theirs, small, Grade.SATISFIED)
    code, out, _ = run_cli(capsys, "team", "sync", "--workspace", str(theirs))
    assert code == 0
    # The grade and its recorded change: two records.
    assert "2 of your changes were refused by the server (the account is no longer shared " \
           "with you); they stay in this workspace only." in out, out
    code, out, _ = run_cli(capsys, "team", "status", "--workspace", str(theirs))
    assert code == 0 and "Refused by the server (kept here only): 2 changes" in out, out
    assert _grade_of(theirs, small) is Grade.SATISFIED
    # The leader's copy never had the refused edit.
    assert _grade_of(ours, small) is None


def test_a_server_newer_than_this_app_is_one_line(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, path, _ = _connected(team_database, tmp_path, capsys)
    query(team_database, "UPDATE contactmap.schema_version SET version = %s RETURNING 1",
          TEAM_SCHEMA_VERSION + 1)
    for command in ("sync", "status"):
        code, _, err = run_cli(capsys, "team", command, "--workspace", str(path))
        assert code == 1
        assert "newer than this ContactMap knows" in _one_line(err)


def test_a_login_no_longer_allowed_to_log_in_is_told_so(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    login, path, _ = _connected(team_database, tmp_path, capsys)
    with psycopg.connect(team_database, autocommit=True) as connection:
        connection.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))
    code, _, err = run_cli(capsys, "team", "sync", "--workspace", str(path))
    assert code == 1
    assert f"no longer lets {login} log in: ask an administrator" in _one_line(err)


def test_connect_as_a_login_on_no_team_is_told_who_can_fix_it(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    outsider = f"outsider{os.getpid()}"  # roles are the whole cluster's
    with psycopg.connect(team_database, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'pw'").format(
            sql.Identifier(outsider)))
    path = tmp_path / "w.cmap"
    build_small_map(path).opened.close()
    code, _, err = run_cli(capsys, "team", "connect", login_url(team_database, outsider, "pw"),
                        "--workspace", str(path))
    assert code == 1
    assert f"{outsider} is not (or no longer) a member of the team" in _one_line(err)


def test_share_names_an_unknown_login_an_unknown_account_and_a_viewer(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    login, path, _ = _connected(team_database, tmp_path, capsys)
    code, _, err = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", "nobody",
                        "--workspace", str(path))
    assert code == 1
    assert "nobody is not a member of this team (members: " in _one_line(err)
    assert login in err
    code, _, err = run_cli(capsys, "team", "share", "--account", "No Such Co", "--with", login,
                        "--workspace", str(path))
    assert code == 1 and "No account named “No Such Co”." in _one_line(err)
    viewer, viewer_url = new_login(team_database, "viewer")
    theirs = tmp_path / "viewer.cmap"
    build_small_map(theirs).opened.close()
    assert run_cli(capsys, "team", "connect", viewer_url, "--workspace", str(theirs))[0] == 0
    code, _, err = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", login,
                        "--workspace", str(theirs))
    assert code == 1
    assert f"{viewer} is a viewer: a viewer cannot share accounts." in _one_line(err)
