"""``contactmap check`` reports a value already stored that the app cannot read (issue 16):
one line naming the table, row and column, exit 1; a sound workspace still passes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from tests.helpers.sample_workspace import sample_copy

BROKEN = {
    "unknown stage": ("UPDATE accounts SET stage = 'bogus'", "accounts row 1: stage"),
    "unknown seniority": ("UPDATE stakeholders SET seniority = 'boss'", ": seniority"),
    "unknown role": ("UPDATE stakeholders SET roles = 'PX'", ": roles"),
    "unknown focus period": ("UPDATE relationships SET focus_days = 45", ": focus_days"),
    "unknown goal": ("UPDATE blueprints SET goal = 'X'", "blueprints row 1: goal"),
    "unknown blueprint status": ("UPDATE blueprints SET status = 'someday'", ": status"),
    "unknown engagement kind": ("UPDATE engagements SET kind = 'favour'", ": kind"),
    "bad JSON in a letter": ("UPDATE sponsor_letters SET pains = '{bad'", ": pains"),
    "milestones that are not records": ("UPDATE sponsor_letters SET milestones = '[1]'",
                                        "sponsor_letters row 1 cannot be read"),
    "bad JSON in settings": ("INSERT INTO settings VALUES ('coverage.thresholds', '{bad')",
                             "settings row 1: value"),
    "a value too large for the window": ("UPDATE accounts SET annual_value = 1099511627776",
                                         ": annual_value"),
    "a date out of range": ("UPDATE accounts SET renewal_date = '9999-12-31'",
                            ": renewal_date"),
    "a time that is no time": ("UPDATE stakeholders SET updated_at = 'yesterday'",
                               ": updated_at"),
    "text where a number belongs": ("UPDATE stakeholders SET position = 'first'", ": position"),
    "a plan with no cell": ("DELETE FROM blueprint_cells", "is a plan with no relationship"),
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory.mktemp("sample") / "sample.cmap")


def test_a_sound_workspace_passes(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--workspace", str(sample)]) == 0
    assert capsys.readouterr().out.endswith(f": ok (schema version {_version(sample)})\n")


@pytest.mark.parametrize("statement, expected", BROKEN.values(), ids=BROKEN)
def test_a_stored_value_the_app_cannot_read_fails_the_check(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    statement: str, expected: str,
) -> None:
    broken = tmp_path / "broken.cmap"
    broken.write_bytes(sample.read_bytes())
    connection = sqlite3.connect(broken)
    with connection:
        connection.execute(statement)
    connection.close()
    assert main(["check", "--workspace", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds a value the app cannot read" in err, err
    assert expected in err, err


def _version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()
