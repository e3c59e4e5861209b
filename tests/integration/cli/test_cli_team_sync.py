"""``team connect|share|sync|status``: output, exit codes, one-line errors; a viewer."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.cli_runs import run_cli
from tests.helpers.team_logins import new_login, prepared


def test_connect_share_sync_status_and_a_viewer_refused(
        team_database: str, tmp_path: Path, private_password_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    viewer, viewer_url = new_login(team_database, "viewer")
    mine, theirs = tmp_path / "rep.cmap", tmp_path / "viewer.cmap"
    build_small_map(mine).opened.close()
    open_workspace(theirs).close()
    code, out, _ = run_cli(capsys, "team", "connect", rep_url, "--workspace", str(mine))
    assert code == 0 and f"as {rep} (rep)" in out
    password = rep_url.split(":")[2].split("@")[0]
    assert password.encode() not in mine.read_bytes()
    assert password in private_password_file.read_text()
    code, out, _ = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", viewer,
                        "--workspace", str(mine))
    assert code == 0 and "Sent" in out, out
    code, out, _ = run_cli(capsys, "team", "connect", viewer_url, "--workspace", str(theirs))
    assert code == 0
    code, out, _ = run_cli(capsys, "team", "sync", "--workspace", str(theirs))
    assert code == 0 and "Newly shared with you: Acme Corp" in out
    # The viewer's own edit is refused by the server and stays on the viewer's laptop.
    code, out, _ = run_cli(capsys, "import-csv", str(_people(tmp_path)), "--account", "Acme Corp",
                        "--workspace", str(theirs))
    assert code == 0, out
    code, out, _ = run_cli(capsys, "team", "sync", "--workspace", str(theirs))
    assert code == 0 and "refused by the server" in out, out
    code, out, _ = run_cli(capsys, "team", "status", "--workspace", str(theirs))
    assert code == 0 and "Refused by the server (kept here only)" in out
    code, out, _ = run_cli(capsys, "team", "status", "--workspace", str(mine))
    assert "Shared accounts: Acme Corp" in out and "Waiting to come down: 0" in out


def _people(folder: Path) -> Path:
    path = folder / "people.csv"
    path.write_text("Name,Title\nVi Viewer,Analyst\n")
    return path


@pytest.mark.parametrize("command", [["sync"], ["status"], ["share", "--account", "Acme Corp",
                                                            "--with", "x"]])
def test_not_connected_or_unreachable_is_one_line(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.cmap"
    build_small_map(path).opened.close()
    code, _, err = run_cli(capsys, "team", *command, "--workspace", str(path))
    assert code == 1 and "not connected" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(capsys, "team", "connect", "postgresql://ann@127.0.0.1:1/team",
                        "--workspace", str(path))
    assert code == 1 and "Cannot reach the team server" in err
    assert len(err.strip().splitlines()) == 1


def test_the_password_is_in_no_output_no_workspace_file_and_no_log_record(
        team_database: str, tmp_path: Path, private_password_file: Path,
        caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    """Every logger at its most talkative (psycopg's and SQLAlchemy's too), through connect,
    share, sync, status and a password refused: the secret is in none of what they say, in
    no file of the workspace (its WAL included), only in libpq's own password file."""
    caplog.set_level(logging.DEBUG)
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep", password="s3cret-never-logged")
    path = tmp_path / "rep.cmap"
    build_small_map(path).opened.close()
    said = [run_cli(capsys, "team", "connect", rep_url, "--workspace", str(path)),
            run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", rep,
                 "--workspace", str(path)),
            run_cli(capsys, "team", "sync", "--workspace", str(path)),
            run_cli(capsys, "team", "status", "--workspace", str(path)),
            run_cli(capsys, "team", "connect", rep_url.replace("s3cret-never-logged", "wrong-one"),
                 "--workspace", str(path))]
    assert [code for code, _, _ in said] == [0, 0, 0, 0, 1]
    assert "s3cret-never-logged" in private_password_file.read_text()
    files = [side.read_bytes().decode("utf-8", "replace")
             for side in tmp_path.glob(f"{path.name}*")]  # the workspace, its WAL, its lock
    for text in [caplog.text, *(out + err for _, out, err in said), *files]:
        assert "s3cret-never-logged" not in text and "wrong-one" not in text


def test_a_libpq_service_file_holds_the_address_and_the_password(
        team_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        private_password_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``postgresql:///?service=NAME``: libpq reads where, who and the password from its
    service file; ContactMap stores no password and says so."""
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    server = urlsplit(team_database)
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost={server.hostname}\nport={server.port}\n"
                        f"dbname={server.path.lstrip('/')}\nuser={rep}\n"
                        f"password={urlsplit(rep_url).password}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    path = tmp_path / "rep.cmap"
    build_small_map(path).opened.close()
    code, out, err = run_cli(capsys, "team", "connect", "postgresql:///?service=team",
                          "--workspace", str(path))
    assert code == 0, err
    assert f"Connected to {server.hostname}:{server.port}/{server.path.lstrip('/')} as {rep} " \
           "(rep); password: none given." in out
    code, out, err = run_cli(capsys, "team", "share", "--account", "Acme Corp", "--with", rep,
                          "--workspace", str(path))
    assert code == 0 and "Sent" in out, err
    assert not private_password_file.exists()
    code, _, err = run_cli(capsys, "team", "connect", "postgresql:///?service=elsewhere",
                        "--workspace", str(path))
    assert code == 1 and f"No service “elsewhere” in {services}." in err


def test_connect_asks_for_the_password_at_a_terminal_and_keeps_it_apart(
        team_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        private_password_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep", password="typed-at-the-prompt")
    prompts: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass",
                        lambda prompt="": (prompts.append(prompt), "typed-at-the-prompt")[1])
    path = tmp_path / "rep.cmap"
    build_small_map(path).opened.close()
    bare = rep_url.replace(":typed-at-the-prompt@", "@")
    code, out, err = run_cli(capsys, "team", "connect", bare, "--workspace", str(path))
    assert code == 0, err
    assert len(prompts) == 1 and prompts[0].startswith(f"Password for {rep} at ")
    assert f"password: {private_password_file}" in out
    assert "typed-at-the-prompt" not in path.read_bytes().decode("utf-8", "replace")
    assert run_cli(capsys, "team", "sync", "--workspace", str(path))[0] == 0  # found by libpq
