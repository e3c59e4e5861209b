"""Sponsor letters in the window: the Letters tab, File ▸ Print Letter and Export Letter as
PDF, and Preferences ▸ Printing (letterhead, paper, the letter's wording)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry
from contactmap_desktop.ui.letters.letters_tab import LettersTab
from contactmap_desktop.ui.letters.printing_page import PrintingPage


class LettersFeature:
    def __init__(self, window: MainWindow, letters: LetterService,
                 settings: ReportSettings) -> None:
        self._window = window
        document = window.document
        self.settings = settings
        self.tab = LettersTab(letters, self.settings, document.runner,
                              window.report_error)
        self.tab.set_read_only(document.read_only)
        window.add_tab("&Letters", self.tab)
        self.print_action = add_menu_entry(window, "&File", "&Print Letter…", self.print_letter,
                                           QKeySequence.StandardKey.Print)
        self.export_action = add_menu_entry(window, "&File", "Export &Letter as PDF…",
                                            self.export_letter)
        document.map_loaded.connect(self._account_changed)
        document.changed.connect(self._changed)
        if not document.read_only:
            window.add_preferences_page(lambda: PrintingPage(self.settings))
        window.closing.connect(self._closing)
        self.tab.letter_shown.connect(self._update_actions)
        self._account_changed()

    def _changed(self, changes: Changes) -> None:
        account_id = self._window.document.account_id
        if account_id in changes.people | changes.team | changes.accounts \
                | changes.whole_accounts:
            self._account_changed()  # names and the account's details go into the letter
        elif changes.letters:
            self.tab.letters_changed(changes.letters)
        if changes.settings:
            self.tab.settings_changed()

    def _account_changed(self) -> None:
        self.tab.set_account(self._window.document.contact_map)

    def _update_actions(self) -> None:
        has_letter = self.tab.current_letter() is not None
        self.print_action.setEnabled(has_letter)
        self.export_action.setEnabled(has_letter)

    def print_letter(self) -> None:
        self._window.show_tab(self.tab)
        self.tab.print_letter()

    def export_letter(self) -> None:
        self._window.show_tab(self.tab)
        self.tab.export_pdf()

    def _closing(self) -> None:
        """Nothing typed is lost: the pending edit is saved before the workspace closes."""
        self.tab.flush()
        self.tab.preview.wait()

