"""The undoable edits of the Contact Map: grades, marks, people and accounts.

Each command commits through a service and returns the change set of what it wrote; the
window redraws from that (edit_runner.py), never the command itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.edit_runner import EditCommand
from contactmap_desktop.ui.core.map_document import MapDocument

if TYPE_CHECKING:  # imported by the services, which load after the window's first paint
    from contactmap_desktop.services.contact_map_service import GradeResult, TeamRemoval
    from contactmap_desktop.services.grade_batch import GradeBatchService


def grade_text(grade: Grade | None) -> str:
    return f"grade {grade.letter}" if grade else "no grade"


class SetGradesCommand(EditCommand):
    """Grades of one or more cells in one step (typed, cleared, pasted or confirmed); a
    grade entered again is a review. Undo writes the earlier grades back (the history records
    both directions) and takes the reviews back out of the history."""

    def __init__(self, service: Callable[[], GradeBatchService],
                 before: dict[CellRef, Relationship], after: dict[CellRef, Grade | None],
                 text: str, note: str = "", undo_note: str = "undone") -> None:
        super().__init__(text)
        # Looked up when the command applies: a grade typed as the window first paints is
        # kept until the services are loaded (MapDocument.attach).
        self._service = service
        self._before = dict(before)
        self._after = dict(after)
        self._note, self._undo_note = note, undo_note
        self._done: list[GradeResult] = []

    @property
    def changes_anything(self) -> bool:
        """False only when every cell is blank and stays blank: no change, no review."""
        return any(grade is not None or self._before[cell].grade is not None
                   for cell, grade in self._after.items())

    def apply(self) -> Changes:
        written = self._service().set_grades(self._after, self._note)
        self._done = written.value
        return written.changes

    def revert(self) -> Changes:
        return self._service().take_back(self._done, self._before, self._undo_note).changes

    def read_before(self) -> None:
        self._before = self._service().relationships(list(self._after))


def set_grades(document: MapDocument, grades: dict[CellRef, Grade | None],
               text: str = "") -> SetGradesCommand:
    """Grades typed, cleared or confirmed in the grid, named for the undo menu."""
    contact_map = document.contact_map
    assert contact_map is not None
    before = {cell: contact_map.relationship(cell) for cell in grades}
    return SetGradesCommand(lambda: document.grade_batch, before, grades,
                            text or _grades_text(document, grades))


def _grades_text(document: MapDocument, grades: dict[CellRef, Grade | None]) -> str:
    """"Set grade T for Rep One → Ada Power", "Clear grade for …", "Set grade O for 3 cells"."""
    values = set(grades.values())
    grade = next(iter(values)) if len(values) == 1 else None
    verb = f"Set {grade_text(grade)}" if grade else "Clear grade"
    if len(values) > 1:
        verb = "Change grades"
    if len(grades) == 1:
        cell = next(iter(grades))
        contact_map = document.contact_map
        assert contact_map is not None
        return (f"{verb} for {contact_map.team_member(cell.team_member_id).name} → "
                f"{contact_map.stakeholder(cell.stakeholder_id).name}")
    return f"{verb} for {counted(len(grades), 'cell')}"


class UpdateMarksCommand(EditCommand):
    """Key flag, focus, needs-filling and note of one cell."""

    def __init__(self, document: MapDocument, before: Relationship, after: Relationship,
                 text: str) -> None:
        super().__init__(text)
        self._document = document
        self._before = before
        self._after = after

    def apply(self) -> Changes:
        return self._write(self._after)

    def revert(self) -> Changes:
        return self._write(self._before)

    def read_before(self) -> None:
        cell = self._before.cell
        self._before = self._document.grade_batch.relationships([cell])[cell]

    def _write(self, relationship: Relationship) -> Changes:
        return self._document.opened.contact_maps.update_marks(relationship).changes


class AddStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, stakeholder: Stakeholder) -> None:
        super().__init__(f"Add stakeholder {stakeholder.name}")
        self._document = document
        self._stakeholder = stakeholder
        self._added = False

    def apply(self) -> Changes:
        service = self._document.opened.contact_maps
        if self._added:
            return service.restore_stakeholder(self._stakeholder.id)
        saved = service.add_stakeholder(self._stakeholder)
        self._stakeholder, self._added = saved.value, True
        return saved.changes

    def revert(self) -> Changes:
        return self._document.opened.contact_maps.remove_stakeholder(self._stakeholder.id)


class EditStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, before: Stakeholder, after: Stakeholder,
                 text: str = "") -> None:
        super().__init__(text or f"Edit stakeholder {after.name}")
        self._document = document
        self._before = before
        self._after = after

    def apply(self) -> Changes:
        saved = self._document.opened.contact_maps.update_stakeholder(self._after)
        self._after = saved.value
        return saved.changes

    def revert(self) -> Changes:
        return self._document.opened.contact_maps.update_stakeholder(self._before).changes


class RemoveStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, stakeholder: Stakeholder) -> None:
        super().__init__(f"Remove stakeholder {stakeholder.name}")
        self._document = document
        self._stakeholder = stakeholder

    def apply(self) -> Changes:
        return self._document.opened.contact_maps.remove_stakeholder(self._stakeholder.id)

    def revert(self) -> Changes:
        return self._document.opened.contact_maps.restore_stakeholder(self._stakeholder.id)


class AddTeamMemberCommand(EditCommand):
    def __init__(self, document: MapDocument, account_id: str, member: TeamMember) -> None:
        super().__init__(f"Add team member {member.name}")
        self._document = document
        self._account_id = account_id
        self._member = member
        self._removal: TeamRemoval | None = None

    def apply(self) -> Changes:
        service = self._document.opened.contact_maps
        if self._removal is not None:
            return service.restore_team_member(self._removal)
        saved = service.add_team_member(self._account_id, self._member)
        self._member = saved.value
        return saved.changes

    def revert(self) -> Changes:
        self._removal = self._document.opened.contact_maps.remove_team_member(
            self._account_id, self._member.id)
        return self._removal.changes


class EditTeamMemberCommand(EditCommand):
    def __init__(self, document: MapDocument, account_id: str, before: TeamMember,
                 after: TeamMember) -> None:
        super().__init__(f"Edit team member {after.name}")
        self._document = document
        self._account_id = account_id
        self._before = before
        self._after = after

    def apply(self) -> Changes:
        saved = self._document.opened.contact_maps.update_team_member(self._account_id,
                                                                      self._after)
        self._after = saved.value
        return saved.changes

    def revert(self) -> Changes:
        return self._document.opened.contact_maps.update_team_member(self._account_id,
                                                                     self._before).changes


class RemoveTeamMemberCommand(EditCommand):
    """Takes the person off this account's team; undo puts them and their grades back."""

    def __init__(self, document: MapDocument, account_id: str, member: TeamMember) -> None:
        super().__init__(f"Remove team member {member.name}")
        self._document = document
        self._account_id = account_id
        self._member = member
        self._removal: TeamRemoval | None = None

    def apply(self) -> Changes:
        self._removal = self._document.opened.contact_maps.remove_team_member(
            self._account_id, self._member.id)
        return self._removal.changes

    def revert(self) -> Changes:
        assert self._removal is not None
        return self._document.opened.contact_maps.restore_team_member(self._removal)


