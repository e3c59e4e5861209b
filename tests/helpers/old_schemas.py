"""Workspace files as older versions of the app wrote them, for migration tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

APPLICATION_ID = 0x434D4150

# Schema version 1, frozen: do not edit when the schema changes.
V1_DDL = """
CREATE TABLE accounts (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR NOT NULL, 
	industry VARCHAR NOT NULL, 
	stage VARCHAR NOT NULL, 
	annual_value INTEGER NOT NULL, 
	renewal_date DATE, 
	notes TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	PRIMARY KEY (id)
);
CREATE TABLE team_members (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	seniority VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE account_team (
	account_id VARCHAR(36) NOT NULL, 
	team_member_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (account_id, team_member_id), 
	FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_member_id) REFERENCES team_members (id) ON DELETE CASCADE
);
CREATE TABLE stakeholders (
	id VARCHAR(36) NOT NULL, 
	account_id VARCHAR(36) NOT NULL, 
	name VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	department VARCHAR NOT NULL, 
	seniority VARCHAR NOT NULL, 
	roles VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	phone VARCHAR NOT NULL, 
	reports_to_id VARCHAR(36), 
	notes TEXT NOT NULL, 
	position INTEGER NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, 
	FOREIGN KEY(reports_to_id) REFERENCES stakeholders (id) ON DELETE SET NULL
);
CREATE TABLE grade_changes (
	id VARCHAR(36) NOT NULL, 
	team_member_id VARCHAR(36) NOT NULL, 
	stakeholder_id VARCHAR(36) NOT NULL, 
	old_grade VARCHAR(1), 
	new_grade VARCHAR(1), 
	changed_at DATETIME NOT NULL, 
	note TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(team_member_id) REFERENCES team_members (id) ON DELETE CASCADE, 
	FOREIGN KEY(stakeholder_id) REFERENCES stakeholders (id) ON DELETE CASCADE
);
CREATE INDEX ix_grade_changes_cell ON grade_changes (stakeholder_id, team_member_id);
CREATE TABLE relationships (
	team_member_id VARCHAR(36) NOT NULL, 
	stakeholder_id VARCHAR(36) NOT NULL, 
	grade VARCHAR(1), 
	is_key BOOLEAN NOT NULL, 
	focus_days INTEGER, 
	focus_due DATE, 
	needs_filling BOOLEAN NOT NULL, 
	note TEXT NOT NULL, 
	reviewed_at DATETIME, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (team_member_id, stakeholder_id), 
	FOREIGN KEY(team_member_id) REFERENCES team_members (id) ON DELETE CASCADE, 
	FOREIGN KEY(stakeholder_id) REFERENCES stakeholders (id) ON DELETE CASCADE
);
"""

V1_ROWS = """
INSERT INTO accounts VALUES ('a1', 'Old Account', 'Retail', 'pilot', 1000, NULL, '',
  '2024-01-01 00:00:00.000000', NULL);
INSERT INTO stakeholders VALUES ('s1', 'a1', 'Olga Old', 'COO', 'Ops', 'executive', 'P', '', '',
  NULL, '', 0, '2024-01-01 00:00:00.000000', NULL);
INSERT INTO team_members VALUES ('t1', 'Tim Team', 'AE', 'manager', '',
  '2024-01-01 00:00:00.000000');
INSERT INTO account_team VALUES ('a1', 't1', 0);
INSERT INTO relationships VALUES ('t1', 's1', 'O', 0, NULL, NULL, 0, '',
  '2024-01-01 00:00:00.000000', '2024-01-01 00:00:00.000000');
INSERT INTO grade_changes VALUES ('g1', 't1', 's1', NULL, 'O', '2024-01-01 00:00:00.000000', '');
"""


def write_v1_workspace(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(V1_DDL + V1_ROWS)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


# Schema version 2, frozen: version 1 plus leverage links and settings.
V2_DDL = """
CREATE TABLE leverage_links (
 source_team_member_id VARCHAR(36) NOT NULL,
 source_stakeholder_id VARCHAR(36) NOT NULL,
 target_team_member_id VARCHAR(36) NOT NULL,
 target_stakeholder_id VARCHAR(36) NOT NULL,
 PRIMARY KEY (source_team_member_id, source_stakeholder_id,
 target_team_member_id, target_stakeholder_id));
CREATE TABLE settings (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL);
"""

V2_ROWS = """
INSERT INTO stakeholders VALUES ('s2', 'a1', 'Pat Peer', 'CFO', 'Finance', 'executive', 'A', '',
  '', NULL, '', 1, '2024-02-01 00:00:00.000000', NULL);
