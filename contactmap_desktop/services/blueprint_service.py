"""Use cases on Contact Blueprints: draft, create, edit, delete, and strategies in use."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from contactmap_desktop.domain.blueprints import (
    Blueprint,
    BlueprintSummary,
    check_closing,
    check_goal,
    check_strategies,
    current_plan,
    default_goal,
    overview_order,
    summarize,
)
from contactmap_desktop.domain.changes import Changes, Saved, plans_of
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import CellRef, new_id
from contactmap_desktop.domain.validation import clean_long_text
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class BlueprintService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def today(self) -> date:
        """The day due dates are measured from."""
        return self._clock().date()

    # --- reading -------------------------------------------------------------------------

    def list_for_account(self, account_id: str) -> list[Blueprint]:
        with UnitOfWork(self._workspace, read_only=True) as repos:
            return repos.blueprints.list_for_account(account_id)

    def get(self, blueprint_id: str) -> Blueprint:
        with UnitOfWork(self._workspace, read_only=True) as repos:
            return repos.blueprints.get(blueprint_id)

    def for_cell(self, cell: CellRef) -> Blueprint | None:
        """The plan the relationship shows: its open one, else its latest closed one."""
        with UnitOfWork(self._workspace, read_only=True) as repos:
            return current_plan(repos.blueprints.list_for_cell(cell))

    def history_of(self, cell: CellRef) -> list[Blueprint]:
        """Every plan of the relationship, oldest first: the successive one-level steps."""
        with UnitOfWork(self._workspace, read_only=True) as repos:
            return repos.blueprints.list_for_cell(cell)

    def cells_with_blueprint(self, account_id: str) -> frozenset[CellRef]:
        """Every cell a plan still covers (for the key-cell finding and the grid's mark): an
        open plan, or a Done one whose goal the grade still holds."""
        with UnitOfWork(self._workspace, read_only=True) as repos:
            plans = repos.blueprints.list_for_account(account_id)
            # Only the planned cells' grades: the whole account's would cost a large map's load.
            planned = {cell for plan in plans for cell in plan.cells}
            grades = {cell: r.grade for cell, r in repos.relationships.get_many(planned).items()}
            return frozenset(cell for plan in plans
                             for cell in plan.cells if plan.holds(grades.get(cell)))

    def summaries(self, contact_map: ContactMap, today: date) -> list[BlueprintSummary]:
        """The account's blueprints with names and grades from the map, in overview order."""
        blueprints = self.list_for_account(contact_map.account.id)
        return sorted((summarize(b, contact_map, today) for b in blueprints), key=overview_order)

    def draft(self, cell: CellRef) -> Blueprint:
        """An unsaved blueprint for a cell: its stakeholder, and a goal one level up."""
        with UnitOfWork(self._workspace) as repos:
            stakeholder = repos.stakeholders.get(cell.stakeholder_id)
            current = repos.relationships.get(cell).grade
        return Blueprint(
            id=new_id(),
            account_id=stakeholder.account_id,
            stakeholder_id=stakeholder.id,
            cells=(cell,),
            goal=default_goal(current),
            owner_id=cell.team_member_id,
        )

    # --- writing -------------------------------------------------------------------------

    def create(self, blueprint: Blueprint) -> Saved[Blueprint]:
        with UnitOfWork(self._workspace) as repos:
            cleaned = self._clean(repos, blueprint, previous=None)
            cleaned = replace(cleaned, created_at=cleaned.created_at or self._clock())
            repos.blueprints.save(cleaned, self._clock())
        return Saved(cleaned, plans_of(cleaned.cells))

    def update(self, blueprint: Blueprint) -> Saved[Blueprint]:
        """Save a changed blueprint; the relationships it left change too."""
        with UnitOfWork(self._workspace) as repos:
            previous = repos.blueprints.get(blueprint.id)
            cleaned = self._clean(repos, blueprint, previous)
            repos.blueprints.save(cleaned, self._clock())
        return Saved(cleaned, plans_of((*previous.cells, *cleaned.cells)))

    def delete(self, blueprint_id: str) -> Saved[Blueprint]:
        """Delete a blueprint, returning it as it was so that undo can put it back."""
        with UnitOfWork(self._workspace) as repos:
            blueprint = repos.blueprints.get(blueprint_id)
            repos.blueprints.delete(blueprint_id)
        return Saved(blueprint, plans_of(blueprint.cells))

    def restore(self, blueprint: Blueprint) -> Changes:
        """Put back a blueprint exactly as it was, deleted or since changed (no date rules: it
        was valid then)."""
        with UnitOfWork(self._workspace) as repos:
            replaced = repos.blueprints.cells_of(blueprint.id)
            repos.blueprints.save(blueprint, self._clock())
        return plans_of((*replaced, *blueprint.cells))

    # --- rules ---------------------------------------------------------------------------

    def _clean(
        self, repos: Repositories, blueprint: Blueprint, previous: Blueprint | None
    ) -> Blueprint:
        stakeholder = repos.stakeholders.get(blueprint.stakeholder_id)
        if stakeholder.account_id != blueprint.account_id:
            raise ValidationError(f"{stakeholder.name} is not a stakeholder of this account.")
        if not blueprint.cells:
            raise ValidationError("A blueprint needs at least one relationship to work on.")
        if len(set(blueprint.cells)) != len(blueprint.cells):
            raise ValidationError("A relationship is listed twice in this blueprint.")
        team = {m.id: m for m in repos.team_members.list_for_account(blueprint.account_id)}
        for cell in blueprint.cells:
            if cell.stakeholder_id != stakeholder.id:
                raise ValidationError(
                    f"Every relationship in this blueprint must be with {stakeholder.name}."
                )
            member = team.get(cell.team_member_id)
            if member is None:
                raise ValidationError("A relationship in this blueprint is with someone who "
                                      "is no longer on the account team.")
            others = [b for b in repos.blueprints.list_for_cell(cell)
                      if b.id != blueprint.id and b.status.is_open]
            if others and blueprint.status.is_open:
                raise ValidationError(
                    f"{member.name} ↔ {stakeholder.name} already has an open blueprint; "
                    "edit that one, or close it before planning the next step."
                )
        if blueprint.owner_id is not None and blueprint.owner_id not in team:
            raise ValidationError("The owner must be a member of the account team.")
        current = repos.relationships.get(blueprint.main_cell).grade
        if previous is None or previous.goal != blueprint.goal:
            check_goal(current, blueprint.goal)  # a goal set long ago may since be passed
        check_strategies(blueprint.strategies, blueprint.status)
        check_closing(blueprint, current, previous is None or previous.status != blueprint.status)
        due_changed = previous is None or previous.due != blueprint.due
        today = self._clock().date()
        if blueprint.due is not None and due_changed and blueprint.due < today:
            raise ValidationError(
                f"The due date {blueprint.due.isoformat()} is already past; "
                "choose today or a later day."
            )
        return replace(
            blueprint,
            tactics=clean_long_text(blueprint.tactics, "The tactics"),
            messages=clean_long_text(blueprint.messages, "The core messages"),
            resources=clean_long_text(blueprint.resources, "The people and resources"),
            notes=clean_long_text(blueprint.notes, "The notes"),
            closed_reason=clean_long_text(blueprint.closed_reason, "The reason"),
            created_at=previous.created_at if previous is not None else blueprint.created_at,
        )
