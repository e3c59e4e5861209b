"""Contact blueprints, the cells and strategies they work on, and sponsor letters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from contactmap_desktop.storage.schema.base import Base


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