INSERT INTO relationships VALUES ('t1', 's2', 'I', 0, NULL, NULL, 0, '',
  '2024-02-01 00:00:00.000000', '2024-02-01 00:00:00.000000');
INSERT INTO leverage_links VALUES ('t1', 's1', 't1', 's2');
INSERT INTO settings VALUES ('company_name', '"Old Co"');
"""


def write_v2_workspace(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(V1_DDL + V1_ROWS + V2_DDL + V2_ROWS)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()


# Schema version 3, frozen: version 2 plus Contact Blueprints, their cells and strategies.
V3_DDL = """
CREATE TABLE blueprints (
 id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL, stakeholder_id VARCHAR(36) NOT NULL,
 goal VARCHAR(1) NOT NULL, tactics TEXT NOT NULL, messages TEXT NOT NULL,
 resources TEXT NOT NULL, owner_id VARCHAR(36), due_date DATE, status VARCHAR NOT NULL,
 notes TEXT NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
 PRIMARY KEY (id),
 FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE,
 FOREIGN KEY(stakeholder_id) REFERENCES stakeholders (id) ON DELETE CASCADE,
 FOREIGN KEY(owner_id) REFERENCES team_members (id) ON DELETE SET NULL);
CREATE TABLE blueprint_cells (
 blueprint_id VARCHAR(36) NOT NULL, team_member_id VARCHAR(36) NOT NULL,
 stakeholder_id VARCHAR(36) NOT NULL, position INTEGER NOT NULL,
 PRIMARY KEY (blueprint_id, team_member_id, stakeholder_id),
 FOREIGN KEY(blueprint_id) REFERENCES blueprints (id) ON DELETE CASCADE);
CREATE UNIQUE INDEX ux_blueprint_cells_cell ON blueprint_cells (team_member_id, stakeholder_id);
CREATE TABLE blueprint_strategies (
 blueprint_id VARCHAR(36) NOT NULL, strategy VARCHAR NOT NULL, position INTEGER NOT NULL,
 PRIMARY KEY (blueprint_id, strategy),
 FOREIGN KEY(blueprint_id) REFERENCES blueprints (id) ON DELETE CASCADE);
"""

V3_ROWS = """
INSERT INTO blueprints VALUES ('b1', 'a1', 's2', 'S', 'Lunch', '', '', 't1', '2024-04-01',
  'planned', '', '2024-03-01 00:00:00.000000', '2024-03-01 00:00:00.000000');
INSERT INTO blueprint_cells VALUES ('b1', 't1', 's2', 0);
INSERT INTO blueprint_strategies VALUES ('b1', 'reciprocity', 0);
"""


def write_v3_workspace(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(V1_DDL + V1_ROWS + V2_DDL + V2_ROWS + V3_DDL + V3_ROWS)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()


# Schema version 4, frozen: version 3 plus sponsor letters.
V4_DDL = """
CREATE TABLE sponsor_letters (
 id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL, letter_date DATE NOT NULL,
 subject VARCHAR NOT NULL, addressee_id VARCHAR(36), addressee_name VARCHAR NOT NULL,
 addressee_title VARCHAR NOT NULL, addressee_company VARCHAR NOT NULL, sender_id VARCHAR(36),
 sender_name VARCHAR NOT NULL, sender_title VARCHAR NOT NULL, signature TEXT NOT NULL,
 pains TEXT NOT NULL, current_method TEXT NOT NULL, results TEXT NOT NULL, impact TEXT NOT NULL,
 solution TEXT NOT NULL, value TEXT NOT NULL, milestones TEXT NOT NULL,
 closing_note TEXT NOT NULL, based_on_id VARCHAR(36), created_at DATETIME NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE,
 FOREIGN KEY(addressee_id) REFERENCES stakeholders (id) ON DELETE SET NULL,
 FOREIGN KEY(sender_id) REFERENCES team_members (id) ON DELETE SET NULL);
CREATE INDEX ix_sponsor_letters_account_id ON sponsor_letters (account_id);
"""

V4_ROWS = """
INSERT INTO sponsor_letters VALUES ('l1', 'a1', '2024-05-01', 'Next steps', 's1', 'Olga Old',
  'COO', 'Old Account', 't1', 'Tim Team', 'AE', '', '[{"quote": "Too slow", "said_by": "Olga"}]',
  '', '', '', '', '', '[{"step": "Pilot", "owner": "Olga", "due": "2024-06-01", "criterion": ""}]',
  '', NULL, '2024-05-01 00:00:00.000000', '2024-05-01 00:00:00.000000');
