"""The undoable edits of the Contact Map: grades, marks, people and accounts.

Each command commits through a service, then tells the document what changed so only
that part of the screen is repainted.
"""

from __future__ import annotations

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.contact_map_service import GradeResult, TeamRemoval
from contactmap_desktop.ui.edit_runner import EditCommand
from contactmap_desktop.ui.map_document import MapDocument


def grade_text(grade: Grade | None) -> str:
    return f"grade {grade.letter}" if grade else "no grade"


class SetGradesCommand(EditCommand):
    """Grades of one or more cells in one step; a grade entered again is a review. Undo
    writes the earlier grades back (the history records both directions) and takes the
    reviews back out of the history."""

    def __init__(self, document: MapDocument, grades: dict[CellRef, Grade | None],
                 text: str = "") -> None:
        contact_map = document.contact_map
        assert contact_map is not None
        super().__init__(text or _grades_text(document, grades))
        self._document = document
        self._before = {cell: contact_map.relationship(cell) for cell in grades}
        self._after = dict(grades)
        self._done: list[GradeResult] = []

    @property
    def changes_anything(self) -> bool:
        """False only when every cell is blank and stays blank: no change, no review."""
        return any(grade is not None or self._before[cell].grade is not None
                   for cell, grade in self._after.items())

    def apply(self) -> None:
        self._done = self._document.grade_batch.set_grades(self._after, "")
        self._show(self._done)

    def revert(self) -> None:
        self._show(self._document.grade_batch.take_back(self._done, self._before, "undone"))

    def _show(self, results: list[GradeResult]) -> None:
        show_grade_results(self._document, results)
        self._document.cells_changed.emit(list(self._after))


def show_grade_results(document: MapDocument, results: list[GradeResult]) -> None:
    """Keep the document's map in step with grade edits just committed."""
    contact_map = document.contact_map
    if contact_map is None:
        return
    for result in results:
        contact_map.put(result.relationship)
        if result.change is not None:
            contact_map.add_change(result.change)
        if result.withdrawn is not None:
            contact_map.drop_change(result.withdrawn)


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

    def apply(self) -> None:
        self._write(self._after)

    def revert(self) -> None:
        self._write(self._before)

    def _write(self, relationship: Relationship) -> None:
        saved = self._document.opened.contact_map.update_marks(relationship)
        if self._document.contact_map is not None:
            self._document.contact_map.put(saved)
        self._document.cells_changed.emit([saved.cell])


class AddStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, stakeholder: Stakeholder) -> None:
        super().__init__(f"Add stakeholder {stakeholder.name}")
        self._document = document
        self._stakeholder = stakeholder
        self._added = False

    def apply(self) -> None:
        service = self._document.opened.contact_map
        if self._added:
            service.restore_stakeholder(self._stakeholder.id)
        else:
            self._stakeholder = service.add_stakeholder(self._stakeholder)
            self._added = True
        self._document.refresh_people()

    def revert(self) -> None:
        self._document.opened.contact_map.remove_stakeholder(self._stakeholder.id)
        self._document.refresh_people()


class EditStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, before: Stakeholder, after: Stakeholder,
                 text: str = "") -> None:
        super().__init__(text or f"Edit stakeholder {after.name}")
        self._document = document
        self._before = before
        self._after = after

    def apply(self) -> None:
        self._after = self._document.opened.contact_map.update_stakeholder(self._after)
        self._document.refresh_people()

    def revert(self) -> None:
        self._document.opened.contact_map.update_stakeholder(self._before)
        self._document.refresh_people()


class RemoveStakeholderCommand(EditCommand):
    def __init__(self, document: MapDocument, stakeholder: Stakeholder) -> None:
        super().__init__(f"Remove stakeholder {stakeholder.name}")
        self._document = document
        self._stakeholder = stakeholder

    def apply(self) -> None:
        self._document.opened.contact_map.remove_stakeholder(self._stakeholder.id)
        self._document.refresh_people()

    def revert(self) -> None:
        self._document.opened.contact_map.restore_stakeholder(self._stakeholder.id)
        self._document.refresh_people()


