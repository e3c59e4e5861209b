"""Repositories: read and write domain values in one session. They never commit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import NotFoundError, ValidationError
from contactmap_desktop.domain.model import (
    Account,
    Stakeholder,
    TeamMember,
)
from contactmap_desktop.storage import mapping
from contactmap_desktop.storage.blueprint_repository import BlueprintRepository
from contactmap_desktop.storage.grade_change_repository import GradeChangeRepository
from contactmap_desktop.storage.letter_repository import LetterRepository
from contactmap_desktop.storage.lifecycle_repository import LifecycleRepository
from contactmap_desktop.storage.relationship_repository import RelationshipRepository
from contactmap_desktop.storage.schema import (
    AccountRow,
    AccountTeamRow,
    SettingRow,
    StakeholderRow,
    TeamMemberRow,
)
from contactmap_desktop.storage.scopes import live_account_ids


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list(self) -> list[Account]:
        """The live accounts by name in any case. Compared in Python: SQL's lower() folds
        only ASCII letters on SQLite and every letter on PostgreSQL (and "ß" on neither)."""
        rows = self._session.scalars(select(AccountRow).where(AccountRow.deleted_at.is_(None)))
        return sorted((mapping.account_from_row(row) for row in rows),
                      key=lambda account: (account.name.casefold(), account.id))

    def get(self, account_id: str) -> Account:
        return mapping.account_from_row(self._row(account_id))

    def find_by_name(self, name: str) -> Account | None:
        """The live account called ``name`` in any case (a workspace has few accounts)."""
        wanted = name.casefold()
        return next((account for account in self.list() if account.name.casefold() == wanted),
                    None)

    def save(self, account: Account, now: datetime) -> None:
        row = self._session.get(AccountRow, account.id)
        if row is None:
            row = AccountRow(id=account.id)
            self._session.add(row)
        mapping.copy_account_to_row(account, row)
        row.updated_at = now

    def mark_deleted(self, account_id: str, when: datetime | None) -> None:
        """Soft delete (or, with None, undelete) so that the deletion can be undone."""
        self._row(account_id, include_deleted=True).deleted_at = when

    def purge_deleted(self) -> None:
        """Drop what was deleted in an earlier session; its undo history is gone."""
        self._session.execute(delete(AccountRow).where(AccountRow.deleted_at.is_not(None)))
        self._session.execute(
            delete(StakeholderRow).where(StakeholderRow.deleted_at.is_not(None))
        )

    def _row(self, account_id: str, include_deleted: bool = False) -> AccountRow:
        row = self._session.get(AccountRow, account_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError("That account no longer exists in this workspace.")
        return row


def _ensure_same_people(stored: set[str], ordered: Sequence[str], what: str) -> None:
    if len(ordered) != len(stored) or set(ordered) != stored:
        raise ValidationError(f"The {what} of this account changed meanwhile; "
                              "the new order was not saved. Try again.")


class StakeholderRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_for_account(self, account_id: str) -> list[Stakeholder]:
        rows = self._session.scalars(
            select(StakeholderRow)
            .where(StakeholderRow.account_id == account_id, StakeholderRow.deleted_at.is_(None))
            .order_by(StakeholderRow.position, StakeholderRow.name)
        )
        return [mapping.stakeholder_from_row(row) for row in rows]

    def names(self) -> dict[str, str]:
        """The name of every live stakeholder of a live account, by id, in one statement."""
        rows = self._session.execute(
            select(StakeholderRow.id, StakeholderRow.name).where(
                StakeholderRow.deleted_at.is_(None),
                StakeholderRow.account_id.in_(live_account_ids()))
        )
        return {stakeholder_id: name for stakeholder_id, name in rows}

    def get(self, stakeholder_id: str) -> Stakeholder:
        row = self._session.get(StakeholderRow, stakeholder_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("That stakeholder no longer exists in this workspace.")
        return mapping.stakeholder_from_row(row)

    def next_position(self, account_id: str) -> int:
        highest = self._session.scalar(
            select(func.max(StakeholderRow.position)).where(
                StakeholderRow.account_id == account_id
            )
        )
        return 0 if highest is None else highest + 1

    def save(self, stakeholder: Stakeholder, now: datetime) -> None:
        row = self._session.get(StakeholderRow, stakeholder.id)
        if row is None:
            row = StakeholderRow(id=stakeholder.id)
            self._session.add(row)
        mapping.copy_stakeholder_to_row(stakeholder, row)
        row.updated_at = now

    def set_order(self, account_id: str, stakeholder_ids: Sequence[str], now: datetime) -> None:
        """Number the account's live stakeholders in the order given (all of them, once each)."""
        rows = {row.id: row for row in self._session.scalars(
            select(StakeholderRow)
            .where(StakeholderRow.account_id == account_id, StakeholderRow.deleted_at.is_(None))
        )}
        _ensure_same_people(set(rows), stakeholder_ids, "stakeholders")
        for position, stakeholder_id in enumerate(stakeholder_ids):
            row = rows[stakeholder_id]
            if row.position != position:
                row.position = position
                row.updated_at = now

    def mark_deleted(self, stakeholder_id: str, when: datetime | None) -> None:
        """Soft delete (or, with None, undelete) so that the deletion can be undone."""
        row = self._session.get(StakeholderRow, stakeholder_id)
        if row is None:
            raise NotFoundError("That stakeholder no longer exists in this workspace.")
        row.deleted_at = when


class TeamMemberRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_all(self) -> list[TeamMember]:
        rows = self._session.scalars(select(TeamMemberRow).order_by(TeamMemberRow.name))
        return [mapping.team_member_from_row(row) for row in rows]

    def list_for_account(self, account_id: str) -> list[TeamMember]:
        rows = self._session.scalars(
            select(TeamMemberRow)
            .join(AccountTeamRow, AccountTeamRow.team_member_id == TeamMemberRow.id)
            .where(AccountTeamRow.account_id == account_id)
            .order_by(AccountTeamRow.position, TeamMemberRow.name)
        )
        return [mapping.team_member_from_row(row) for row in rows]

    def get(self, team_member_id: str) -> TeamMember:
        row = self._session.get(TeamMemberRow, team_member_id)
        if row is None:
            raise NotFoundError("That team member no longer exists in this workspace.")
        return mapping.team_member_from_row(row)

    def save(self, member: TeamMember, now: datetime) -> None:
        row = self._session.get(TeamMemberRow, member.id)
        if row is None:
            row = TeamMemberRow(id=member.id)
            self._session.add(row)
        mapping.copy_team_member_to_row(member, row)
        row.updated_at = now

    def add_to_account(self, account_id: str, team_member_id: str, position: int | None,
                       now: datetime) -> None:
        if position is None:
            highest = self._session.scalar(
                select(func.max(AccountTeamRow.position)).where(
                    AccountTeamRow.account_id == account_id
                )
            )
            position = 0 if highest is None else highest + 1
        self._session.merge(AccountTeamRow(account_id=account_id, team_member_id=team_member_id,
                                           position=position, updated_at=now))

    def set_order(self, account_id: str, team_member_ids: Sequence[str], now: datetime) -> None:
        """Number the account's team in the order given (all of its members, once each).

        A new order stamps every row, not only the moved ones: the order travels as a whole,
        so a later reorder on another laptop replaces it rather than mixing with it."""
        rows = {row.team_member_id: row for row in self._session.scalars(
            select(AccountTeamRow).where(AccountTeamRow.account_id == account_id)
        )}
        _ensure_same_people(set(rows), team_member_ids, "team members")
        if all(rows[m].position == p for p, m in enumerate(team_member_ids)):
            return
        for position, team_member_id in enumerate(team_member_ids):
            row = rows[team_member_id]
            row.position = position
            row.updated_at = now

    def position_in_account(self, account_id: str, team_member_id: str) -> int:
        row = self._session.get(AccountTeamRow, (account_id, team_member_id))
        if row is None:
            raise NotFoundError("That team member is not on this account's team.")
        return row.position

    def remove_from_account(self, account_id: str, team_member_id: str) -> None:
        self._session.execute(
            delete(AccountTeamRow).where(
                AccountTeamRow.account_id == account_id,
                AccountTeamRow.team_member_id == team_member_id,
            )
        )

    def account_count(self, team_member_id: str) -> int:
        return self._session.scalar(
            select(func.count()).where(AccountTeamRow.team_member_id == team_member_id)
        ) or 0

    def delete(self, team_member_id: str) -> None:
        self._session.execute(delete(TeamMemberRow).where(TeamMemberRow.id == team_member_id))


class SettingsRepository:
    """Workspace settings as JSON values under string keys."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._session.get(SettingRow, key)
        return json.loads(row.value) if row else default

    def set(self, key: str, value: Any) -> None:
        self._session.merge(SettingRow(key=key, value=json.dumps(value)))


class Repositories:
    """All repositories over one session, handed out by the unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.accounts = AccountRepository(session)
        self.stakeholders = StakeholderRepository(session)
        self.team_members = TeamMemberRepository(session)
        self.relationships = RelationshipRepository(session)
        self.grade_changes = GradeChangeRepository(session)
        self.settings = SettingsRepository(session)
        self.blueprints = BlueprintRepository(session)
        self.letters = LetterRepository(session)
        self.lifecycle = LifecycleRepository(session)
