"""Add or edit a stakeholder: who they are, their buying roles, and whom they report to."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.ui.core.form_dialog import FormDialog
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.grid.commands import AddStakeholderCommand, EditStakeholderCommand


def seniority_picker(current: Seniority) -> QComboBox:
    picker = QComboBox()
    for seniority in Seniority:
        picker.addItem(seniority.label, seniority)
    picker.setCurrentIndex(picker.findData(current))
    return picker


class StakeholderDialog(FormDialog):
    def __init__(self, document: MapDocument, stakeholder: Stakeholder | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit Stakeholder" if stakeholder else "Add Stakeholder", parent)
        contact_map = document.contact_map
        assert contact_map is not None and document.account_id is not None
        self._document = document
        self._original = stakeholder
        start = stakeholder or Stakeholder(new_id(), document.account_id, "", position=-1)
        self.name = QLineEdit(start.name)
        self.title = QLineEdit(start.title)
        self.department = QLineEdit(start.department)
        self.seniority = seniority_picker(start.seniority)
        self.roles = {role: QCheckBox(f"&{role.label}" if role is BuyingRole.POWER
                                      else role.label) for role in BuyingRole}
        roles_row = QHBoxLayout()
        for role, box in self.roles.items():
            box.setChecked(role in start.roles)
            box.setToolTip(f"{role.badge}: {role.label} buyer")
            roles_row.addWidget(box)
        self.email = QLineEdit(start.email)
        self.phone = QLineEdit(start.phone)
        self.reports_to = QComboBox()
        self.reports_to.addItem("Nobody in this account", None)
        for other in contact_map.stakeholders:
            if other.id != start.id:
                self.reports_to.addItem(other.name, other.id)
        self.reports_to.setCurrentIndex(max(0, self.reports_to.findData(start.reports_to_id)))
        self.notes = QPlainTextEdit(start.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Title:", self.title)
        self.form.addRow("&Department:", self.department)
        self.form.addRow("&Seniority:", self.seniority)
        self.form.addRow("Buying roles:", roles_row)
        self.form.addRow("&Email:", self.email)
        self.form.addRow("P&hone:", self.phone)
        self.form.addRow("&Reports to:", self.reports_to)
        self.form.addRow("N&otes:", self.notes)
        self._start = start
        self.submit = self._save
        self.setMinimumWidth(440)

    def value(self) -> Stakeholder:
        return replace(
            self._start,
            name=self.name.text(),
            title=self.title.text(),
            department=self.department.text(),
            seniority=self.seniority.currentData(),
            roles=frozenset(role for role, box in self.roles.items() if box.isChecked()),
            email=self.email.text(),
            phone=self.phone.text(),
            reports_to_id=self.reports_to.currentData(),
            notes=self.notes.toPlainText(),
        )

    def _save(self) -> None:
        value = self.value()
        if self._original is None:
            self._document.runner.run_or_raise(AddStakeholderCommand(self._document, value))
        elif value != self._original:
            self._document.runner.run_or_raise(
                EditStakeholderCommand(self._document, self._original, value))

    @classmethod
    def ask(cls, document: MapDocument, stakeholder: Stakeholder | None = None,
            parent: QWidget | None = None) -> bool:
        return bool(cls(document, stakeholder, parent).exec())