class AddAccountCommand(EditCommand):
    def __init__(self, document: MapDocument, name: str, industry: str) -> None:
        super().__init__(f"Add account {name}")
        self._document = document
        self._name = name
        self._industry = industry
        self.account: Account | None = None

    def apply(self) -> Changes:
        accounts = self._document.opened.accounts
        if self.account is not None:
            return accounts.undelete_account(self.account.id)
        saved = accounts.create_account(self._name, self._industry)
        self.account = saved.value
        return saved.changes

    def revert(self) -> Changes:
        assert self.account is not None
        return self._document.opened.accounts.delete_account(self.account.id)


class EditAccountCommand(EditCommand):
    def __init__(self, document: MapDocument, before: Account, after: Account) -> None:
        super().__init__(f"Edit account {after.name}")
        self._document = document
        self._before = before
        self._after = after

    def apply(self) -> Changes:
        saved = self._document.opened.accounts.update_account(self._after)
        self._after = saved.value
        return saved.changes

    def revert(self) -> Changes:
        return self._document.opened.accounts.update_account(self._before).changes


class DeleteAccountCommand(EditCommand):
    """Deleted accounts stay in the file until the workspace is next opened (for undo)."""

    def __init__(self, document: MapDocument, account: Account) -> None:
        super().__init__(f"Delete account {account.name}")
        self._document = document
        self._account = account

    def apply(self) -> Changes:
        return self._document.opened.accounts.delete_account(self._account.id)

    def revert(self) -> Changes:
        return self._document.opened.accounts.undelete_account(self._account.id)
