"""Upgrades of older workspace files, one schema version at a time, each step atomic."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import Connection, text

Migration = Callable[[Connection], None]


def _v2_leverage_links_and_settings(connection: Connection) -> None:
    # Frozen DDL: later changes to storage/schema/ must not change what this step did.
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


# Frozen DDL for the account lifecycle: stage history, engagements with their success criteria,
# post-delivery reviews, commitment logs and metrics, review meetings and competitors.
_V5_STATEMENTS = (
    ('CREATE TABLE account_stage_changes (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT'
     ' NULL, stage VARCHAR NOT NULL, changed_on DATE NOT NULL, note TEXT NOT NULL, position'
     ' INTEGER NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN'
     ' KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_account_stage_changes_account_id ON account_stage_changes (account_id)',
    ('CREATE TABLE engagements (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL, name'
     ' VARCHAR NOT NULL, kind VARCHAR NOT NULL, status VARCHAR NOT NULL, value INTEGER NOT'
     ' NULL, start_date DATE, end_date DATE, notes TEXT NOT NULL, origin_review_id VARCHAR(36),'
     ' origin_problem INTEGER, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,'
     ' PRIMARY KEY (id), FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_engagements_account_id ON engagements (account_id)',
    ('CREATE TABLE success_criteria (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT'
     ' NULL, text TEXT NOT NULL, agreed_by TEXT NOT NULL, position INTEGER NOT NULL, updated_at'
     ' DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN KEY(engagement_id) REFERENCES engagements'
     ' (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_success_criteria_engagement_id ON success_criteria (engagement_id)',
    ('CREATE TABLE delivery_reviews (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT'
     ' NULL, stakeholder_id VARCHAR(36) NOT NULL, held_on DATE NOT NULL, verdict VARCHAR NOT'
     ' NULL, notes TEXT NOT NULL, next_problem_1 TEXT NOT NULL, next_problem_2 TEXT NOT NULL,'
     ' updated_at DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN KEY(engagement_id) REFERENCES'
     ' engagements (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_delivery_reviews_engagement_id ON delivery_reviews (engagement_id)',
    ('CREATE TABLE commitments (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL,'
     ' step_date DATE NOT NULL, side VARCHAR NOT NULL, what TEXT NOT NULL, stakeholder_id'
     ' VARCHAR(36), kind VARCHAR, team_member_id VARCHAR(36), status VARCHAR NOT NULL, position'
     ' INTEGER NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN'
     ' KEY(engagement_id) REFERENCES engagements (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_commitments_engagement_id ON commitments (engagement_id)',
    ('CREATE TABLE metrics (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL, name'
     ' VARCHAR NOT NULL, unit VARCHAR NOT NULL, target FLOAT NOT NULL, direction VARCHAR NOT'
     ' NULL, measurements TEXT NOT NULL, position INTEGER NOT NULL, updated_at DATETIME NOT'
     ' NULL, PRIMARY KEY (id), FOREIGN KEY(engagement_id) REFERENCES engagements (id) ON DELETE'
     ' CASCADE)'),
    'CREATE INDEX ix_metrics_engagement_id ON metrics (engagement_id)',
    ('CREATE TABLE review_meetings (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,'
     ' held_on DATE NOT NULL, our_attendees TEXT NOT NULL, client_attendees TEXT NOT NULL,'
     ' notes TEXT NOT NULL, metrics_reviewed TEXT NOT NULL, our_ceo_present BOOLEAN NOT NULL,'
     ' updated_at DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN KEY(account_id) REFERENCES'
     ' accounts (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_review_meetings_account_id ON review_meetings (account_id)',
    ('CREATE TABLE competitors (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL, name'
     ' VARCHAR NOT NULL, pitch TEXT NOT NULL, pitched_to VARCHAR NOT NULL, last_seen DATE,'
     ' notes TEXT NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id), FOREIGN'
     ' KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE)'),
    'CREATE INDEX ix_competitors_account_id ON competitors (account_id)',
)


def _v5_account_lifecycle(connection: Connection) -> None:
    for statement in _V5_STATEMENTS:
        connection.execute(text(statement))


def _v6_account_team_updated_at(connection: Connection) -> None:
    # Frozen DDL: the team's rows get a time so that a reordered team travels in account files.
    # Rows from before have the epoch, which any later change beats.
    connection.execute(text(
        "ALTER TABLE account_team ADD COLUMN updated_at DATETIME"
        " DEFAULT '1970-01-01 00:00:00.000000' NOT NULL"
    ))


_V7_STATEMENTS = (
    "ALTER TABLE grade_changes ADD COLUMN changed_by VARCHAR DEFAULT '' NOT NULL",
    ("CREATE TABLE team_link (id INTEGER NOT NULL, url TEXT NOT NULL, login VARCHAR NOT NULL,"
     " laptop_id VARCHAR(36) NOT NULL, clock VARCHAR NOT NULL, role VARCHAR NOT NULL,"
     " PRIMARY KEY (id))"),
    ("CREATE TABLE team_accounts (account_id VARCHAR(36) NOT NULL, fetched_seq INTEGER NOT"
     " NULL, PRIMARY KEY (account_id))"),
    ("CREATE TABLE team_dirty (section VARCHAR NOT NULL, record_key TEXT NOT NULL,"
     " PRIMARY KEY (section, record_key))"),
    ("CREATE TABLE team_shadow (section VARCHAR NOT NULL, record_key TEXT NOT NULL, account_id"
     " VARCHAR(36) NOT NULL, fields TEXT NOT NULL, stamps TEXT NOT NULL,"
     " PRIMARY KEY (section, record_key))"),
    "CREATE INDEX ix_team_shadow_account ON team_shadow (account_id)",
    ("CREATE TABLE team_outbox (position INTEGER NOT NULL, change_id VARCHAR(36) NOT NULL,"
     " account_id VARCHAR(36) NOT NULL, section VARCHAR NOT NULL, record_key TEXT NOT NULL,"
     " fields TEXT NOT NULL, bases TEXT NOT NULL, stamp VARCHAR NOT NULL, refused TEXT NOT"
     " NULL, PRIMARY KEY (position), UNIQUE (change_id))"),
    ("CREATE TABLE team_conflicts (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,"
     " section VARCHAR NOT NULL, record_key TEXT NOT NULL, field VARCHAR NOT NULL, kept TEXT"
     " NOT NULL, lost TEXT NOT NULL, kept_stamp VARCHAR NOT NULL, lost_stamp VARCHAR NOT NULL,"
     " kept_by VARCHAR NOT NULL, lost_by VARCHAR NOT NULL, found_at DATETIME NOT NULL,"
     " reviewed BOOLEAN NOT NULL, PRIMARY KEY (id))"),
    "CREATE INDEX ix_team_conflicts_account_id ON team_conflicts (account_id)",
)


def _v7_team_sync(connection: Connection) -> None:
    # Frozen DDL: who made each grade change, and the laptop's side of team sync.
    for statement in _V7_STATEMENTS:
        connection.execute(text(statement))


def _v8_successive_blueprints(connection: Connection) -> None:
    # Frozen DDL: a cell may have a plan after each closed one, and a closed plan says why.
    for statement in (
        "DROP INDEX ux_blueprint_cells_cell",
        "CREATE INDEX ix_blueprint_cells_cell ON blueprint_cells (team_member_id, stakeholder_id)",
        "ALTER TABLE blueprints ADD COLUMN closed_reason TEXT DEFAULT '' NOT NULL",
    ):
        connection.execute(text(statement))


_V9_STATEMENTS = (
    "ALTER TABLE accounts ADD COLUMN currency VARCHAR(3) DEFAULT '' NOT NULL",
)


def _v9_account_currency(connection: Connection) -> None:
    # Frozen DDL: an account's amounts are in its currency (ISO 4217); "" until one is chosen.
    for statement in _V9_STATEMENTS:
        connection.execute(text(statement))


_V10_STATEMENTS = (
    "ALTER TABLE sponsor_letters ADD COLUMN salutation VARCHAR DEFAULT '' NOT NULL",
)


def _v10_letter_salutation(connection: Connection) -> None:
    # Frozen DDL: how a letter greets its addressee; "" greets them by their first word.
    for statement in _V10_STATEMENTS:
        connection.execute(text(statement))


_V11_STATEMENTS = (
    "ALTER TABLE accounts ADD COLUMN review_interval_days INTEGER",
    "ALTER TABLE sponsor_letters ADD COLUMN agreed_by VARCHAR DEFAULT '' NOT NULL",
    "ALTER TABLE sponsor_letters ADD COLUMN agreed_on DATE",
    "ALTER TABLE competitors ADD COLUMN our_answer TEXT DEFAULT '' NOT NULL",
    "ALTER TABLE competitors ADD COLUMN product_request TEXT DEFAULT '' NOT NULL",
)


def _v11_method_records(connection: Connection) -> None:
    # Frozen DDL: an account's own review interval, the sponsor's agreement to a letter's
    # steps, and our answer to a competitor with what we asked our product team for.
    for statement in _V11_STATEMENTS:
        connection.execute(text(statement))


_V12_STATEMENTS = (
    "ALTER TABLE team_link ADD COLUMN clock_offset_ms INTEGER DEFAULT 0 NOT NULL",
)


def _v12_team_clock_offset(connection: Connection) -> None:
    # Frozen DDL: the laptop's clock offset from the team server's, as last measured.
    for statement in _V12_STATEMENTS:
        connection.execute(text(statement))


# Objects that an earlier version created and a later step removed: a file of that version
# holds them legitimately until it is upgraded (storage/file_check.py knows them by this).
RETIRED_OBJECTS = frozenset({"ux_blueprint_cells_cell"})

# The schema version of the first release; every later one upgrades from it.
FIRST_SCHEMA_VERSION = 1

# Key: the version a step upgrades to.
MIGRATIONS: Mapping[int, Migration] = {
    2: _v2_leverage_links_and_settings,
    3: _v3_blueprints,
    4: _v4_sponsor_letters,
    5: _v5_account_lifecycle,
    6: _v6_account_team_updated_at,
    7: _v7_team_sync,
    8: _v8_successive_blueprints,
    9: _v9_account_currency,
    10: _v10_letter_salutation,
    11: _v11_method_records,
    12: _v12_team_clock_offset,
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
