"""The account lifecycle (schema 5): stages, engagements, reviews and competitors."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from contactmap_desktop.storage.schema.base import Base

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
