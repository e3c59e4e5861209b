"""The Letters tab: the account's letters, the composer form and the live preview of the page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ContactMapError, NotFoundError
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.services.letter_report import (
    Letterhead,
    export_letter,
    letter_document,
    letter_pdf_bytes,
)
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.ui.core.edit_runner import EditRunner, ReportError
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.core.when_shown import WhenShown
from contactmap_desktop.ui.letters.letter_autosave import LetterAutosave
from contactmap_desktop.ui.letters.letter_commands import AddLetterCommand, DeleteLetterCommand
from contactmap_desktop.ui.letters.letter_form import LetterForm
from contactmap_desktop.ui.letters.letter_list_model import LetterListModel
from contactmap_desktop.ui.letters.letter_preview import LetterPreview
from contactmap_desktop.ui.letters.letter_printing import (
    ask_export_despite_gaps,
    ask_export_path,
    show_print_preview,
)


class LettersTab(QWidget):
    """Edits are saved as the user types, each an undoable step run by ``runner``."""

    letter_shown = Signal()  # another letter (or none) is in the form

    def __init__(self, service: LetterService, settings: ReportSettings, runner: EditRunner,
                 report_error: ReportError,
                 ask_path: Callable[[QWidget, Path, SponsorLetter], Path | None] = ask_export_path,
                 confirm_gaps: Callable[[QWidget, list[str]], bool] = ask_export_despite_gaps
                 ) -> None:
        super().__init__()
        self.setObjectName("lettersTab")
        self._service, self._settings, self._runner = service, settings, runner
        self._letterhead = Letterhead.read(settings)
        # Drawn when the tab is on screen (ReportLab loads then, too).
        self._preview_when_shown = WhenShown(self, self._draw_preview)
        self._report, self._ask_path = report_error, ask_path
        self._confirm_gaps = confirm_gaps
        self._contact_map: ContactMap | None = None
        self._read_only = False
        self.export_folder = Path.home()
        self.autosave = LetterAutosave(service, runner, self)
        self.model = LetterListModel()
        self.list = QListView()
        self.list.setObjectName("letterList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton("New letter")
        self.revise_button = QPushButton("New letter from this one")
        self.delete_button = QPushButton("Delete")
        self.export_button = QPushButton("Export PDF…")
        self.print_button = QPushButton("Print…")
        for button, name, slot in (
                (self.new_button, "newLetter", self.new_letter),
                (self.revise_button, "reviseLetter", self.new_revision),
                (self.delete_button, "deleteLetter", self.delete_letter),
                (self.export_button, "exportLetter", self.export_pdf),
                (self.print_button, "printLetter", self.print_letter)):
            button.setObjectName(name)
            button.clicked.connect(slot)
        self.form = LetterForm()
        self.form.edited.connect(self._edited)
        # Also before a menu opens: Edit ▸ Undo then takes back what was just typed.
        self.form.field_left.connect(self.flush)
        self.preview = LetterPreview()
        self.message = plain_label(QLabel())
        self.message.setObjectName("letterMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        self._update_actions()

    def _lay_out(self) -> None:
        letters = QWidget()
        left = QVBoxLayout(letters)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QLabel("Letters of this account"))
        left.addWidget(self.list, 1)
        for button in (self.new_button, self.revise_button, self.delete_button):
            left.addWidget(button)
        printed = QWidget()
        right = QVBoxLayout(printed)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("lettersSplitter")
        for widget, stretch in ((letters, 0), (self.form, 1), (printed, 1)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([190, 600, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- what the window tells the tab --------------------------------------------------------
    def set_account(self, contact_map: ContactMap | None) -> None:
        """Show the letters of another account (or of the same one, read again)."""
        self.flush()
        same = (self._contact_map is not None and contact_map is not None
                and self._contact_map.account.id == contact_map.account.id)
        self._contact_map = contact_map
        if contact_map is None:
            self.form.set_people([], [])
        else:
            self.form.set_people(contact_map.stakeholders, contact_map.team_members)
        current = self.current_letter() if same else None
        self._reload_list(current.id if current else None)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.form.set_read_only(read_only)
        self._update_actions()

    def settings_changed(self) -> None:
        """The letterhead, paper or template changed in preferences: redraw the preview."""
        self._letterhead = Letterhead.read(self._settings)
        self._preview()

    def flush(self) -> bool:
        """Save any edit still waiting for its pause (before closing, switching, printing)."""
        return self.autosave.flush()

    def current_letter(self) -> SponsorLetter | None:
        return self.form.letter()

    def show_letter(self, letter_id: str, milestone: int | None = None) -> None:
        """Open one of the account's letters (from the agenda), with the next step numbered
        ``milestone`` selected and focused."""
        self.flush()
        shown = self.current_letter()
        if shown is None or shown.id != letter_id:
            row = self.model.row_of(letter_id)
            if row < 0:
                self._reload_list(letter_id)  # written since the list was read
            else:
                self._select_row(row)
            shown = self.current_letter()
        if milestone is not None and shown is not None and shown.id == letter_id:
            self.form.show_milestone(milestone)

    # -- the list -------------------------------------------------------------------------
    def _reload_list(self, select_id: str | None) -> None:
        account = self._contact_map.account.id if self._contact_map else None
        self.model.set_letters(self._service.list_for_account(account) if account else [])
        row = self.model.row_of(select_id)
        self._select_row(0 if row < 0 and self.model.rowCount() else row)

    def _select_row(self, row: int) -> None:
        selection = self.list.selectionModel()
        if row < 0:
            selection.clear()
            self._open(None)
            return
        index = self.model.index(row)
        if selection.currentIndex() == index:
            self._open(self.model.letters()[row])
        else:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        letters = self.model.letters()
        self._open(letters[current.row()] if current.isValid() else None)

    def _open(self, letter: SponsorLetter | None) -> None:
        self.autosave.reset(letter)
        self.form.show_letter(letter)
        self._preview()
        self._update_actions()
        self.letter_shown.emit()

    def _update_actions(self) -> None:
        has_letter = self.form.letter() is not None
        self.new_button.setEnabled(self._contact_map is not None and not self._read_only)
        self.revise_button.setEnabled(has_letter and not self._read_only)
        self.delete_button.setEnabled(has_letter and not self._read_only)
        self.export_button.setEnabled(has_letter)
        self.print_button.setEnabled(has_letter)

    # -- edits ----------------------------------------------------------------------------
    def _edited(self, letter: SponsorLetter, what: str) -> None:
        self.autosave.edited(letter, what)
        self._preview()

    def letters_changed(self, letter_ids: Iterable[str]) -> None:
        """Letters changed in the file (an edit, its undo or redo, a sync): the list, form
        and preview follow."""
        for letter_id in letter_ids:
            try:
                letter: SponsorLetter | None = self._service.get(letter_id)
            except NotFoundError:  # deleted
                letter = None
            self._changed(letter, letter_id)

    def _changed(self, letter: SponsorLetter | None, letter_id: str) -> None:
        if letter is not None and (self._contact_map is None
                                   or letter.account_id != self._contact_map.account.id):
            return  # another account's letter
        if self.autosave.saving and letter is not None:
            self.autosave.saved = letter  # our own save of what the form already shows
            self.model.set_letters(self._service.list_for_account(letter.account_id))
            return
        self.autosave.reset(None)  # an undo, a redo, a new or deleted letter: show the file
        if letter is not None:
            self._reload_list(letter.id)
            return
        current = self.form.letter()
        self._reload_list(current.id if current and current.id != letter_id else None)

    def new_letter(self) -> None:
        if self._contact_map is None or not self.flush():
            return
        draft = self._service.draft(self._contact_map)
        self._runner.run(AddLetterCommand(self._service, draft, "New letter"))

    def new_revision(self) -> None:
        letter = self.form.letter()
        if letter is None or not self.flush():
            return
        copy = self._service.revision(letter)
        self._runner.run(AddLetterCommand(self._service, copy, "New letter from an earlier one"))

    def delete_letter(self) -> None:
        letter = self.form.letter()
        if letter is None or not self.flush():
            return
        self._runner.run(DeleteLetterCommand(self._service, self.autosave.saved or letter))

    # -- printing -------------------------------------------------------------------------
    def _preview(self) -> None:
        self._preview_when_shown.request()

    def _draw_preview(self) -> None:
        letter = self.form.letter()
        try:
            document = letter_document(letter, self._letterhead) if letter else None
        except ContactMapError as error:
            self.message.setText(str(error))
            return
        self.preview.show_document(document)

    def export_pdf(self) -> None:
        letter = self.form.letter()
        if letter is None:
            return
        self.flush()
        gaps = letter.gaps()
        if gaps and not self._confirm_gaps(self, gaps):
            return
        path = self._ask_path(self, self.export_folder, letter)
        if path is None:
            return
        try:
            export_letter(letter, self._settings, path)
        except ContactMapError as error:
            self._report(str(error))
            return
        self.export_folder = path.parent
        self.message.setText(f"Exported to {path}")

    def print_letter(self) -> None:
        letter = self.form.letter()
        if letter is None:
            return
        self.flush()
        gaps = letter.gaps()  # checked before printing as before exporting
        if gaps and not self._confirm_gaps(self, gaps):
            return
        try:
            pdf = letter_pdf_bytes(letter, self._settings)
        except ContactMapError as error:
            self._report(str(error))
            return
        show_print_preview(self, pdf, self._settings.paper_size())
