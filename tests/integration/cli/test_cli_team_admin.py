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
