"""A file written by an older schema opens, is upgraded in place, and keeps every row."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from contactmap_desktop.domain.commitments import Commitment
from contactmap_desktop.domain.engagements import Engagement
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.migrations import migrate
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.helpers.old_schemas import write_v1_workspace

pytestmark = pytest.mark.sqlite_only("upgrades of .cmap files of older schema versions")


def test_a_version_1_file_is_upgraded_with_its_rows_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.cmap"
    write_v1_workspace(path)
    opened = open_workspace(path)
    [account] = opened.accounts.list_accounts()
    contact_map = opened.contact_maps.load_map(account.id)
    assert account.name == "Old Account"
    assert [s.name for s in contact_map.stakeholders] == ["Olga Old"]
    assert [g.letter for g in (r.grade for r in contact_map.relationships.values()) if g] == ["O"]
    assert len(contact_map.history) == 1
    opened.close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_failing_step_leaves_the_file_at_its_old_version(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.cmap")
    engine = workspace.engine
    with engine.begin() as connection:
        connection.execute(text("PRAGMA user_version = 1"))

    def good_step(connection: object) -> None:
        connection.execute(text("CREATE TABLE made_by_step_two (x)"))  # type: ignore[attr-defined]

    def bad_step(connection: object) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError), engine.begin() as connection:
        migrate(connection, 1, 3, {2: good_step, 3: bad_step})
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA user_version")).scalar() == 1
        tables = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
    assert "made_by_step_two" not in tables


def test_migrations_cover_every_version() -> None:
    from contactmap_desktop.storage.migrations import MIGRATIONS
    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


def _row_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in tables}
    finally:
        connection.close()


def test_every_released_version_has_a_fixture() -> None:
    from tests.helpers.old_schemas import WRITERS
    assert set(range(1, SCHEMA_VERSION)) <= set(WRITERS)


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_each_released_version_upgrades_with_every_row_kept_after_a_backup(
    tmp_path: Path, version: int
) -> None:
    from tests.helpers.old_schemas import WRITERS
    path = tmp_path / f"v{version}.cmap"
    WRITERS[version](path)
    before = _row_counts(path)
    assert sum(before.values()) > 0
    opened = open_workspace(path, backups_root=tmp_path / "backups")
    [backup] = opened.backups.list_backups()  # taken before the upgrade
    opened.close()
    after = _row_counts(path)
    for table, count in before.items():
        assert after[table] == count, table
    connection = sqlite3.connect(backup.path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == version
    connection.close()
    assert _row_counts(backup.path) == before


def _columns(path: Path, table: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f'PRAGMA table_info("{table}")').fetchall()
    finally:
        connection.close()


def test_a_version_4_file_gets_the_lifecycle_tables_as_a_new_file_has_them(
    tmp_path: Path
) -> None:
    from tests.helpers.old_schemas import write_v4_workspace
    old, new = tmp_path / "v4.cmap", tmp_path / "new.cmap"
    write_v4_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    for table in ("account_stage_changes", "engagements", "success_criteria",
                  "delivery_reviews", "commitments", "metrics", "review_meetings",
                  "competitors"):
        assert _columns(old, table) == _columns(new, table), table


def test_a_version_5_file_gets_the_team_times_as_a_new_file_has_them(tmp_path: Path) -> None:
    from tests.helpers.old_schemas import write_v5_workspace
    old, new = tmp_path / "v5.cmap", tmp_path / "new.cmap"
    write_v5_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    assert _columns(old, "account_team") == _columns(new, "account_team")
    connection = sqlite3.connect(old)
    try:
        rows = connection.execute("SELECT team_member_id, position, updated_at FROM account_team"
                                  " ORDER BY position").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    # Rows from before carry the epoch, so any real reorder since is newer.
    assert rows == [("t1", 0, "1970-01-01 00:00:00.000000"),
                    ("t2", 1, "1970-01-01 00:00:00.000000")]
    opened = open_workspace(old, create=False)
    [account] = opened.accounts.list_accounts()
    contact_map = opened.contact_maps.load_map(account.id)
    assert [m.name for m in contact_map.team_members] == ["Tim Team", "Tess Second"]
    lifecycle = LifecycleService(opened.workspace)
    [engagement] = lifecycle.list(Engagement, account.id)
    [commitment] = lifecycle.list(Commitment, engagement.id)
    [metric] = lifecycle.list(Metric, engagement.id)
    assert (engagement.name, commitment.what, metric.name) == (
        "Fleet pilot", "Shares route data", "Planning hours")
    opened.close()


def test_a_version_6_file_gets_the_team_sync_tables_as_a_new_file_has_them(
    tmp_path: Path
) -> None:
    from tests.helpers.old_schemas import write_v6_workspace
    old, new = tmp_path / "v6.cmap", tmp_path / "new.cmap"
    write_v6_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    for table in ("grade_changes", "team_link", "team_accounts", "team_dirty", "team_shadow",
                  "team_outbox", "team_conflicts"):
        assert _columns(old, table) == _columns(new, table), table
    connection = sqlite3.connect(old)
    try:  # changes made before the workspace joined a team: nobody's login
        assert {row[0] for row in connection.execute(
            "SELECT changed_by FROM grade_changes")} == {""}
    finally:
        connection.close()


def test_a_version_7_file_lets_a_relationship_have_successive_plans(tmp_path: Path) -> None:
    """Article 004: "You can generally only move a client up one level at a time" — so a
    relationship gets one plan per step, the old unique index goes, and plans keep why they
    were closed."""
    from tests.helpers.old_schemas import write_v7_workspace
    old, new = tmp_path / "v7.cmap", tmp_path / "new.cmap"
    write_v7_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    for table in ("blueprints", "blueprint_cells"):
        assert _columns(old, table) == _columns(new, table), table
    connection = sqlite3.connect(old)
    try:
        indexes = {row[1]: row[2] for row in connection.execute(
            "PRAGMA index_list(blueprint_cells)")}
        reasons = {row[0] for row in connection.execute("SELECT closed_reason FROM blueprints")}
    finally:
        connection.close()
    assert indexes.get("ix_blueprint_cells_cell") == 0 and "ux_blueprint_cells_cell" not in indexes
    assert reasons == {""}


def test_a_version_8_file_gets_the_account_currency_as_a_new_file_has_it(
        tmp_path: Path) -> None:
    from tests.helpers.old_schemas import write_v8_workspace
    old, new = tmp_path / "v8.cmap", tmp_path / "new.cmap"
    write_v8_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    assert _columns(old, "accounts") == _columns(new, "accounts")
    connection = sqlite3.connect(old)
    try:  # amounts from before name no currency until the user chooses one
        assert {row[0] for row in connection.execute("SELECT currency FROM accounts")} == {""}
    finally:
        connection.close()


def test_a_version_9_file_gets_the_letter_salutation_as_a_new_file_has_it(
        tmp_path: Path) -> None:
    from tests.helpers.old_schemas import write_v9_workspace
    old, new = tmp_path / "v9.cmap", tmp_path / "new.cmap"
    write_v9_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    assert _columns(old, "sponsor_letters") == _columns(new, "sponsor_letters")
    connection = sqlite3.connect(old)
    try:  # letters from before greet by the first word of the name, as they did
        assert {row[0] for row in connection.execute("SELECT salutation FROM sponsor_letters")
                } == {""}
    finally:
        connection.close()


def test_a_version_10_file_gets_the_method_records_as_a_new_file_has_them(
        tmp_path: Path) -> None:
    from tests.helpers.old_schemas import write_v10_workspace
    old, new = tmp_path / "v10.cmap", tmp_path / "new.cmap"
    write_v10_workspace(old)
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    for table in ("accounts", "sponsor_letters", "competitors"):
        assert _columns(old, table) == _columns(new, table), table


def test_a_version_11_file_gets_the_team_clock_offset_as_a_new_file_has_it(
        tmp_path: Path) -> None:
    from tests.helpers.old_schemas import write_v11_workspace
    old, new = tmp_path / "v11.cmap", tmp_path / "new.cmap"
    write_v11_workspace(old)
    connection = sqlite3.connect(old)
    connection.execute("INSERT INTO team_link (id, url, login, laptop_id, clock, role) "
                       "VALUES (1, 'host=db user=ann', 'ann', 'l1', '', 'rep')")
    connection.commit()
    connection.close()
    for path in (old, new):
        open_workspace(path, backups_root=tmp_path / "backups").close()
    assert _columns(old, "team_link") == _columns(new, "team_link")
    connection = sqlite3.connect(old)
    try:  # a laptop connected before: no offset known until its next sync
        assert connection.execute("SELECT clock_offset_ms FROM team_link").fetchall() == [(0,)]
    finally:
        connection.close()
