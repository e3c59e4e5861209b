"""Relationships (the map's cells) and their leverage links: rows to values and back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from contactmap_desktop.domain.model import (
    CellRef,
    Relationship,
)
from contactmap_desktop.storage import mapping, row_values
from contactmap_desktop.storage.schema import (
    LeverageLinkRow,
    RelationshipRow,
)
from contactmap_desktop.storage.scopes import live_stakeholder_ids

# A cell's leverage targets have no position of their own: read by key, as no engine keeps
# rows in the order they were written (PostgreSQL moves a row it updates).
_TARGET_ORDER = (LeverageLinkRow.target_team_member_id, LeverageLinkRow.target_stakeholder_id)


class RelationshipRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_for_account(self, account_id: str,
                         cell_of: row_values.CellOf | None = None,
                         moments: row_values.SharedMoments | None = None) -> list[Relationship]:
        """Every stored relationship of the account; ``cell_of`` and ``moments`` may share
        cells and instants with other reads of the same map (see row_values.SharedCells)."""
        cell_of = cell_of or row_values.SharedCells()
        moments = moments or row_values.SharedMoments()
        links = self._leverage_links(account_id)
        # Plain rows streamed from the cursor, not ORM objects: a large account has tens of
        # thousands, only read here.
        rows = self._session.connection().execute(
            select(*mapping.RELATIONSHIP_COLUMNS).where(
                RelationshipRow.stakeholder_id.in_(live_stakeholder_ids(account_id)))
        )
        return [
            row_values.relationship_from_values(
                member, person, grade, is_key, focus_days, focus_due, needs_filling, note,
                None if reviewed_at is None else moments(reviewed_at), cell_of=cell_of,
                leverage_for=tuple(links.get(cell_of(member, person), ())) if links else (),
            )
            for (member, person, grade, is_key, focus_days, focus_due, needs_filling, note,
                 reviewed_at) in rows
        ]

    def get(self, cell: CellRef) -> Relationship:
        row = self._session.get(RelationshipRow, (cell.team_member_id, cell.stakeholder_id))
        if row is None:
            return Relationship(cell=cell)
        targets = self._session.scalars(
            select(LeverageLinkRow).where(
                LeverageLinkRow.source_team_member_id == cell.team_member_id,
                LeverageLinkRow.source_stakeholder_id == cell.stakeholder_id,
            ).order_by(*_TARGET_ORDER)
        )
        leverage = tuple(
            CellRef(link.target_team_member_id, link.target_stakeholder_id) for link in targets
        )
        return mapping.relationship_from_row(row, leverage)

    def get_many(self, cells: Collection[CellRef]) -> dict[CellRef, Relationship]:
        """Several cells at once (a sync's arrivals): two queries, not two per cell."""
        found = {cell: Relationship(cell=cell) for cell in cells}
        keys = [(cell.team_member_id, cell.stakeholder_id) for cell in found]
        links: dict[CellRef, list[CellRef]] = defaultdict(list)
        for link in self._session.scalars(select(LeverageLinkRow).where(
                tuple_(LeverageLinkRow.source_team_member_id,
                       LeverageLinkRow.source_stakeholder_id).in_(keys))
                .order_by(*_TARGET_ORDER)):
            links[CellRef(link.source_team_member_id, link.source_stakeholder_id)].append(
                CellRef(link.target_team_member_id, link.target_stakeholder_id))
        for row in self._session.scalars(select(RelationshipRow).where(
                tuple_(RelationshipRow.team_member_id, RelationshipRow.stakeholder_id).in_(keys))):
            cell = CellRef(row.team_member_id, row.stakeholder_id)
            found[cell] = mapping.relationship_from_row(row, tuple(links.get(cell, ())))
        return found

    def save(self, relationship: Relationship, now: datetime) -> None:
        cell = relationship.cell
        row = self._session.get(RelationshipRow, (cell.team_member_id, cell.stakeholder_id))
        if relationship.is_empty:
            if row is not None:
                self._session.delete(row)
        else:
            if row is None:
                row = RelationshipRow(
                    team_member_id=cell.team_member_id, stakeholder_id=cell.stakeholder_id
                )
                self._session.add(row)
            mapping.copy_relationship_to_row(relationship, row)
            row.updated_at = now
        self._save_leverage(relationship)

    def _save_leverage(self, relationship: Relationship) -> None:
        cell = relationship.cell
        self._session.execute(
            delete(LeverageLinkRow).where(
                LeverageLinkRow.source_team_member_id == cell.team_member_id,
                LeverageLinkRow.source_stakeholder_id == cell.stakeholder_id,
            )
        )
        for target in relationship.leverage_for:
            self._session.add(
                LeverageLinkRow(
                    source_team_member_id=cell.team_member_id,
                    source_stakeholder_id=cell.stakeholder_id,
                    target_team_member_id=target.team_member_id,
                    target_stakeholder_id=target.stakeholder_id,
                )
            )

    def _leverage_links(self, account_id: str) -> dict[CellRef, list[CellRef]]:
        stakeholder_ids = live_stakeholder_ids(account_id)
        links: dict[CellRef, list[CellRef]] = defaultdict(list)
        for link in self._session.scalars(
            select(LeverageLinkRow).where(LeverageLinkRow.source_stakeholder_id.in_(stakeholder_ids))
            .order_by(*_TARGET_ORDER)
        ):
            source = CellRef(link.source_team_member_id, link.source_stakeholder_id)
            links[source].append(CellRef(link.target_team_member_id, link.target_stakeholder_id))
        return links

    def delete_for_team_member_in_account(self, account_id: str, team_member_id: str) -> None:
        stakeholder_ids = live_stakeholder_ids(account_id)
        self._session.execute(
            delete(RelationshipRow).where(
                RelationshipRow.team_member_id == team_member_id,
                RelationshipRow.stakeholder_id.in_(stakeholder_ids),
            )
        )
