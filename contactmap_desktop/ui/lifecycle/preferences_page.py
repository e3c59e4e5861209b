"""Edit ▸ Preferences ▸ Lifecycle: the passive-engagement threshold, renewal reminders, the
agenda's reach, and the review tiers by account value."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from contactmap_desktop.domain.account_watch import BOUNDS, LABELS, LifecycleSettings
from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.review_cadence import DEFAULT_TIERS, CadenceTier, checked_tiers
from contactmap_desktop.services.settings_service import (
    LIFECYCLE_SETTINGS,
    REVIEW_TIERS,
    SettingsService,
)
from contactmap_desktop.ui.core.preferences_dialog import PreferencesPage

# On two lines, so that all four columns fit the Preferences dialog side by side.
TIER_HEADERS = ("From annual\nvalue", "Review every\n(days)", "Who takes part",
                "CEO visit every\n(days, blank: none)")


class LifecyclePage(PreferencesPage):
    title = "Lifecycle"

    def __init__(self, settings: SettingsService) -> None:
        super().__init__()
        self.setObjectName("lifecyclePreferences")
        self._settings = settings
        form = self.spin_form(BOUNDS, LABELS)
        self.tiers = QStandardItemModel(0, len(TIER_HEADERS), self)
        self.tiers.setHorizontalHeaderLabels(list(TIER_HEADERS))
        self.table = QTableView()
        self.table.setObjectName("reviewTiers")
        self.table.setModel(self.tiers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, action in (("&Add Tier", self._add_tier), ("&Remove Tier", self._remove_tier),
                             ("Restore &Defaults", self._defaults)):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        intro = QLabel("An engagement is passive when its latest steps are all ours. Reviews "
                       "are due by the account's annual value: the highest tier it reaches "
                       "applies.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Review tiers</b>"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_values(settings.get(LIFECYCLE_SETTINGS), settings.get(REVIEW_TIERS))

    def show_values(self, values: LifecycleSettings, tiers: tuple[CadenceTier, ...]) -> None:
        for name, value in values.to_json().items():
            self.spins[name].setValue(value)
        self.tiers.removeRows(0, self.tiers.rowCount())
        for tier in tiers:
            self._append(tier)

    def values(self) -> tuple[LifecycleSettings, tuple[CadenceTier, ...]]:
        settings = LifecycleSettings(**{n: s.value() for n, s in self.spins.items()})
        return settings, checked_tiers([self._tier(row) for row in range(self.tiers.rowCount())])

    def check(self) -> None:
        self.values()

    def save(self) -> Changes:
        settings, tiers = self.values()
        return self._settings.set(LIFECYCLE_SETTINGS, settings) \
            | self._settings.set(REVIEW_TIERS, tiers)

    def _append(self, tier: CadenceTier) -> None:
        ceo = "" if tier.ceo_visit_every_days is None else str(tier.ceo_visit_every_days)
        self.tiers.appendRow([QStandardItem(text) for text in (
            f"{tier.from_value}", f"{tier.every_days}", tier.who, ceo)])

    def _tier(self, row: int) -> CadenceTier:
        cells = [self.tiers.item(row, c).text().replace(",", "").strip() for c in range(4)]
        try:
            value, every = int(cells[0]), int(cells[1])
            ceo = int(cells[3]) if cells[3] else None
        except ValueError:
            raise ValidationError(f"Review tier {row + 1}: the value and the days must be "
                                  "whole numbers.") from None
        return CadenceTier(value, every, self.tiers.item(row, 2).text(), ceo)

    def _add_tier(self) -> None:
        values = [self.tiers.item(row, 0).text().replace(",", "").strip()
                  for row in range(self.tiers.rowCount()) if self.tiers.item(row, 0)]
        top = max((int(v) for v in values if v.isdigit()), default=0)
        self._append(CadenceTier(top * 2 or 100_000, 91, "Quarterly review"))
        self.table.selectRow(self.tiers.rowCount() - 1)

    def _remove_tier(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.tiers.removeRow(rows[0].row())

    def _defaults(self) -> None:
        self.show_values(LifecycleSettings(), DEFAULT_TIERS)
