"""Add or edit a member of the account team (our side of the map)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from contactmap_desktop.domain.model import TeamMember, new_id
from contactmap_desktop.ui.accounts.stakeholder_dialog import seniority_picker
from contactmap_desktop.ui.core.form_dialog import FormDialog
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.grid.commands import AddTeamMemberCommand, EditTeamMemberCommand


class TeamMemberDialog(FormDialog):
    def __init__(self, document: MapDocument, member: TeamMember | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit Team Member" if member else "Add Team Member", parent)
        assert document.account_id is not None
        self._document = document
        self._account_id = document.account_id
        self._original = member
        self._start = member or TeamMember(new_id(), "")
        self.name = QLineEdit(self._start.name)
        self.title = QLineEdit(self._start.title)
        self.seniority = seniority_picker(self._start.seniority)
        self.email = QLineEdit(self._start.email)
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Title:", self.title)
        self.form.addRow("&Seniority:", self.seniority)
        self.form.addRow("&Email:", self.email)
        self.submit = self._save
        self.setMinimumWidth(380)

    def value(self) -> TeamMember:
        return replace(self._start, name=self.name.text(), title=self.title.text(),
                       seniority=self.seniority.currentData(), email=self.email.text())

    def _save(self) -> None:
        value = self.value()
        if self._original is None:
            self._document.runner.run_or_raise(
                AddTeamMemberCommand(self._document, self._account_id, value))
        elif value != self._original:
            self._document.runner.run_or_raise(
                EditTeamMemberCommand(self._document, self._account_id, self._original, value))

    @classmethod
    def ask(cls, document: MapDocument, member: TeamMember | None = None,
            parent: QWidget | None = None) -> bool:
        return bool(cls(document, member, parent).exec())
