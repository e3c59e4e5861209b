"""``team init`` and ``team add-member``: output, exit codes, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from tests.helpers.team_logins import login_url, query


def test_init_then_again_changes_nothing(team_database: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", team_database]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["team", "init", team_database]) == 0
    assert "nothing changed" in capsys.readouterr().out


def test_add_member_with_a_password_file_can_log_in(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", team_database]) == 0
    secret = tmp_path / "secret"
    secret.write_text("correct horse\n")
    assert main(["team", "add-member", team_database, "cli_viewer", "--role", "viewer",
                 "--password-file", str(secret)]) == 0
    assert "cli_viewer" in capsys.readouterr().out
    assert query(login_url(team_database, "cli_viewer", "correct horse"),
                 "SELECT current_user") == [("cli_viewer",)]


@pytest.mark.parametrize("arguments, problem", [
    (["team", "init", "postgresql://admin@127.0.0.1:1/team"], "Cannot reach the team server"),
    (["team", "init", "not a url at all"], "is not a PostgreSQL address"),
    (["team", "add-member", "postgresql://admin@127.0.0.1:1/team", "ann", "--role", "rep",
      "--password-file", "/no/such/file"], "Cannot read the password file"),
])
def test_bad_input_or_no_server_is_one_line_and_exit_1(
        arguments: list[str], problem: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert problem in error
    assert len(error.strip().splitlines()) == 1


def test_a_wrong_admin_password_is_named(team_database: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    wrong = team_database.replace("private-test-server", "wrong")
    assert main(["team", "init", wrong]) == 1
    assert "refused the password of postgres" in capsys.readouterr().err


class _Terminal:
    """Someone at the terminal, typing ``answers`` at each password prompt in turn."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.prompts: list[str] = []
        typed = iter(answers)
        monkeypatch.setattr("sys.stdin.isatty", lambda: True)
        monkeypatch.setattr("getpass.getpass",
                            lambda prompt="": (self.prompts.append(prompt), next(typed))[1])


def test_add_member_asks_for_the_password_twice_at_a_terminal(
        team_database: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", team_database]) == 0
    terminal = _Terminal(monkeypatch, "typed twice", "typed twice")
    assert main(["team", "add-member", team_database, "cli_typed", "--role", "rep"]) == 0
    assert terminal.prompts == ["Password for cli_typed (empty: none): ", "Again: "]
    assert "cli_typed added as rep." in capsys.readouterr().out
    assert query(login_url(team_database, "cli_typed", "typed twice"),
                 "SELECT current_user") == [("cli_typed",)]


def test_two_different_passwords_change_nothing(
        team_database: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", team_database]) == 0
    _Terminal(monkeypatch, "one thing", "another")
    assert main(["team", "add-member", team_database, "cli_typo", "--role", "rep"]) == 1
    error = capsys.readouterr().err
    assert "The two passwords differ; nothing was changed." in error
    assert len(error.strip().splitlines()) == 1
    assert query(team_database, "SELECT count(*) FROM pg_roles WHERE rolname = 'cli_typo'") \
        == [(0,)]


def test_an_empty_password_at_the_prompt_means_none(
        team_database: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", team_database]) == 0
    _Terminal(monkeypatch, "")
    assert main(["team", "add-member", team_database, "cli_trusted", "--role", "viewer"]) == 0
    assert "(no password: the server must trust its host)" in capsys.readouterr().out


def test_add_member_again_moves_the_login_to_the_role_given(
        team_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As docs/team-server.md says: a login is in exactly one of the three roles."""
    assert main(["team", "init", team_database]) == 0
    secret = tmp_path / "secret"
    secret.write_text("first\n")
    assert main(["team", "add-member", team_database, "cli_mover", "--role", "leader",
                 "--password-file", str(secret)]) == 0
    assert main(["team", "add-member", team_database, "cli_mover", "--role", "viewer"]) == 0
    assert "cli_mover updated as viewer (its password unchanged)." in capsys.readouterr().out
    groups = query(team_database, "SELECT g.rolname FROM pg_auth_members a"
                                  " JOIN pg_roles m ON m.oid = a.member"
                                  " JOIN pg_roles g ON g.oid = a.roleid"
                                  " WHERE m.rolname = 'cli_mover'")
    assert groups == [("contactmap_viewer",)]
    # No password given the second time: the first one still logs in.
    assert query(login_url(team_database, "cli_mover", "first"),
                 "SELECT current_user") == [("cli_mover",)]
