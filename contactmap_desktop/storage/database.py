"""Opening, creating and copying a workspace file with the connection settings we rely on."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from contactmap_desktop.domain.errors import DamagedWorkspaceError, StorageError, WorkspaceError
from contactmap_desktop.domain.export_targets import side_file_refusal
from contactmap_desktop.storage.checkpoints import WalCheckpointer
from contactmap_desktop.storage.file_check import check_workspace_file
from contactmap_desktop.storage.io_errors import describe_sqlite_error
from contactmap_desktop.storage.migrations import FIRST_SCHEMA_VERSION, migrate
from contactmap_desktop.storage.private_files import (
    ensure_private_dir,
    fsync_dir,
    make_private_file,
)
from contactmap_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, Base

# Called with the file and its old schema version before an upgrade changes it.
BeforeUpgrade = Callable[[Path, int], object]

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


def _configure_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


# The execution option of a unit of work that only reads (``UnitOfWork(read_only=True)``).
READS_ONLY = "contactmap_reads_only"


def _begin(connection: Any) -> None:
    # A write takes the lock at BEGIN, so it never fails half way for a lock; a unit of work
    # that only reads takes none: in WAL mode it reads its snapshot while a sync or an
    # import writes, instead of waiting for their commit.
    if connection.get_execution_options().get(READS_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_read(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def _connector(path: Path, read_only: bool) -> Callable[[], sqlite3.Connection]:
    """Connections to exactly ``path``: the name is never parsed as a URL, so ``?``, ``#`` or
    ``%41`` in it address the chosen file (a URL built by formatting addressed another)."""
    if read_only:
        # SQLite's own file: URI is the only way to say read-only; as_uri() escapes every
        # character that a URI would read as syntax.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    target = str(path)
    return lambda: sqlite3.connect(target, check_same_thread=False)


def _make_engine(path: Path, read_only: bool = False) -> Engine:
    # A file database's usual pool; the empty URL only names the dialect.
    engine = create_engine("sqlite://", creator=_connector(path, read_only),
                           poolclass=QueuePool)
    if read_only:
        # Viewing only (another copy of the app holds the lock): SQLite refuses every write.
        event.listen(engine, "connect", _configure_read_only)
        event.listen(engine, "begin", _begin_read)
        return engine
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _restrict_permissions(path: Path) -> None:
    """Workspaces hold client notes: readable by the user only (POSIX)."""
    make_private_file(path)


class Workspace:
    """An open workspace file; hands out sessions for units of work."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False,
                 damage: str | None = None) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        # Why the file failed its integrity check, when it is open only to be looked at.
        self.damage = damage
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self._checkpointer: WalCheckpointer | None = None
        # Only a file has a WAL to copy in (the storage tests also run on PostgreSQL).
        if not read_only and engine.dialect.name == "sqlite":
            checkpointer = self._checkpointer = WalCheckpointer(engine)
            event.listen(engine, "commit", lambda _connection: checkpointer.committed())

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        read_only: bool = False,
        before_upgrade: BeforeUpgrade | None = None,
        view_damaged: bool = False,
    ) -> Workspace:
        """Open ``path``; create a new empty workspace if it does not exist and ``create``.

        A file that is not a workspace, is damaged or is from a newer version raises
        WorkspaceError and is left byte-for-byte as it was. A file of an older schema is
        upgraded in one transaction, after ``before_upgrade`` (which takes a backup) ran.
        With ``view_damaged``, a file failing SQLite's integrity check opens read-only, its
        ``damage`` saying why, instead of raising DamagedWorkspaceError.
        """
        path = Path(path).expanduser()
        if not path.exists():
            if not create or read_only:
                raise WorkspaceError(f"{path} does not exist.")
            return cls._create(path)
        try:
            version = check_workspace_file(path)
        except DamagedWorkspaceError as error:
            if not view_damaged:
                raise
            # Nothing more may be written to it: any write could spread the damage.
            return cls(path, _make_engine(path, read_only=True), read_only=True,
                       damage=str(error))
        if version < FIRST_SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path} says it is schema version {version}, which no version of ContactMap "
                "writes (the first is 1): it is not a workspace this app can open. It was left "
                "as it was."
            )
        if read_only:
            if version < SCHEMA_VERSION:
                raise WorkspaceError(
                    f"{path} needs an upgrade to this version's format, which cannot be done "
                    "while it is only being viewed."
                )
            return cls(path, _make_engine(path, read_only=True), read_only=True)
        engine = _make_engine(path)
        if version < SCHEMA_VERSION:
            if before_upgrade is not None:
                before_upgrade(path, version)
            try:
                with engine.begin() as connection:
                    migrate(connection, version, SCHEMA_VERSION)
            except DBAPIError as error:
                engine.dispose()
                reason = describe_sqlite_error(error.orig) if error.orig else None
                if reason is None:
                    # The tables are not those of the version the file claims (a file
                    # stamped by hand, or changed by another program).
                    raise WorkspaceError(
                        f"{path} says it is schema version {version}, but its tables are not "
                        f"what that version wrote (SQLite: {error.orig}); it cannot be "
                        "upgraded. The file was left as it was."
                    ) from None
                raise StorageError(
                    f"{path} could not be upgraded to this version's format: {reason}. "
                    "The file was left as it was."
                ) from None
        return cls(path, engine)

    @classmethod
    def _create(cls, path: Path) -> Workspace:
        try:
            if not path.parent.exists():
                ensure_private_dir(path.parent)
            path.touch(exist_ok=False)
        except OSError as error:
            raise WorkspaceError(f"Cannot create {path}: {error.strerror}.") from None
        _restrict_permissions(path)
        engine = _make_engine(path)
        try:
            with engine.begin() as connection:
                Base.metadata.create_all(connection)
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except DBAPIError as error:
            engine.dispose()
            # A half-made file would later be refused as "not a workspace": remove it.
            for leftover in (path, path.with_name(path.name + "-wal"),
                             path.with_name(path.name + "-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            reason = describe_sqlite_error(error.orig) if error.orig else None
            raise StorageError(f"Cannot create {path}: {reason or error.orig}.") from None
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
        refusal = side_file_refusal(target)
        if refusal is not None:
            raise WorkspaceError(f"Cannot write the copy to {target}: {refusal}.")
        partial = target.with_name(target.name + ".partial")
        try:
            partial.unlink(missing_ok=True)
            os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            source = sqlite3.connect(self.path)
            try:
                destination = sqlite3.connect(partial)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
            os.replace(partial, target)
            fsync_dir(target.parent)
        except (OSError, sqlite3.Error) as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            reason = describe_sqlite_error(error) or str(error)
            raise StorageError(f"Cannot write the copy to {target}: {reason}.") from None

    def close(self) -> None:
        """Copy every committed edit into the main file, then let go of it."""
        if self._checkpointer is not None:
            self._checkpointer.close()
        self.engine.dispose()