"""


def write_v4_workspace(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(V1_DDL + V1_ROWS + V2_DDL + V2_ROWS + V3_DDL + V3_ROWS + V4_DDL
                             + V4_ROWS)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 4")
    connection.commit()
    connection.close()


# Schema version 5, frozen: version 4 plus the account lifecycle (stage history, engagements
# with their criteria, reviews, commitments and metrics, review meetings, competitors).
V5_DDL = """
CREATE TABLE account_stage_changes (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,
 stage VARCHAR NOT NULL, changed_on DATE NOT NULL, note TEXT NOT NULL, position INTEGER NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE);
CREATE INDEX ix_account_stage_changes_account_id ON account_stage_changes (account_id);
CREATE TABLE engagements (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,
 name VARCHAR NOT NULL, kind VARCHAR NOT NULL, status VARCHAR NOT NULL, value INTEGER NOT NULL,
 start_date DATE, end_date DATE, notes TEXT NOT NULL, origin_review_id VARCHAR(36),
 origin_problem INTEGER, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
 PRIMARY KEY (id), FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE);
CREATE INDEX ix_engagements_account_id ON engagements (account_id);
CREATE TABLE success_criteria (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL,
 text TEXT NOT NULL, agreed_by TEXT NOT NULL, position INTEGER NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(engagement_id) REFERENCES engagements (id) ON DELETE CASCADE);
CREATE INDEX ix_success_criteria_engagement_id ON success_criteria (engagement_id);
CREATE TABLE delivery_reviews (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL,
 stakeholder_id VARCHAR(36) NOT NULL, held_on DATE NOT NULL, verdict VARCHAR NOT NULL,
 notes TEXT NOT NULL, next_problem_1 TEXT NOT NULL, next_problem_2 TEXT NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(engagement_id) REFERENCES engagements (id) ON DELETE CASCADE);
CREATE INDEX ix_delivery_reviews_engagement_id ON delivery_reviews (engagement_id);
CREATE TABLE commitments (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL,
 step_date DATE NOT NULL, side VARCHAR NOT NULL, what TEXT NOT NULL, stakeholder_id VARCHAR(36),
 kind VARCHAR, team_member_id VARCHAR(36), status VARCHAR NOT NULL, position INTEGER NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(engagement_id) REFERENCES engagements (id) ON DELETE CASCADE);
CREATE INDEX ix_commitments_engagement_id ON commitments (engagement_id);
CREATE TABLE metrics (id VARCHAR(36) NOT NULL, engagement_id VARCHAR(36) NOT NULL,
 name VARCHAR NOT NULL, unit VARCHAR NOT NULL, target FLOAT NOT NULL, direction VARCHAR NOT NULL,
 measurements TEXT NOT NULL, position INTEGER NOT NULL, updated_at DATETIME NOT NULL,
 PRIMARY KEY (id), FOREIGN KEY(engagement_id) REFERENCES engagements (id) ON DELETE CASCADE);
CREATE INDEX ix_metrics_engagement_id ON metrics (engagement_id);
CREATE TABLE review_meetings (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,
 held_on DATE NOT NULL, our_attendees TEXT NOT NULL, client_attendees TEXT NOT NULL,
 notes TEXT NOT NULL, metrics_reviewed TEXT NOT NULL, our_ceo_present BOOLEAN NOT NULL,
 updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE);
CREATE INDEX ix_review_meetings_account_id ON review_meetings (account_id);
CREATE TABLE competitors (id VARCHAR(36) NOT NULL, account_id VARCHAR(36) NOT NULL,
 name VARCHAR NOT NULL, pitch TEXT NOT NULL, pitched_to VARCHAR NOT NULL, last_seen DATE,
 notes TEXT NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id),
 FOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE);
CREATE INDEX ix_competitors_account_id ON competitors (account_id);
"""

V5_ROWS = """
INSERT INTO team_members VALUES ('t2', 'Tess Second', 'SE', 'manager', '',
  '2024-06-01 00:00:00.000000');
INSERT INTO account_team VALUES ('a1', 't2', 1);
INSERT INTO account_stage_changes VALUES ('c1', 'a1', 'pilot', '2024-06-01', '', 0,
  '2024-06-01 00:00:00.000000');
INSERT INTO engagements VALUES ('e1', 'a1', 'Fleet pilot', 'pilot', 'active', 5000,
  '2024-06-01', NULL, '', NULL, NULL, '2024-06-01 00:00:00.000000',
  '2024-06-01 00:00:00.000000');
INSERT INTO success_criteria VALUES ('sc1', 'e1', 'Halve the planning time', '["s1"]', 0,
  '2024-06-01 00:00:00.000000');
