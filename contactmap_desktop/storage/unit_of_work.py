"""One short transaction per user operation: commit on success, roll back on any error."""

from __future__ import annotations

import contextlib
from types import TracebackType

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import StorageError
from contactmap_desktop.storage.database import READS_ONLY, Workspace
from contactmap_desktop.storage.io_errors import describe_sqlite_error
from contactmap_desktop.storage.repositories import Repositories


def _storage_failure(error: BaseException | None) -> StorageError | None:
    """A disk-level failure (full, read-only, I/O error) as a StorageError; None otherwise."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    if cause is None:
        return None
    reason = describe_sqlite_error(cause)
    if reason is None:
        return None
    return StorageError(f"The change was not saved: {reason}. Nothing was written.")


class UnitOfWork:
    """``with UnitOfWork(workspace) as uow: uow.repos...`` — committed when the block ends.

    A write the disk refuses (full, read-only, failing) is rolled back and raised as a
    StorageError; the file keeps its previous state, as SQLite's journal guarantees.
    """

    def __init__(self, workspace: Workspace, *, read_only: bool = False) -> None:
        """``read_only``: the block only reads; it waits for no writer (it reads the last
        committed state) and anything it wrote would be rolled back."""
        self._workspace = workspace
        self._read_only = read_only
        self._session: Session | None = None

    def __enter__(self) -> Repositories:
        self._session = self._workspace.session()
        try:
            self._session.begin()
            # The write lock is taken at BEGIN IMMEDIATE, so open the connection now: a
            # read-only or locked file is reported here, before any work is done.
            self._session.connection(
                execution_options={READS_ONLY: True} if self._read_only else None)
        except (DBAPIError, OSError) as error:
            self._session.close()
            self._session = None
            failure = _storage_failure(error)
            if failure is None:
                raise
            raise failure from error
        return Repositories(self._session)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._session is not None
        session, self._session = self._session, None
        try:
            if exc_type is None and self._read_only:
                session.rollback()
            elif exc_type is None:
                try:
                    session.commit()
                except (DBAPIError, OSError) as error:
                    with contextlib.suppress(SQLAlchemyError, OSError):
                        session.rollback()
                    failure = _storage_failure(error)
                    if failure is None:
                        raise
                    raise failure from error
            else:
                with contextlib.suppress(SQLAlchemyError, OSError):
                    session.rollback()
                failure = _storage_failure(exc)
                if failure is not None:
                    raise failure from exc
        finally:
            session.close()
