"""``team connect|share|sync|status``: output, exit codes, one-line errors; a viewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.team_logins import new_login, prepared


@pytest.fixture(autouse=True)
def private_password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_connect_share_sync_status_and_a_viewer_refused(
        team_database: str, tmp_path: Path, private_password_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    prepared(team_database)
    rep, rep_url = new_login(team_database, "rep")
    viewer, viewer_url = new_login(team_database, "viewer")
    mine, theirs = tmp_path / "rep.cmap", tmp_path / "viewer.cmap"
    build_small_map(mine).opened.close()
    open_workspace(theirs).close()
    code, out, _ = _run(capsys, "team", "connect", rep_url, "--workspace", str(mine))
    assert code == 0 and f"as {rep} (rep)" in out
    password = rep_url.split(":")[2].split("@")[0]
    assert password.encode() not in mine.read_bytes()
    assert password in private_password_file.read_text()
    code, out, _ = _run(capsys, "team", "share", "--account", "Acme Corp", "--with", viewer,
                        "--workspace", str(mine))
    assert code == 0 and "Sent" in out, out
    code, out, _ = _run(capsys, "team", "connect", viewer_url, "--workspace", str(theirs))
    assert code == 0
    code, out, _ = _run(capsys, "team", "sync", "--workspace", str(theirs))
    assert code == 0 and "Newly shared with you: Acme Corp" in out
    # The viewer's own edit is refused by the server and stays on the viewer's laptop.
    code, out, _ = _run(capsys, "import-csv", str(_people(tmp_path)), "--account", "Acme Corp",
                        "--workspace", str(theirs))
    assert code == 0, out
    code, out, _ = _run(capsys, "team", "sync", "--workspace", str(theirs))
    assert code == 0 and "refused by the server" in out, out
    code, out, _ = _run(capsys, "team", "status", "--workspace", str(theirs))
    assert code == 0 and "Refused by the server (kept here only)" in out
    code, out, _ = _run(capsys, "team", "status", "--workspace", str(mine))
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
    code, _, err = _run(capsys, "team", *command, "--workspace", str(path))
    assert code == 1 and "not connected" in err and len(err.strip().splitlines()) == 1
    code, _, err = _run(capsys, "team", "connect", "postgresql://ann@127.0.0.1:1/team",
                        "--workspace", str(path))
    assert code == 1 and "Cannot reach the team server" in err
    assert len(err.strip().splitlines()) == 1
