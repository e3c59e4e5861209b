"""The command line next to a running app: reading works (read-only), writing is refused
naming the app's process, and nothing is changed."""

import hashlib
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.processes import kill_hard, start_child, wait_ready


def test_reading_works_and_writing_is_refused_while_another_process_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.cmap"
    opened = open_workspace(path)
    opened.accounts.create_account("Acme")
    opened.close()
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("Name,Title\nAda Lovelace,CTO\n", encoding="utf-8")

    child = start_child("hold", str(path))
    try:
        wait_ready(child)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        assert main(["accounts", "--workspace", str(path)]) == 0
        assert capsys.readouterr().out == "Acme\n"

        code = main(["import-csv", str(csv_file), "--account", "Acme", "--workspace", str(path)])
        err = capsys.readouterr().err
        assert code == 1
        assert f"process {child.pid} on" in err and "nothing was changed" in err
        assert err.count("\n") == 1
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    finally:
        kill_hard(child)
