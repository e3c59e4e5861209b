"""The team server's schema in PostgreSQL: tables, group roles, grants and row-level security.

Who reads and writes which account is decided by the database itself: every login is a
member of one group role (leader, rep or viewer), the grants say what each group may do, and
row-level security policies say which accounts' rows a login sees. The app's own checks are
a courtesy on top. Each version's statements are frozen: a later change is a new version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

SCHEMA = "contactmap"
TEAM_SCHEMA_VERSION = 1
CHANGES_LOCK = 0x434D4151  # an advisory lock's number: "CMAQ"
# Group roles are cluster-wide in PostgreSQL: one team per server cluster (docs/team-server.md).
ROLE_GROUPS: Mapping[str, str] = {
    "leader": "contactmap_leader",
    "rep": "contactmap_rep",
    "viewer": "contactmap_viewer",
}


def _create_group(name: str) -> str:
    # CREATE ROLE has no IF NOT EXISTS; a second team database on the cluster reuses them.
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') "
            f"THEN CREATE ROLE {name} NOLOGIN; END IF; END $$")


_LEADER, _REP, _VIEWER = ROLE_GROUPS["leader"], ROLE_GROUPS["rep"], ROLE_GROUPS["viewer"]
_ALL = f"{_LEADER}, {_REP}, {_VIEWER}"
_WRITERS = f"{_LEADER}, {_REP}"

_V1: Sequence[str] = (
    *(_create_group(name) for name in ROLE_GROUPS.values()),
    f"CREATE SCHEMA {SCHEMA}",
    f"CREATE TABLE {SCHEMA}.schema_version (version integer NOT NULL)",
    # The accounts the team shares; an account lives on the server once someone shared it.
    f"""CREATE TABLE {SCHEMA}.accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_by name NOT NULL DEFAULT current_user,
        created_at timestamptz NOT NULL DEFAULT now())""",
    f"""CREATE TABLE {SCHEMA}.shares (
        account_id text NOT NULL REFERENCES {SCHEMA}.accounts (id) ON DELETE CASCADE,
        login name NOT NULL,
        shared_by name NOT NULL DEFAULT current_user,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, login))""",
    # Every change any laptop sent, never updated or deleted: the team's full history.
    # ``fields`` holds the record's changed columns as in an account file, ``bases`` the
    # stamps those fields had where the change was made (to tell concurrent edits apart).
    f"""CREATE TABLE {SCHEMA}.changes (
        seq bigserial PRIMARY KEY,
        change_id uuid NOT NULL UNIQUE,
        account_id text NOT NULL REFERENCES {SCHEMA}.accounts (id),
        section text NOT NULL,
        record_key text NOT NULL,
        fields jsonb NOT NULL,
        bases jsonb NOT NULL,
        stamp text NOT NULL,
        login name NOT NULL DEFAULT current_user,
        received_at timestamptz NOT NULL DEFAULT now())""",
    f"CREATE INDEX changes_account_seq ON {SCHEMA}.changes (account_id, seq)",
    # Senders take turns, so changes commit in the order of their numbers: a laptop that
    # fetched up to number n never misses a change numbered below n committed later.
    f"""CREATE FUNCTION {SCHEMA}.changes_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_advisory_xact_lock({CHANGES_LOCK}); RETURN NULL; END $$""",
    f"""CREATE TRIGGER changes_in_order BEFORE INSERT ON {SCHEMA}.changes
        FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.changes_in_order()""",
    # SECURITY DEFINER: the policies ask these as the schema's owner, which row security
    # does not filter (a policy on accounts reading shares, and back, would recurse). As
    # uncorrelated subqueries they run once per statement, not once per row.
    f"""CREATE FUNCTION {SCHEMA}.readable_accounts(who name) RETURNS SETOF text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
        SELECT a.id FROM {SCHEMA}.accounts a
        WHERE pg_has_role(who, '{_LEADER}', 'MEMBER') OR a.created_by = who
            OR EXISTS (SELECT FROM {SCHEMA}.shares s
                       WHERE s.account_id = a.id AND s.login = who) $$""",
    f"""CREATE FUNCTION {SCHEMA}.writable_accounts(who name) RETURNS SETOF text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
        SELECT r FROM {SCHEMA}.readable_accounts(who) r
        WHERE pg_has_role(who, '{_LEADER}', 'MEMBER') OR pg_has_role(who, '{_REP}', 'MEMBER')
        $$""",
    f"REVOKE ALL ON FUNCTION {SCHEMA}.readable_accounts(name) FROM PUBLIC",
    f"REVOKE ALL ON FUNCTION {SCHEMA}.writable_accounts(name) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION {SCHEMA}.readable_accounts(name), "
    f"{SCHEMA}.writable_accounts(name) TO {_ALL}",
    f"GRANT USAGE ON SCHEMA {SCHEMA} TO {_ALL}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {_ALL}",
    f"GRANT INSERT ON {SCHEMA}.accounts, {SCHEMA}.shares, {SCHEMA}.changes TO {_WRITERS}",
    f"GRANT UPDATE (name) ON {SCHEMA}.accounts TO {_WRITERS}",
    f"GRANT DELETE ON {SCHEMA}.shares TO {_WRITERS}",
    f"GRANT USAGE ON SEQUENCE {SCHEMA}.changes_seq_seq TO {_WRITERS}",
    *(f"ALTER TABLE {SCHEMA}.{t} ENABLE ROW LEVEL SECURITY"
      for t in ("accounts", "shares", "changes")),
    # Its creator's own row passes before it exists (INSERT … ON CONFLICT checks it).
    f"""CREATE POLICY read_shared ON {SCHEMA}.accounts FOR SELECT
        USING (created_by = current_user
               OR id IN (SELECT {SCHEMA}.readable_accounts(current_user)))""",
    f"""CREATE POLICY create_own ON {SCHEMA}.accounts FOR INSERT
        WITH CHECK (created_by = current_user)""",
    f"""CREATE POLICY rename_writable ON {SCHEMA}.accounts FOR UPDATE
        USING (id IN (SELECT {SCHEMA}.writable_accounts(current_user)))""",
    f"""CREATE POLICY read_shared ON {SCHEMA}.shares FOR SELECT
        USING (account_id IN (SELECT {SCHEMA}.readable_accounts(current_user)))""",
    f"""CREATE POLICY share_writable ON {SCHEMA}.shares FOR INSERT
        WITH CHECK (shared_by = current_user
                    AND account_id IN (SELECT {SCHEMA}.writable_accounts(current_user)))""",
    f"""CREATE POLICY unshare_writable ON {SCHEMA}.shares FOR DELETE
        USING (account_id IN (SELECT {SCHEMA}.writable_accounts(current_user)))""",
    f"""CREATE POLICY read_shared ON {SCHEMA}.changes FOR SELECT
        USING (account_id IN (SELECT {SCHEMA}.readable_accounts(current_user)))""",
    # The login is the server's word for who made a change: nobody can sign as another.
    f"""CREATE POLICY write_writable ON {SCHEMA}.changes FOR INSERT
        WITH CHECK (login = current_user
                    AND account_id IN (SELECT {SCHEMA}.writable_accounts(current_user)))""",
)

# Key: the version a step upgrades to.
TEAM_MIGRATIONS: Mapping[int, Sequence[str]] = {1: _V1}
