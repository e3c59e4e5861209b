"""The workspace's tables: the only place they are defined."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from contactmap_desktop.storage.file_header import APPLICATION_ID as APPLICATION_ID
from contactmap_desktop.storage.file_header import SCHEMA_VERSION as SCHEMA_VERSION

# The time of rows that predate their table's ``updated_at``: any real change is newer.
EPOCH = datetime(1970, 1, 1)


class Base(DeclarativeBase):
    pass


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


class BlueprintRow(Base):
    """A Contact Blueprint: the plan for one stakeholder's highlighted relationship(s)."""

    __tablename__ = "blueprints"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    stakeholder_id: Mapped[str] = mapped_column(ForeignKey("stakeholders.id", ondelete="CASCADE"))
    goal: Mapped[str] = mapped_column(String(1))
    tactics: Mapped[str] = mapped_column(Text, default="")
    messages: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[str | None] = mapped_column(
        ForeignKey("team_members.id", ondelete="SET NULL"), nullable=True
    )
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String, default="planned")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Why a plan was closed short of its goal (schema 8); a Dropped plan always says why.
    closed_reason: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))


class BlueprintCellRow(Base):
    """A relationship a blueprint works on. A cell has successive plans (schema 8), at most
    one of them open at a time (a rule of the blueprint service)."""

    __tablename__ = "blueprint_cells"
    __table_args__ = (
        Index("ix_blueprint_cells_cell", "team_member_id", "stakeholder_id"),
    )

    blueprint_id: Mapped[str] = mapped_column(
        ForeignKey("blueprints.id", ondelete="CASCADE"), primary_key=True
    )
    team_member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    stakeholder_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class BlueprintStrategyRow(Base):
    """An influence strategy chosen for a blueprint, in the order it was added."""

    __tablename__ = "blueprint_strategies"

    blueprint_id: Mapped[str] = mapped_column(
        ForeignKey("blueprints.id", ondelete="CASCADE"), primary_key=True
    )
    strategy: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SponsorLetterRow(Base):
    """A sponsor letter. Its quoted pains and milestones are JSON lists: a letter is read and
    written whole, and its rows have no life (or links) of their own."""

    __tablename__ = "sponsor_letters"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    letter_date: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String, default="")
    addressee_id: Mapped[str | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL"), nullable=True
    )
    addressee_name: Mapped[str] = mapped_column(String, default="")
    addressee_title: Mapped[str] = mapped_column(String, default="")
    addressee_company: Mapped[str] = mapped_column(String, default="")
    sender_id: Mapped[str | None] = mapped_column(
        ForeignKey("team_members.id", ondelete="SET NULL"), nullable=True
    )
    sender_name: Mapped[str] = mapped_column(String, default="")
    sender_title: Mapped[str] = mapped_column(String, default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    pains: Mapped[str] = mapped_column(Text, default="[]")
    current_method: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[str] = mapped_column(Text, default="")
    milestones: Mapped[str] = mapped_column(Text, default="[]")
    closing_note: Mapped[str] = mapped_column(Text, default="")
    based_on_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Schema 10 (last, where the upgrade adds it): how the letter greets its addressee.
    salutation: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    # Who at the client agreed the steps and their dates, and when (schema 11).
    agreed_by: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    agreed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


# --- the account lifecycle (schema 5) ----------------------------------------------------
# Lists that are read and written with their row (who agreed, attendees, measured values) are
# JSON inside it, as for sponsor letters.


class StageChangeRow(Base):
    """The account entered a stage on a date (for churn, the note says why)."""

    __tablename__ = "account_stage_changes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    stage: Mapped[str] = mapped_column(String)
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class EngagementRow(Base):
    __tablename__ = "engagements"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String)
    value: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    origin_review_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    origin_problem: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SuccessCriterionRow(Base):
    __tablename__ = "success_criteria"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    engagement_id: Mapped[str] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    agreed_by: Mapped[str] = mapped_column(Text, default="[]")  # stakeholder ids
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DeliveryReviewRow(Base):
    """One stakeholder's post-delivery answers: criteria met, and their next two problems."""

    __tablename__ = "delivery_reviews"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    engagement_id: Mapped[str] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    stakeholder_id: Mapped[str] = mapped_column(String(36))
    held_on: Mapped[date] = mapped_column(Date)
    verdict: Mapped[str] = mapped_column(String)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_problem_1: Mapped[str] = mapped_column(Text, default="")
    next_problem_2: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CommitmentRow(Base):
    """A step of an engagement's commitment log: the client's (Time, Data, Money) or ours."""

    __tablename__ = "commitments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    engagement_id: Mapped[str] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    step_date: Mapped[date] = mapped_column(Date)
    side: Mapped[str] = mapped_column(String)
    what: Mapped[str] = mapped_column(Text)
    stakeholder_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    kind: Mapped[str | None] = mapped_column(String, nullable=True)
    team_member_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    status: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MetricRow(Base):
    __tablename__ = "metrics"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    engagement_id: Mapped[str] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String, default="")
    target: Mapped[float] = mapped_column(Float)
    direction: Mapped[str] = mapped_column(String)
    measurements: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewMeetingRow(Base):
    __tablename__ = "review_meetings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    held_on: Mapped[date] = mapped_column(Date)
    our_attendees: Mapped[str] = mapped_column(Text, default="[]")
    client_attendees: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="")
    metrics_reviewed: Mapped[str] = mapped_column(Text, default="[]")
    our_ceo_present: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CompetitorRow(Base):
    __tablename__ = "competitors"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    name: Mapped[str] = mapped_column(String)
    pitch: Mapped[str] = mapped_column(Text, default="")
    pitched_to: Mapped[str] = mapped_column(String, default="")
    last_seen: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Our answer to their pitch, and what we asked our product team for (schema 11).
    our_answer: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    product_request: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))


# --- team sync (schema 7) ----------------------------------------------------------------
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


# Imports take rows in any order and check references at commit (defer_foreign_keys):
# PostgreSQL defers only constraints declared deferrable, SQLite every one. "DEFERRABLE"
# alone is checked at each statement, as before, until a transaction defers it.
for _table in Base.metadata.tables.values():
    for _constraint in _table.foreign_key_constraints:
        _constraint.deferrable = True
