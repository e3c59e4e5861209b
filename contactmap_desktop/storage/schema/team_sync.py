"""The laptop's side of team sync (schema 7): link, shadows, outbox, conflicts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from contactmap_desktop.storage.schema.base import Base

# The laptop's side of syncing with the team server (services/team_sync.py). Record keys are
# the JSON array of a row's primary key; fields and stamps are JSON objects by column.


class TeamLinkRow(Base):
    """The team server this workspace syncs with: at most one row, never a password."""

    __tablename__ = "team_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    login: Mapped[str] = mapped_column(String)
    laptop_id: Mapped[str] = mapped_column(String(36))
    # The hybrid logical clock's last stamp, so this laptop's stamps only grow.
    clock: Mapped[str] = mapped_column(String, default="")
    role: Mapped[str] = mapped_column(String, default="")
    # How far the server's clock was ahead of this laptop's at the last sync (schema 12):
    # edits are dated by the server's time (services/clock.py, ServerTime).
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class TeamAccountRow(Base):
    """An account synced with the team server, and how far its changes were fetched."""

    __tablename__ = "team_accounts"

    account_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fetched_seq: Mapped[int] = mapped_column(Integer, default=0)


class TeamDirtyRow(Base):
    """A record written here since its changes were last taken for sending (by triggers)."""

    __tablename__ = "team_dirty"

    section: Mapped[str] = mapped_column(String, primary_key=True)
    record_key: Mapped[str] = mapped_column(Text, primary_key=True)


class TeamShadowRow(Base):
    """A synced record's fields as last agreed, and the stamp each field's value carries."""

    __tablename__ = "team_shadow"
    __table_args__ = (Index("ix_team_shadow_account", "account_id"),)

    section: Mapped[str] = mapped_column(String, primary_key=True)
    record_key: Mapped[str] = mapped_column(Text, primary_key=True)
    account_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text)
    stamps: Mapped[str] = mapped_column(Text)


class TeamOutboxRow(Base):
    """A change made here, waiting to be sent; a refused one (a viewer's) stays, marked."""

    __tablename__ = "team_outbox"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    account_id: Mapped[str] = mapped_column(String(36))
    section: Mapped[str] = mapped_column(String)
    record_key: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text)
    bases: Mapped[str] = mapped_column(Text)
    stamp: Mapped[str] = mapped_column(String)
    refused: Mapped[str] = mapped_column(Text, default="")


class TeamConflictRow(Base):
    """Two laptops changed the same field at once: the newer value was kept, this one lost."""

    __tablename__ = "team_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(36), index=True)
    section: Mapped[str] = mapped_column(String)
    record_key: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String)
    kept: Mapped[str] = mapped_column(Text)  # JSON values, as in an account file
    lost: Mapped[str] = mapped_column(Text)
    kept_stamp: Mapped[str] = mapped_column(String)
    lost_stamp: Mapped[str] = mapped_column(String)
    kept_by: Mapped[str] = mapped_column(String)  # logins; empty: made here, not yet sent
    lost_by: Mapped[str] = mapped_column(String)
    found_at: Mapped[datetime] = mapped_column(DateTime)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
