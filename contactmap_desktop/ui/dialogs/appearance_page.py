"""Preferences ▸ Appearance: light, dark, or the system's scheme (a choice of this computer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout

from contactmap_desktop.ui.dialogs.preferences_dialog import PreferencesPage
from contactmap_desktop.ui.settings import UiSettings
from contactmap_desktop.ui.theme import ColorScheme

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
        layout.addStretch(1)

    def chosen(self) -> ColorScheme:
        return next(s for s, b in self.buttons.items() if b.isChecked())

    def save(self) -> None:
        scheme = self.chosen()
        self._settings.set_color_scheme(scheme)
        self._apply(scheme)
