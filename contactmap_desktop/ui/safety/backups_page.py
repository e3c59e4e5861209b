"""Preferences ▸ Backups: how many dated backups this computer keeps of each workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout

from contactmap_desktop.domain.changes import NO_CHANGES, Changes
from contactmap_desktop.storage.backup_rotation import RetentionPolicy
from contactmap_desktop.ui.core.preferences_dialog import PreferencesPage
from contactmap_desktop.ui.core.settings import RETENTION_FIELDS, RETENTION_RANGE, UiSettings

LABELS = {
    "last": "&Latest backups kept",
    "daily": "&Days that keep one",
    "weekly": "&Weeks that keep one",
    "monthly": "&Months that keep one",
}


class BackupsPage(PreferencesPage):
    title = "Backups"

    def __init__(self, settings: UiSettings) -> None:
        super().__init__()
        self.setObjectName("backupsPreferences")
        self._settings = settings
        intro = QLabel("ContactMap backs up each workspace when it opens one, in this computer's "
                       "data folder. It keeps the newest backups, and one for each recent day, "
                       "week and month. Changes apply from the next opening.")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        policy = settings.backup_retention()
        for name in RETENTION_FIELDS:
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(*RETENTION_RANGE)
            spin.setValue(getattr(policy, name))
            spin.setAccessibleName(LABELS[name].replace("&", ""))
            label = QLabel(LABELS[name] + ":")
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.spins[name] = spin
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def policy(self) -> RetentionPolicy:
        return RetentionPolicy(**{name: spin.value() for name, spin in self.spins.items()})

    def save(self) -> Changes:
        self._settings.set_backup_retention(self.policy())
        return NO_CHANGES  # a choice of this machine, not of the workspace
