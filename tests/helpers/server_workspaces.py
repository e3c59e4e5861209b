"""Workspaces on the private PostgreSQL server, for storage and service tests run on both engines.

Each workspace a test opens by path gets a schema of one database on the server (a slot),
emptied when the test first opens it: a fresh database for the price of one TRUNCATE. Slots
are made once per run, as many as the most workspaces one test has open at once, and reused.
The path stays the workspace's name: its lock file, its location warning and the test's
checks of "new or existing" work as for a file, which is left empty as a marker. A workspace
file the test made first (a copy of the sample) is copied into the schema.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
from sqlalchemy import Engine, create_engine, insert, select

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.database import BeforeUpgrade, Workspace
from contactmap_desktop.storage.file_check import check_workspace_file
from contactmap_desktop.storage.schema import SCHEMA_VERSION, Base
from tests.helpers.postgres_server import SUPERUSER, PrivateServer

DATABASE = "workspaces"
# Children first, in one round trip: on a few rows, DELETE costs a fraction of TRUNCATE,
# which makes new files for every table and index. The one sequence starts again too.
_EMPTY = "; ".join([*(f'DELETE FROM "{table.name}"'
                      for table in reversed(Base.metadata.sorted_tables)),
                    "ALTER SEQUENCE team_outbox_position_seq RESTART"])


class ServerWorkspaces:
    """Maps the paths tests open to emptied schemas of one database on the private server."""

    def __init__(self, server: PrivateServer) -> None:
        self._server = server
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{DATABASE}"')
        self._slots: dict[str, Engine] = {}
        self._free: list[str] = []
        # Path → slot: the workspaces opened since the last release.
        self._opened: dict[Path, str] = {}
        self._engines: dict[str, list[Engine]] = {}

    def _url(self) -> str:
        # Over the server's Unix socket, which trusts local users: no password hashing per
        # connection, and tests open hundreds of them.
        return (f"postgresql+psycopg://{SUPERUSER}@/{DATABASE}"
                f"?host={self._server.folder}&port={self._server.port}")

    def _engine(self, slot: str, read_only: bool) -> Engine:
        # Far from UTC: a time with a zone stored into a column of naive UTC times would be
        # moved by hours here, and the tests that read it back would say so.
        options = f"-c search_path={slot} -c TimeZone=Pacific/Chatham"
        if read_only:
            options += " -c default_transaction_read_only=on"
        engine = create_engine(self._url(), connect_args={"options": options})
        self._engines.setdefault(slot, []).append(engine)
        return engine

    def _take_slot(self) -> str:
        if self._free:
            slot = self._free.pop()
        else:
            slot = f"w{len(self._slots) + 1}"
            # The slot's own connection, kept for the run: it empties the slot for each test.
            self._slots[slot] = create_engine(
                self._url(), connect_args={"options": f"-c search_path={slot}"})
            with self._slots[slot].begin() as connection:
                connection.exec_driver_sql(f"CREATE SCHEMA {slot}")
                Base.metadata.create_all(connection)
        with self._slots[slot].begin() as connection:
            # A test that left a workspace open would hold locks: fail, not hang.
            connection.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
            connection.exec_driver_sql(_EMPTY)
        return slot

    def open(self, path: Path, *, create: bool = True, read_only: bool = False,
             before_upgrade: BeforeUpgrade | None = None,
             view_damaged: bool = False) -> Workspace:
        """Workspace.open's contract, on the server: a new path is a new empty workspace."""
        del before_upgrade, view_damaged  # no old or damaged files on the server
        path = Path(path).expanduser()
        key = path.resolve()
        slot = self._opened.get(key)
        if slot is None:
            if not path.exists() and (not create or read_only):
                raise WorkspaceError(f"{path} does not exist.")
            slot = self._opened[key] = self._take_slot()
            if path.exists():
                self._copy_file(path, slot)
            else:
                path.touch()
        return Workspace(path, self._engine(slot, read_only), read_only=read_only)

    def _copy_file(self, path: Path, slot: str) -> None:
        """A workspace file the test made (a copy of the sample…) becomes the slot's rows."""
        if check_workspace_file(path) != SCHEMA_VERSION:
            raise AssertionError(f"{path} is a file of an older schema: a test of upgrading "
                                 "files is marked sqlite_only.")
        uri = f"{path.resolve().as_uri()}?mode=ro"
        source = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
        try:
            with source.connect() as reading, self._engine(slot, False).begin() as writing:
                writing.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
                for table in Base.metadata.sorted_tables:
                    rows = [dict(row._mapping) for row in reading.execute(select(table))]
                    if rows:
                        writing.execute(insert(table), rows)
        finally:
            source.dispose()

    def paths(self) -> set[Path]:
        """The paths of the workspaces open on the server now."""
        return set(self._opened)

    def release(self, keep: set[Path]) -> None:
        """Let go of every workspace but ``keep``: engines closed, slots free for the next."""
        for key in self.paths() - keep:
            slot = self._opened.pop(key)
            for engine in self._engines.pop(slot, []):
                engine.dispose()
            self._free.append(slot)
