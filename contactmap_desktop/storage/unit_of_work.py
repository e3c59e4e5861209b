"""One short transaction per user operation: commit on success, roll back on any error."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories


class UnitOfWork:
    """``with UnitOfWork(workspace) as uow: uow.repos...`` — committed when the block ends."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._session: Session | None = None

    def __enter__(self) -> Repositories:
        self._session = self._workspace.session()
        self._session.begin()
        return Repositories(self._session)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            if exc_type is None:
                self._session.commit()
            else:
                self._session.rollback()
        finally:
            self._session.close()
            self._session = None
