"""Sponsor letters in the window: the Letters tab, File ▸ Print Letter and Export Letter as
PDF, and Preferences ▸ Printing (letterhead, paper, the letter's wording)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.ui.core.built_when_shown import BuiltWhenShown, Room
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.window_actions import add_menu_entry

if TYPE_CHECKING:
    from contactmap_desktop.ui.letters.letters_tab import LettersTab
    from contactmap_desktop.ui.letters.printing_page import PrintingPage


class LettersFeature:
    """The Letters tab is built when it is first shown (or asked for): until then the menu's
    Print and Export open it and print its letter, if the account has one."""

    def __init__(self, window: MainWindow, letters: LetterService,
                 settings: ReportSettings) -> None:
        self._window = window
        self._letters = letters
        self.settings = settings
        self.page = BuiltWhenShown(self._build_tab, Room(characters=91, lines=12))
        window.add_tab("&Letters", self.page)
        self.print_action = add_menu_entry(window, "&File", "&Print Letter…", self.print_letter,
                                           QKeySequence.StandardKey.Print)
        self.export_action = add_menu_entry(window, "&File", "Export &Letter as PDF…",
                                            self.export_letter)
        document = window.document
        document.map_loaded.connect(self._account_changed)
        document.changed.connect(self._changed)
        if not document.read_only:
            window.add_preferences_page(self._printing_page)
        window.closing.connect(self._closing)

    @property
    def tab(self) -> LettersTab:
        """The Letters tab, built now if it is not yet."""
        return self.page.build()

    def _build_tab(self) -> LettersTab:
        """Built from what the window shows now: changes before it need no replay. It uses
        ``tab`` itself: ``page.widget`` is still None until this returns."""
        # Imported with the tab: its modules (form, preview, printing) would weigh on the
        # window's memory from the start though the tab may never be opened.
        from contactmap_desktop.ui.letters.letters_tab import LettersTab

        document = self._window.document
        tab = LettersTab(self._letters, self.settings, document.runner,
                         self._window.report_error)
        tab.set_read_only(document.read_only)
        tab.letter_shown.connect(self._update_actions)
        tab.set_account(document.contact_map)
        self._enable_actions(tab)
        return tab

    def _printing_page(self) -> PrintingPage:
        from contactmap_desktop.ui.letters.printing_page import PrintingPage

        return PrintingPage(self.settings)

    def _changed(self, changes: Changes) -> None:
        tab = self.page.widget
        if tab is None:
            return
        account_id = self._window.document.account_id
        if account_id in changes.people | changes.team | changes.accounts \
                | changes.whole_accounts:
            self._account_changed()  # names and the account's details go into the letter
        elif changes.letters:
            tab.letters_changed(changes.letters)
        if changes.settings:
            tab.settings_changed()

    def _account_changed(self) -> None:
        tab = self.page.widget
        if tab is not None:
            tab.set_account(self._window.document.contact_map)

    def _update_actions(self) -> None:
        self._enable_actions(self.page.widget)

    def _enable_actions(self, tab: LettersTab | None) -> None:
        has_letter = tab is not None and tab.current_letter() is not None
        self.print_action.setEnabled(has_letter)
        self.export_action.setEnabled(has_letter)

    def show_letter(self, letter_id: str, milestone: int | None = None) -> None:
        """Bring the Letters tab forward with one of the account's letters open."""
        self._window.show_tab(self.page)
        self.tab.show_letter(letter_id, milestone)

    def print_letter(self) -> None:
        self._window.show_tab(self.page)
        self.tab.print_letter()

    def export_letter(self) -> None:
        self._window.show_tab(self.page)
        self.tab.export_pdf()

    def _closing(self) -> None:
        """Nothing typed is lost: the pending edit is saved before the workspace closes."""
        tab = self.page.widget
        if tab is not None:
            tab.flush()
            tab.preview.wait()

