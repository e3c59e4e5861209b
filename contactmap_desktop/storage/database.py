"""Opening, creating and copying a workspace file with the connection settings we rely on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from contactmap_desktop.domain.errors import WorkspaceError
from contactmap_desktop.storage.file_check import check_workspace_file
from contactmap_desktop.storage.migrations import migrate
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, Base

BUSY_TIMEOUT_MS = 5000


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 would open transactions implicitly and break transactional DDL;
    # autocommit at the driver plus an explicit BEGIN (below) is SQLAlchemy's documented recipe.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed edit is on disk even if the machine loses power right after.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _restrict_permissions(path: Path) -> None:
    """Workspaces hold client notes: readable by the user only (POSIX)."""
    if os.name == "posix":
        path.chmod(0o600)


class Workspace:
    """An open workspace file; hands out sessions for units of work."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Workspace:
        """Open ``path``; create a new empty workspace if it does not exist and ``create``.

        A file that is not a workspace, is damaged or is from a newer version raises
        WorkspaceError and is left byte-for-byte as it was.
        """
        path = Path(path).expanduser()
        if not path.exists():
            if not create:
                raise WorkspaceError(f"{path} does not exist.")
            return cls._create(path)
        version = check_workspace_file(path)
        engine = _make_engine(path)
        if version < SCHEMA_VERSION:
            with engine.begin() as connection:
                migrate(connection, version, SCHEMA_VERSION)
        return cls(path, engine)

    @classmethod
    def _create(cls, path: Path) -> Workspace:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=False)
        except OSError as error:
            raise WorkspaceError(f"Cannot create {path}: {error.strerror}.") from None
        _restrict_permissions(path)
        engine = _make_engine(path)
        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # Put the header in the main file now, so the read-only check sees it at once
        # (outside any transaction: a checkpoint cannot run inside one).
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        return cls(path, engine)

    def session(self) -> Session:
        return self.session_factory()

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the live file through SQLite's online backup API."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise WorkspaceError("Choose a different file: a copy cannot replace the workspace.")
        partial = target.with_name(target.name + ".partial")
        try:
            source = sqlite3.connect(self.path)
            try:
                destination = sqlite3.connect(partial)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
            _restrict_permissions(partial)
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            partial.unlink(missing_ok=True)
            raise WorkspaceError(f"Cannot write the copy to {target}: {error}.") from None

    def close(self) -> None:
        self.engine.dispose()