INSERT INTO commitments VALUES ('cm1', 'e1', '2024-06-02', 'client', 'Shares route data', 's1',
  'data', NULL, 'fulfilled', 0, '2024-06-02 00:00:00.000000');
INSERT INTO metrics VALUES ('m1', 'e1', 'Planning hours', 'h', 10.0, 'at_most', '[]', 0,
  '2024-06-01 00:00:00.000000');
INSERT INTO review_meetings VALUES ('r1', 'a1', '2024-06-15', '["t1"]', '["s1"]', '', '[]', 0,
  '2024-06-15 00:00:00.000000');
INSERT INTO competitors VALUES ('k1', 'a1', 'Rival Inc', 'Cheaper', 'Pat Peer', NULL, '',
  '2024-06-15 00:00:00.000000');
"""


def write_v5_workspace(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(V1_DDL + V1_ROWS + V2_DDL + V2_ROWS + V3_DDL + V3_ROWS + V4_DDL
                             + V4_ROWS + V5_DDL + V5_ROWS)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 5")
    connection.commit()
    connection.close()


def write_v6_workspace(path: Path) -> None:
    """Version 5 plus the team rows' times (schema 6)."""
    write_v5_workspace(path)
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE account_team ADD COLUMN updated_at DATETIME"
                       " DEFAULT '1970-01-01 00:00:00.000000' NOT NULL")
    connection.execute("PRAGMA user_version = 6")
    connection.commit()
    connection.close()


def write_v7_workspace(path: Path) -> None:
    """Version 6 plus who made each grade change and the laptop's side of team sync."""
    from contactmap_desktop.storage.migrations import _V7_STATEMENTS

    write_v6_workspace(path)
    connection = sqlite3.connect(path)
    for statement in _V7_STATEMENTS:  # frozen DDL, as the version 7 app wrote it
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()


def write_v8_workspace(path: Path) -> None:
    """Version 7 plus successive plans per relationship and why a plan was closed."""
    write_v7_workspace(path)
    connection = sqlite3.connect(path)
    for statement in (  # frozen DDL, as the version 8 app wrote it
        "DROP INDEX ux_blueprint_cells_cell",
        "CREATE INDEX ix_blueprint_cells_cell ON blueprint_cells (team_member_id, stakeholder_id)",
        "ALTER TABLE blueprints ADD COLUMN closed_reason TEXT DEFAULT '' NOT NULL",
    ):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 8")
    connection.commit()
    connection.close()


def write_v9_workspace(path: Path) -> None:
    """Version 8 plus each account's currency."""
    write_v8_workspace(path)
    connection = sqlite3.connect(path)
    # Frozen DDL, as the version 9 app wrote it.
    connection.execute("ALTER TABLE accounts ADD COLUMN currency VARCHAR(3) DEFAULT '' NOT NULL")
    connection.execute("PRAGMA user_version = 9")
    connection.commit()
    connection.close()


def write_v10_workspace(path: Path) -> None:
    """Version 9 plus each letter's salutation."""
    write_v9_workspace(path)
    connection = sqlite3.connect(path)
    # Frozen DDL, as the version 10 app wrote it.
    connection.execute("ALTER TABLE sponsor_letters ADD COLUMN salutation VARCHAR DEFAULT ''"
                       " NOT NULL")
    connection.execute("PRAGMA user_version = 10")
    connection.commit()
    connection.close()


def write_v11_workspace(path: Path) -> None:
    """Version 10 plus review intervals, letters' agreement and answers to competitors."""
    write_v10_workspace(path)
    connection = sqlite3.connect(path)
    # Frozen DDL, as the version 11 app wrote it.
    for statement in (
        "ALTER TABLE accounts ADD COLUMN review_interval_days INTEGER",
        "ALTER TABLE sponsor_letters ADD COLUMN agreed_by VARCHAR DEFAULT '' NOT NULL",
        "ALTER TABLE sponsor_letters ADD COLUMN agreed_on DATE",
        "ALTER TABLE competitors ADD COLUMN our_answer TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE competitors ADD COLUMN product_request TEXT DEFAULT '' NOT NULL",
    ):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 11")
    connection.commit()
    connection.close()


# Every released schema version, for the upgrade tests: add the next one when you bump
# SCHEMA_VERSION (the version you replace becomes a released one).
WRITERS = {1: write_v1_workspace, 2: write_v2_workspace, 3: write_v3_workspace,
           4: write_v4_workspace, 5: write_v5_workspace, 6: write_v6_workspace,
           7: write_v7_workspace, 8: write_v8_workspace, 9: write_v9_workspace,
           10: write_v10_workspace, 11: write_v11_workspace}
