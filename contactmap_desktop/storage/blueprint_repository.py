"""Blueprints in the workspace: rows to values and back, cells and strategies included."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintStatus, Strategy
from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.storage.schema import (
    BlueprintCellRow,
    BlueprintRow,
    BlueprintStrategyRow,
    StakeholderRow,
)
from contactmap_desktop.storage.scopes import live_account_ids


def _scoped(query: Select[Any], account_id: str | None) -> Select[Any]:
    """Blueprints of live stakeholders, of one account or (None) of every live account."""
    return query.join(StakeholderRow, StakeholderRow.id == BlueprintRow.stakeholder_id).where(
        StakeholderRow.deleted_at.is_(None),
        BlueprintRow.account_id == account_id if account_id is not None
        else BlueprintRow.account_id.in_(live_account_ids()))


class BlueprintRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_for_account(self, account_id: str) -> list[Blueprint]:
        """Blueprints of live stakeholders, oldest first."""
        return self._read(account_id)

    def by_account(self) -> dict[str, list[Blueprint]]:
        """Every live account's blueprints (of live stakeholders, oldest first), by account:
        three statements, however many accounts and blueprints."""
        grouped: defaultdict[str, list[Blueprint]] = defaultdict(list)
        for blueprint in self._read(None):
            grouped[blueprint.account_id].append(blueprint)
        return dict(grouped)

    def get(self, blueprint_id: str) -> Blueprint:
        row = self._session.get(BlueprintRow, blueprint_id)
        if row is None:
            raise NotFoundError("That blueprint no longer exists in this workspace.")
        return self._values([row], [row.id])[0]

    def cells_of(self, blueprint_id: str) -> tuple[CellRef, ...]:
        """The relationships a stored blueprint works on; none if it is not stored."""
        rows = self._session.scalars(
            select(BlueprintCellRow).where(BlueprintCellRow.blueprint_id == blueprint_id)
            .order_by(BlueprintCellRow.position))
        return tuple(CellRef(row.team_member_id, row.stakeholder_id) for row in rows)

    def list_for_cell(self, cell: CellRef) -> list[Blueprint]:
        """Every plan that has worked on this relationship, oldest first."""
        ids = select(BlueprintCellRow.blueprint_id).where(
            BlueprintCellRow.team_member_id == cell.team_member_id,
            BlueprintCellRow.stakeholder_id == cell.stakeholder_id,
        )
        rows = list(self._session.scalars(
            select(BlueprintRow).where(BlueprintRow.id.in_(ids))
            .order_by(BlueprintRow.created_at, BlueprintRow.id)
        ))
        return self._values(rows, [row.id for row in rows])

    def save(self, blueprint: Blueprint, now: datetime) -> None:
        row = self._session.get(BlueprintRow, blueprint.id)
        if row is None:
            row = BlueprintRow(id=blueprint.id, created_at=blueprint.created_at or now)
            self._session.add(row)
        row.account_id = blueprint.account_id
        row.stakeholder_id = blueprint.stakeholder_id
        row.goal = blueprint.goal.letter
        row.tactics = blueprint.tactics
        row.messages = blueprint.messages
        row.resources = blueprint.resources
        row.owner_id = blueprint.owner_id
        row.due_date = blueprint.due
        row.status = blueprint.status.value
        row.notes = blueprint.notes
        row.closed_reason = blueprint.closed_reason
        row.updated_at = now
        self._session.execute(
            delete(BlueprintCellRow).where(BlueprintCellRow.blueprint_id == blueprint.id)
        )
        self._session.execute(
            delete(BlueprintStrategyRow).where(BlueprintStrategyRow.blueprint_id == blueprint.id)
        )
        # Flush the deletes first so the same cell is written once, after its old row went.
        self._session.flush()
        for position, cell in enumerate(blueprint.cells):
            self._session.add(BlueprintCellRow(
                blueprint_id=blueprint.id, team_member_id=cell.team_member_id,
                stakeholder_id=cell.stakeholder_id, position=position,
            ))
        for position, strategy in enumerate(blueprint.strategies):
            self._session.add(BlueprintStrategyRow(
                blueprint_id=blueprint.id, strategy=strategy.value, position=position
            ))

    def delete(self, blueprint_id: str) -> None:
        # Children go explicitly too, so deleting never depends on the foreign_keys PRAGMA.
        for table in (BlueprintCellRow, BlueprintStrategyRow):
            self._session.execute(delete(table).where(table.blueprint_id == blueprint_id))
        self._session.execute(delete(BlueprintRow).where(BlueprintRow.id == blueprint_id))

    def _read(self, account_id: str | None) -> list[Blueprint]:
        rows = list(self._session.scalars(
            _scoped(select(BlueprintRow), account_id)
            .order_by(BlueprintRow.created_at, BlueprintRow.id)
        ))
        return self._values(rows, _scoped(select(BlueprintRow.id), account_id))

    def _values(self, rows: list[BlueprintRow],
                ids: Select[Any] | Sequence[str]) -> list[Blueprint]:
        """The rows as values; ``ids`` selects the same blueprints (in SQL when there may be
        too many of them to list as parameters)."""
        cells: dict[str, list[CellRef]] = defaultdict(list)
        for cell_row in self._session.scalars(
            select(BlueprintCellRow)
            .where(BlueprintCellRow.blueprint_id.in_(ids))
            .order_by(BlueprintCellRow.position)
        ):
            cells[cell_row.blueprint_id].append(
                CellRef(cell_row.team_member_id, cell_row.stakeholder_id)
            )
        strategies: dict[str, list[Strategy]] = defaultdict(list)
        for strategy_row in self._session.scalars(
            select(BlueprintStrategyRow)
            .where(BlueprintStrategyRow.blueprint_id.in_(ids))
            .order_by(BlueprintStrategyRow.position)
        ):
            strategies[strategy_row.blueprint_id].append(Strategy(strategy_row.strategy))
        return [blueprint_from_row(row, tuple(cells[row.id]), tuple(strategies[row.id]))
                for row in rows]


def blueprint_from_row(row: BlueprintRow, cells: tuple[CellRef, ...] = (),
                       strategies: tuple[Strategy, ...] = ()) -> Blueprint:
    return Blueprint(
        id=row.id,
        account_id=row.account_id,
        stakeholder_id=row.stakeholder_id,
        cells=cells,
        goal=Grade(row.goal),
        strategies=strategies,
        tactics=row.tactics,
        messages=row.messages,
        resources=row.resources,
        owner_id=row.owner_id,
        due=row.due_date,
        status=BlueprintStatus(row.status),
        notes=row.notes,
        created_at=row.created_at,
        closed_reason=row.closed_reason,
    )
