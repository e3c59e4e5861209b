"""Add an account, or edit its name, industry, stage, value (and its currency) and renewal
date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from contactmap_desktop.domain.model import MAX_AMOUNT, Account, AccountStage
from contactmap_desktop.domain.money import COMMON, ISO_4217
from contactmap_desktop.domain.review_cadence import MOST_DAYS_BETWEEN_REVIEWS
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.form_dialog import FormDialog
from contactmap_desktop.ui.core.map_document import MapDocument
from contactmap_desktop.ui.core.money import locale_currency
from contactmap_desktop.ui.grid.commands import AddAccountCommand, EditAccountCommand


class AccountDialog(FormDialog):
    def __init__(self, document: MapDocument, account: Account | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit Account" if account else "Add Account", parent)
        self._document = document
        self._original = account
        self.created: Account | None = None
        self.name = QLineEdit(account.name if account else "")
        self.industry = QLineEdit(account.industry if account else "")
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Industry:", self.industry)
        if account is not None:
            self.stage = QComboBox()
            for stage in AccountStage:
                self.stage.addItem(stage.label, stage)
            self.stage.setCurrentIndex(self.stage.findData(account.stage))
            self.value_box = QSpinBox()
            self.value_box.setRange(0, MAX_AMOUNT)
            self.value_box.setGroupSeparatorShown(True)
            self.value_box.setSuffix(" a year")
            self.value_box.setValue(account.annual_value)
            self.currency = QComboBox()
            self.currency.setObjectName("accountCurrency")
            self.currency.addItem("(no currency chosen)", "")
            for code in (*COMMON, *sorted(ISO_4217 - set(COMMON))):
                self.currency.addItem(code, code)
            chosen = account.currency or locale_currency()
            self.currency.setCurrentIndex(max(0, self.currency.findData(chosen)))
            value_row = QHBoxLayout()
            value_row.addWidget(self.value_box, 1)
            value_row.addWidget(self.currency)
            self.has_renewal = QCheckBox("Renews on")
            renewal = account.renewal_date
            self.renewal = DateField(renewal or date.today() + timedelta(days=365))
            self.has_renewal.setChecked(account.renewal_date is not None)
            self.renewal.setEnabled(account.renewal_date is not None)
            self.has_renewal.toggled.connect(self.renewal.setEnabled)
            # Article 001: "don't be afraid to tweak the schedule" of review meetings.
            self.own_interval = QCheckBox("Reviews every")
            self.own_interval.setObjectName("accountOwnInterval")
            self.interval = QSpinBox()
            self.interval.setObjectName("accountReviewInterval")
            self.interval.setRange(1, MOST_DAYS_BETWEEN_REVIEWS)
            self.interval.setSuffix(" days")
            self.interval.setValue(account.review_interval_days or 91)
            self.own_interval.setChecked(account.review_interval_days is not None)
            self.interval.setEnabled(account.review_interval_days is not None)
            self.own_interval.setToolTip("Set this account's own rhythm of review meetings; "
                                         "unticked, its value tier decides")
            self.own_interval.toggled.connect(self.interval.setEnabled)
            self.form.addRow("&Stage:", self.stage)
            self.form.addRow("Annual &value:", value_row)
            self.form.addRow(self.has_renewal, self.renewal)
            self.form.addRow(self.own_interval, self.interval)
        self.submit = self._save
        self.setMinimumWidth(380)

    def _renewal_date(self) -> date | None:
        if not self.has_renewal.isChecked():
            return None
        return self.renewal.date()

    def _save(self) -> None:
        if self._original is None:
            command = AddAccountCommand(self._document, self.name.text(), self.industry.text())
            self._document.runner.run_or_raise(command)
            self.created = command.account
            return
        edited = replace(
            self._original, name=self.name.text(), industry=self.industry.text(),
            stage=self.stage.currentData(), annual_value=self.value_box.value(),
            currency=self.currency.currentData(), renewal_date=self._renewal_date(),
            review_interval_days=self.interval.value() if self.own_interval.isChecked()
            else None,
        )
        if edited != self._original:
            self._document.runner.run_or_raise(
                EditAccountCommand(self._document, self._original, edited))
