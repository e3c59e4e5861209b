"""The recorded grade changes of cells: rows to values and back."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.domain.model import (
    CellRef,
    GradeChange,
)
from contactmap_desktop.storage import mapping, row_values
from contactmap_desktop.storage.schema import (
    GradeChangeRow,
)
from contactmap_desktop.storage.scopes import live_stakeholder_ids


class GradeChangeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, change: GradeChange) -> None:
        self._session.add(
            GradeChangeRow(
                id=change.id,
                team_member_id=change.cell.team_member_id,
                stakeholder_id=change.cell.stakeholder_id,
                old_grade=mapping.grade_to_column(change.old_grade),
                new_grade=mapping.grade_to_column(change.new_grade),
                changed_at=change.changed_at,
                note=change.note,
                changed_by=change.changed_by,
            )
        )

    def remove_review(self, change: GradeChange) -> None:
        """A review taken back by undo; a change of grade is never removed."""
        assert change.is_review
        row = self._session.get(GradeChangeRow, change.id)
        if row is not None:
            self._session.delete(row)

    def list_for_account(self, account_id: str,
                         cell_of: row_values.CellOf | None = None,
                         moments: row_values.SharedMoments | None = None) -> list[GradeChange]:
        cell_of = cell_of or row_values.SharedCells()
        moments = moments or row_values.SharedMoments()
        rows = self._session.connection().execute(  # plain rows, as for the relationships
            select(*mapping.GRADE_CHANGE_COLUMNS)
            .where(GradeChangeRow.stakeholder_id.in_(live_stakeholder_ids(account_id)))
            .order_by(GradeChangeRow.changed_at, GradeChangeRow.id)
        )
        return [row_values.grade_change_from_values(change_id, member, person, old, new,
                                                    moments(changed_at), note, changed_by,
                                                    cell_of=cell_of)
                for change_id, member, person, old, new, changed_at, note, changed_by in rows]

    def get(self, change_id: str) -> GradeChange:
        row = self._session.get(GradeChangeRow, change_id)
        if row is None:
            raise NotFoundError("That grade change is no longer in this workspace.")
        return mapping.grade_change_from_row(row)

    def set_note(self, change_id: str, note: str) -> None:
        """The note is the one part of a recorded change that may be written later."""
        row = self._session.get(GradeChangeRow, change_id)
        if row is None:
            raise NotFoundError("That grade change is no longer in this workspace.")
        row.note = note

    def list_for_cells(self, cells: Collection[CellRef]) -> dict[CellRef, list[GradeChange]]:
        """The history of several cells at once, each oldest first."""
        history: dict[CellRef, list[GradeChange]] = {cell: [] for cell in cells}
        keys = [(cell.stakeholder_id, cell.team_member_id) for cell in history]
        rows = self._session.scalars(
            select(GradeChangeRow)
            .where(tuple_(GradeChangeRow.stakeholder_id, GradeChangeRow.team_member_id).in_(keys))
            .order_by(GradeChangeRow.changed_at, GradeChangeRow.id)
        )
        for row in rows:
            change = mapping.grade_change_from_row(row)
            history[change.cell].append(change)
        return history
