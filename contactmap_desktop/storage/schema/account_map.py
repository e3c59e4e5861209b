"""Accounts, their people, the map's cells and grade changes, and workspace settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from contactmap_desktop.storage.schema.base import EPOCH, Base


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String)
    industry: Mapped[str] = mapped_column(String, default="")
    stage: Mapped[str] = mapped_column(String, default="prospect")
    annual_value: Mapped[int] = mapped_column(Integer, default=0)
    renewal_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Deletion is soft until the workspace is next opened, so that it can be undone.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # ISO 4217 code of the account's amounts; "" until one is chosen (schema 9).
    currency: Mapped[str] = mapped_column(String(3), default="", server_default=text("''"))
    # Days between business reviews when this account departs from its value tier's cadence
    # (schema 11): the article says to tweak the schedule; None follows the tier.
    review_interval_days: Mapped[int | None] = mapped_column(Integer, nullable=True)


class StakeholderRow(Base):
    __tablename__ = "stakeholders"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String, default="")
    department: Mapped[str] = mapped_column(String, default="")
    seniority: Mapped[str] = mapped_column(String, default="manager")
    roles: Mapped[str] = mapped_column(String, default="")  # badges, e.g. "PE"
    email: Mapped[str] = mapped_column(String, default="")
    phone: Mapped[str] = mapped_column(String, default="")
    reports_to_id: Mapped[str | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TeamMemberRow(Base):
    __tablename__ = "team_members"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String, default="")
    seniority: Mapped[str] = mapped_column(String, default="manager")
    email: Mapped[str] = mapped_column(String, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AccountTeamRow(Base):
    """Membership of a team member in an account's team, with its row order."""

    __tablename__ = "account_team"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    team_member_id: Mapped[str] = mapped_column(
        ForeignKey("team_members.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Set whenever the membership or its position is written (schema 6), so that a reordered
    # team travels in account files; the epoch marks rows older than that.
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=EPOCH, server_default=text("'1970-01-01 00:00:00.000000'"))


class RelationshipRow(Base):
    __tablename__ = "relationships"

    team_member_id: Mapped[str] = mapped_column(
        ForeignKey("team_members.id", ondelete="CASCADE"), primary_key=True
    )
    stakeholder_id: Mapped[str] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), primary_key=True
    )
    grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)
    focus_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    focus_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    needs_filling: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class LeverageLinkRow(Base):
    """A Trust or Open relationship used to improve another one."""

    __tablename__ = "leverage_links"

    source_team_member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source_stakeholder_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target_team_member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target_stakeholder_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class GradeChangeRow(Base):
    __tablename__ = "grade_changes"
    __table_args__ = (Index("ix_grade_changes_cell", "stakeholder_id", "team_member_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team_member_id: Mapped[str] = mapped_column(
        ForeignKey("team_members.id", ondelete="CASCADE")
    )
    stakeholder_id: Mapped[str] = mapped_column(ForeignKey("stakeholders.id", ondelete="CASCADE"))
    old_grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    new_grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    # Who made the change or the review (schema 7): the login on this laptop when made here
    # (the team server may put its own login there); empty for changes older than that.
    changed_by: Mapped[str] = mapped_column(
        String, default="", server_default=text("''"))


class SettingRow(Base):
    """Workspace-wide settings that belong to the data (thresholds, company name…), as JSON."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
