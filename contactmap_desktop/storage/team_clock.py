"""This laptop's clock offset from the team server's, as the last sync measured it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.schema import TeamLinkRow
from contactmap_desktop.storage.unit_of_work import UnitOfWork


def stored_clock_offset(workspace: Workspace) -> timedelta:
    """How far the server's clock was ahead of this laptop's (zero before any sync)."""
    try:
        with UnitOfWork(workspace, read_only=True) as repos:
            offset_ms = repos.session.scalar(select(TeamLinkRow.clock_offset_ms))
    except (SQLAlchemyError, ContactMapError):  # a file too old to upgrade, opened to view
        return timedelta()
    return timedelta(milliseconds=offset_ms or 0)
