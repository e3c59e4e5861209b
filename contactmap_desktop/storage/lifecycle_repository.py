"""The account lifecycle in the workspace: one repository for its small, similar values."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.engagements import EngagementStatus
from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.storage.lifecycle_mapping import MAPPINGS, RowMapping
from contactmap_desktop.storage.schema import (
    CommitmentRow,
    DeliveryReviewRow,
    EngagementRow,
    MetricRow,
    SuccessCriterionRow,
)
from contactmap_desktop.storage.scopes import live_account_ids

V = TypeVar("V")

# What goes with an engagement when it is deleted (explicitly, whatever the PRAGMAs say).
_ENGAGEMENT_CHILDREN = (SuccessCriterionRow, DeliveryReviewRow, CommitmentRow, MetricRow)
_OPEN_STATUSES = [status.value for status in EngagementStatus if status.is_open]


def _mapping(kind: type) -> RowMapping:
    return MAPPINGS[kind]


def _in_order(table: Any, mapping: RowMapping) -> list[Any]:
    # SQLite sorts NULL first and PostgreSQL last: say which, so both list alike (an
    # engagement with no start date yet comes first).
    return [*(getattr(table, column).asc().nulls_first() for column in mapping.order), table.id]


class LifecycleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list(self, kind: type[V], parent_id: str) -> list[V]:
        """The values of ``kind`` that belong to an account or engagement, in their order."""
        mapping = _mapping(kind)
        table: Any = mapping.row
        rows = self._session.scalars(
            select(table).where(getattr(table, mapping.parent) == parent_id)
            .order_by(*_in_order(table, mapping))
        )
        return [mapping.to_value(row) for row in rows]

    def by_parent(self, kind: type[V], account_id: str | None = None,
                  open_engagements_only: bool = False) -> dict[str, tuple[V, ...]]:
        """``kind``'s values by the account or engagement they belong to, each list in its
        order: of one account, or (None) of every account not deleted. One statement, however
        many accounts and engagements; ``open_engagements_only`` leaves out the parts of
        delivered and dropped engagements."""
        mapping = _mapping(kind)
        table: Any = mapping.row
        parent = getattr(table, mapping.parent)
        # Plain rows, not ORM objects: a read of every account has thousands of them.
        query = select(*table.__table__.columns)
        owner: Any = parent
        if mapping.parent == "engagement_id":  # the engagement names the account
            query = query.join(EngagementRow, EngagementRow.id == parent)
            owner = EngagementRow.account_id
            if open_engagements_only:
                query = query.where(EngagementRow.status.in_(_OPEN_STATUSES))
        query = query.where(owner == account_id if account_id is not None
                            else owner.in_(live_account_ids()))
        rows = self._session.execute(query.order_by(*_in_order(table, mapping)))
        grouped: defaultdict[str, list[V]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, mapping.parent)].append(mapping.to_value(row))
        return {parent_id: tuple(values) for parent_id, values in grouped.items()}

    def get(self, kind: type[V], value_id: str) -> V:
        row = self._session.get(_mapping(kind).row, value_id)
        if row is None:
            raise NotFoundError("That entry no longer exists in this workspace; it may have "
                                "been deleted.")
        result: V = _mapping(kind).to_value(row)
        return result

    def exists(self, kind: type, value_id: str) -> bool:
        return self._session.get(_mapping(kind).row, value_id) is not None

    def next_position(self, kind: type, parent_id: str) -> int:
        mapping = _mapping(kind)
        table: Any = mapping.row
        top = self._session.scalar(select(func.max(table.position))
                                   .where(getattr(table, mapping.parent) == parent_id))
        return 0 if top is None else int(top) + 1

    def save(self, value: Any, now: datetime) -> None:
        mapping = _mapping(type(value))
        row: Any = self._session.get(mapping.row, value.id)
        if row is None:
            row = mapping.row(id=value.id)
            if isinstance(row, EngagementRow):
                row.created_at = now
            if hasattr(row, "position") and not hasattr(value, "position"):
                # Entries of the same day keep the order they were logged in.
                row.position = self.next_position(type(value), getattr(value, mapping.parent))
            self._session.add(row)
        mapping.to_row(value, row)
        row.updated_at = now
        self._session.flush()

    def delete(self, kind: type, value_id: str) -> None:
        table: Any = _mapping(kind).row
        if table is EngagementRow:
            for child in _ENGAGEMENT_CHILDREN:
                self._session.execute(delete(child).where(child.engagement_id == value_id))
        self._session.execute(delete(table).where(table.id == value_id))
