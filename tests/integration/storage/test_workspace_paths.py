"""A workspace is the file its path names: ``?``, ``#`` and ``%XX`` in names are just letters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.database import Workspace
from tests.helpers.builders import build_small_map

pytestmark = pytest.mark.sqlite_only("the SQLite file is the one its path names")

# Each name, read as a URL, would address another file: "Acme", "Which deals", "A", ...
URL_LIKE_NAMES = ["Acme?v2.cmap", "Which deals?.cmap", "Q4 #1.cmap", "100%41 sure.cmap",
                  "a?mode=ro.cmap", "x?vfs=unix-none&nolock=1.cmap", "%3F.cmap"]


def _accounts(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM accounts ORDER BY name")]
    finally:
        connection.close()


@pytest.mark.parametrize("name", URL_LIKE_NAMES)
def test_a_new_workspace_is_the_chosen_file_and_nothing_else(tmp_path: Path, name: str) -> None:
    opened = open_workspace(tmp_path / name, backups_root=tmp_path / "backups")
    opened.accounts.create_account("Chosen", "")
    opened.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "backups") == [name]
    assert _accounts(tmp_path / name) == ["Chosen"]
    assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name", URL_LIKE_NAMES)
def test_read_only_viewing_reads_the_chosen_file(tmp_path: Path, name: str) -> None:
    build_small_map(tmp_path / name).opened.close()
    viewed = Workspace.open(tmp_path / name, read_only=True)
    try:
        with viewed.engine.connect() as connection:
            names = connection.exec_driver_sql("SELECT name FROM accounts").scalars().all()
    finally:
        viewed.close()
    assert names == ["Acme Corp"]


def test_import_csv_into_a_question_mark_name_changes_only_that_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_small_map(tmp_path / "Acme").opened.close()
    build_small_map(tmp_path / "Acme?v2.cmap").opened.close()
    before = (tmp_path / "Acme").read_bytes()
    source = tmp_path / "people.csv"
    source.write_text("Name,Title\nNew Person,CFO\n", encoding="utf-8")
    code = main(["import-csv", str(source), "--account", "Acme Corp",
                 "--workspace", str(tmp_path / "Acme?v2.cmap")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "Acme").read_bytes() == before
    connection = sqlite3.connect(f"{(tmp_path / 'Acme?v2.cmap').as_uri()}?mode=ro", uri=True)
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM stakeholders")}
    finally:
        connection.close()
    assert "New Person" in names