class AddTeamMemberCommand(EditCommand):
    def __init__(self, document: MapDocument, account_id: str, member: TeamMember) -> None:
        super().__init__(f"Add team member {member.name}")
        self._document = document
        self._account_id = account_id
        self._member = member
        self._removal: TeamRemoval | None = None

    def apply(self) -> None:
        service = self._document.opened.contact_map
        if self._removal is not None:
            service.restore_team_member(self._removal)
        else:
            self._member = service.add_team_member(self._account_id, self._member)
        self._document.refresh_people()

    def revert(self) -> None:
        self._removal = self._document.opened.contact_map.remove_team_member(
            self._account_id, self._member.id)
        self._document.refresh_people()


class EditTeamMemberCommand(EditCommand):
    def __init__(self, document: MapDocument, account_id: str, before: TeamMember,
                 after: TeamMember) -> None:
        super().__init__(f"Edit team member {after.name}")
        self._document = document
        self._account_id = account_id
        self._before = before
        self._after = after

    def apply(self) -> None:
        self._after = self._document.opened.contact_map.update_team_member(
            self._account_id, self._after)
        self._document.refresh_people()

    def revert(self) -> None:
        self._document.opened.contact_map.update_team_member(self._account_id, self._before)
        self._document.refresh_people()


class RemoveTeamMemberCommand(EditCommand):
    """Takes the person off this account's team; undo puts them and their grades back."""

    def __init__(self, document: MapDocument, account_id: str, member: TeamMember) -> None:
        super().__init__(f"Remove team member {member.name}")
        self._document = document
        self._account_id = account_id
        self._member = member
        self._removal: TeamRemoval | None = None

    def apply(self) -> None:
        self._removal = self._document.opened.contact_map.remove_team_member(
            self._account_id, self._member.id)
        self._document.refresh_people()

    def revert(self) -> None:
        assert self._removal is not None
        self._document.opened.contact_map.restore_team_member(self._removal)
        self._document.refresh_people()


class AddAccountCommand(EditCommand):
    def __init__(self, document: MapDocument, name: str, industry: str) -> None:
        super().__init__(f"Add account {name}")
        self._document = document
        self._name = name
        self._industry = industry
        self.account: Account | None = None

    def apply(self) -> None:
        accounts = self._document.opened.accounts
        if self.account is None:
            self.account = accounts.create_account(self._name, self._industry)
        else:
            accounts.undelete_account(self.account.id)
        self._document.accounts_changed.emit()

    def revert(self) -> None:
        assert self.account is not None
        self._document.opened.accounts.delete_account(self.account.id)
        _leave_if_current(self._document, self.account.id)
        self._document.accounts_changed.emit()


class EditAccountCommand(EditCommand):
    def __init__(self, document: MapDocument, before: Account, after: Account) -> None:
        super().__init__(f"Edit account {after.name}")
        self._document = document
        self._before = before
        self._after = after

    def apply(self) -> None:
        self._after = self._document.opened.accounts.update_account(self._after)
        self._changed()

    def revert(self) -> None:
        self._document.opened.accounts.update_account(self._before)
        self._changed()

    def _changed(self) -> None:
        self._document.accounts_changed.emit()
        if self._document.account_id == self._before.id:
            self._document.reload()


class DeleteAccountCommand(EditCommand):
    """Deleted accounts stay in the file until the workspace is next opened (for undo)."""

    def __init__(self, document: MapDocument, account: Account) -> None:
        super().__init__(f"Delete account {account.name}")
        self._document = document
        self._account = account

    def apply(self) -> None:
        self._document.opened.accounts.delete_account(self._account.id)
        _leave_if_current(self._document, self._account.id)
        self._document.accounts_changed.emit()

    def revert(self) -> None:
        self._document.opened.accounts.undelete_account(self._account.id)
        self._document.accounts_changed.emit()


def _leave_if_current(document: MapDocument, account_id: str) -> None:
    if document.account_id == account_id:
        document.open_account(None)
