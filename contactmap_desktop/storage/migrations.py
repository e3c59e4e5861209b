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


def _v3_blueprints(connection: Connection) -> None:
    # Frozen DDL for Contact Blueprints, their cells and their influence strategies.
    connection.execute(text(
        "CREATE TABLE blueprints ("
        " id VARCHAR(36) NOT NULL,"
        " account_id VARCHAR(36) NOT NULL,"
        " stakeholder_id VARCHAR(36) NOT NULL,"
        " goal VARCHAR(1) NOT NULL,"
        " tactics TEXT NOT NULL,"
        " messages TEXT NOT NULL,"
        " resources TEXT NOT NULL,"
        " owner_id VARCHAR(36),"
        " due_date DATE,"
        " status VARCHAR NOT NULL,"
        " notes TEXT NOT NULL,"
        " created_at DATETIME NOT NULL,"
        " updated_at DATETIME NOT NULL,"
        " PRIMARY KEY (id),"
        " FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE,"
        " FOREIGN KEY(stakeholder_id) REFERENCES stakeholders (id) ON DELETE CASCADE,"
        " FOREIGN KEY(owner_id) REFERENCES team_members (id) ON DELETE SET NULL)"
    ))
    connection.execute(text(
        "CREATE TABLE blueprint_cells ("
        " blueprint_id VARCHAR(36) NOT NULL,"
        " team_member_id VARCHAR(36) NOT NULL,"
        " stakeholder_id VARCHAR(36) NOT NULL,"
        " position INTEGER NOT NULL,"
        " PRIMARY KEY (blueprint_id, team_member_id, stakeholder_id),"
        " FOREIGN KEY(blueprint_id) REFERENCES blueprints (id) ON DELETE CASCADE)"
    ))
    connection.execute(text(
        "CREATE UNIQUE INDEX ux_blueprint_cells_cell"
        " ON blueprint_cells (team_member_id, stakeholder_id)"
    ))
    connection.execute(text(
        "CREATE TABLE blueprint_strategies ("
        " blueprint_id VARCHAR(36) NOT NULL,"
        " strategy VARCHAR NOT NULL,"
        " position INTEGER NOT NULL,"
        " PRIMARY KEY (blueprint_id, strategy),"
        " FOREIGN KEY(blueprint_id) REFERENCES blueprints (id) ON DELETE CASCADE)"
    ))


def _v4_sponsor_letters(connection: Connection) -> None:
    # Frozen DDL for sponsor letters (pains and milestones are JSON lists inside the row).
    connection.execute(text(
        "CREATE TABLE sponsor_letters ("
        " id VARCHAR(36) NOT NULL,"
        " account_id VARCHAR(36) NOT NULL,"
        " letter_date DATE NOT NULL,"
        " subject VARCHAR NOT NULL,"
        " addressee_id VARCHAR(36),"
        " addressee_name VARCHAR NOT NULL,"
        " addressee_title VARCHAR NOT NULL,"
        " addressee_company VARCHAR NOT NULL,"
        " sender_id VARCHAR(36),"
        " sender_name VARCHAR NOT NULL,"
        " sender_title VARCHAR NOT NULL,"
        " signature TEXT NOT NULL,"
        " pains TEXT NOT NULL,"
        " current_method TEXT NOT NULL,"
        " results TEXT NOT NULL,"
        " impact TEXT NOT NULL,"
        " solution TEXT NOT NULL,"
        " value TEXT NOT NULL,"
        " milestones TEXT NOT NULL,"
        " closing_note TEXT NOT NULL,"
        " based_on_id VARCHAR(36),"
        " created_at DATETIME NOT NULL,"
        " updated_at DATETIME NOT NULL,"
        " PRIMARY KEY (id),"
        " FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE,"
        " FOREIGN KEY(addressee_id) REFERENCES stakeholders (id) ON DELETE SET NULL,"
        " FOREIGN KEY(sender_id) REFERENCES team_members (id) ON DELETE SET NULL"
        " )"
    ))
    connection.execute(text(
        "CREATE INDEX ix_sponsor_letters_account_id ON sponsor_letters (account_id)"
    ))


# Key: the version a step upgrades to.
MIGRATIONS: Mapping[int, Migration] = {
    2: _v2_leverage_links_and_settings,
    3: _v3_blueprints,
    4: _v4_sponsor_letters,
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
