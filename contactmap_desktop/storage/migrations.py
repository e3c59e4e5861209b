"""Upgrades of older workspace files, one schema version at a time, each step atomic."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import Connection, text

Migration = Callable[[Connection], None]


def _v2_leverage_links_and_settings(connection: Connection) -> None:
    # Frozen DDL: later changes to schema.py must not change what this step did.
    connection.execute(text(
        "CREATE TABLE leverage_links ("
        " source_team_member_id VARCHAR(36) NOT NULL,"
        " source_stakeholder_id VARCHAR(36) NOT NULL,"
        " target_team_member_id VARCHAR(36) NOT NULL,"
        " target_stakeholder_id VARCHAR(36) NOT NULL,"
        " PRIMARY KEY (source_team_member_id, source_stakeholder_id,"
        " target_team_member_id, target_stakeholder_id))"
    ))
    connection.execute(text(
        "CREATE TABLE settings (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL)"
    ))


# Key: the version a step upgrades to.
MIGRATIONS: Mapping[int, Migration] = {
    2: _v2_leverage_links_and_settings,
}


def migrate(
    connection: Connection,
    from_version: int,
    to_version: int,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> None:
    """Run each step in the caller's transaction, stamping the version as it goes."""
    for version in range(from_version + 1, to_version + 1):
        migrations[version](connection)
        connection.exec_driver_sql(f"PRAGMA user_version = {version}")
