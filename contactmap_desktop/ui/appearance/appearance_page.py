"""Preferences ▸ Appearance: light, dark, or the system's scheme, and how dates are written
(choices of this computer)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLabel, QRadioButton, QVBoxLayout

from contactmap_desktop.domain.changes import NO_CHANGES, Changes
from contactmap_desktop.domain.dates import ISO
from contactmap_desktop.ui.core.dates import WindowDates, locale_style
from contactmap_desktop.ui.core.preferences_dialog import PreferencesPage
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.theme import ColorScheme

MNEMONICS = {ColorScheme.SYSTEM: "&Follow the system", ColorScheme.LIGHT: "&Light",
             ColorScheme.DARK: "&Dark"}


class AppearancePage(PreferencesPage):
    title = "Appearance"

    def __init__(self, settings: UiSettings, apply: Callable[[ColorScheme], None]) -> None:
        super().__init__()
        self.setObjectName("appearancePreferences")
        self._settings = settings
        self._apply = apply
        intro = QLabel("Colors of the window on this computer. Grades keep their letters and "
                       "readable colors in both schemes.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[ColorScheme, QRadioButton] = {}
        for scheme in ColorScheme:
            button = QRadioButton(MNEMONICS[scheme])
            button.setObjectName(f"scheme-{scheme.value}")
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[scheme] = button
        self.buttons[settings.color_scheme()].setChecked(True)
        example = date(2027, 1, 11)
        iso, local = ISO.format(example), locale_style(QLocale()).format(example)
        self.iso_dates = QCheckBox(f"Write dates as &ISO 8601 ({iso})" + (
            f" instead of this computer's way ({local})" if local != iso else
            ", as this computer does anyway"))
        self.iso_dates.setObjectName("isoDates")
        self.iso_dates.setChecked(settings.iso_dates())
        layout.addSpacing(8)
        layout.addWidget(self.iso_dates)
        layout.addStretch(1)

    def chosen(self) -> ColorScheme:
        return next(s for s, b in self.buttons.items() if b.isChecked())

    def save(self) -> Changes:
        scheme = self.chosen()
        self._settings.set_color_scheme(scheme)
        self._apply(scheme)
        self._settings.set_iso_dates(self.iso_dates.isChecked())
        # Dates already on screen follow when their views are next drawn or refreshed.
        WindowDates.use(iso=self.iso_dates.isChecked())
        return NO_CHANGES  # choices of this machine, not of the workspace
