"""Preferences ▸ Printing: our letterhead, the paper size, and the letter's fixed wording."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.letter_report import MAX_LOGO_BYTES
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.storage.inbound_files import check_ordinary_file
from contactmap_desktop.ui.core.dates import letter_dates_of
from contactmap_desktop.ui.core.preferences_dialog import PreferencesPage

PAPER_NAMES = {PaperSize.A4: "A4", PaperSize.LETTER: "US Letter"}
WORDING_LABELS = {
    "salutation": "Salutation ({name}: the addressee's first name)",
    "opening": "Opening paragraph",
    "recap_heading": "Recap heading",
    "pain_heading": "Heading of the quotes",
    "current_method_heading": "Current method heading",
    "results_heading": "Results heading",
    "impact_heading": "Impact heading",
    "solution_heading": "Solution heading",
    "value_heading": "Value heading",
    "next_steps_heading": "Next steps heading",
    "next_steps_intro": "Next steps introduction",
    "next_steps_intro_undated": "Next steps introduction while a date is open",
    "closing": "Closing line",
    "date_pattern": "Date pattern (d, MMMM, yyyy; 'quoted' text kept)",
    "month_names": "Month names, January to December",
}
# Languages offered for a letter's dates; any other can be typed into the two fields.
DATE_LANGUAGES = ("en_GB", "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR",
                  "sv_SE", "pl_PL", "ja_JP", "zh_CN")
_PARAGRAPHS = {"opening", "next_steps_intro", "next_steps_intro_undated"}


class PrintingPage(PreferencesPage):
    title = "Printing"

    def __init__(self, settings: ReportSettings) -> None:
        super().__init__()
        self.setObjectName("printingPreferences")
        self._settings = settings
        self.company = QLineEdit(settings.company_name())
        self.company.setObjectName("companyName")
        self.company.setPlaceholderText(
            "Printed at the top of every letter and under the signature (unset: the sender)")
        self.logo = QLineEdit(settings.logo_path())
        self.logo.setObjectName("logoPath")
        self.logo.setPlaceholderText("No logo")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        for size, name in PAPER_NAMES.items():
            self.paper.addItem(name, size)
        self.paper.setCurrentIndex(self.paper.findData(settings.paper_size()))
        head = QFormLayout()
        head.addRow("Our company:", self.company)
        head.addRow("Logo image:", logo_row)
        head.addRow("Paper:", self.paper)

        self.wording: dict[str, QLineEdit | QPlainTextEdit] = {}
        wording_form = QFormLayout()
        for name, label in WORDING_LABELS.items():
            editor: QLineEdit | QPlainTextEdit
            if name in _PARAGRAPHS:
                editor = QPlainTextEdit()
                editor.setFixedHeight(64)
                editor.setTabChangesFocus(True)
            else:
                editor = QLineEdit()
            editor.setObjectName(name)
            self.wording[name] = editor
            wording_form.addRow(label + ":", editor)
        self.date_language = QComboBox()
        self.date_language.setObjectName("letterDateLanguage")
        self.date_language.addItem("Choose to fill the two fields below…", None)
        for name in DATE_LANGUAGES:
            language, territory = (QLocale(name).nativeLanguageName(),
                                   QLocale(name).nativeTerritoryName())
            shown = language if territory in language else f"{language} ({territory})"
            self.date_language.addItem(shown, name)
        self.date_language.activated.connect(self._date_language_chosen)
        wording_form.insertRow(wording_form.rowCount() - 2, "Dates in the letter's language:",
                               self.date_language)
        defaults = QPushButton("Restore Default &Wording")
        defaults.clicked.connect(lambda: self.show_template(LetterTemplate()))
        wording_form.addRow(defaults)
        wording_page = QWidget()
        wording_page.setLayout(wording_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(wording_page)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self.show_template(settings.template())

    def _date_language_chosen(self, index: int) -> None:
        name = self.date_language.itemData(index)
        if name is None:
            return
        pattern, months = letter_dates_of(QLocale(name))
        for field, value in (("date_pattern", pattern), ("month_names", months)):
            editor = self.wording[field]
            assert isinstance(editor, QLineEdit)
            editor.setText(value)

    def show_template(self, template: LetterTemplate) -> None:
        for name, editor in self.wording.items():
            value = getattr(template, name)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)

    def template(self) -> LetterTemplate:
        """The wording shown; a ValidationError names a text that is too long."""
        shown = {name: editor.toPlainText() if isinstance(editor, QPlainTextEdit)
                 else editor.text() for name, editor in self.wording.items()}
        return LetterTemplate(**shown)

    def check(self) -> None:
        self.template()
        logo = self.logo.text().strip()
        if logo and not Path(logo).exists():
            raise ContactMapError(f"The logo image {logo} does not exist.")
        if logo:  # never a pipe, device or huge file, which would hang the letter's preview
            check_ordinary_file(Path(logo), MAX_LOGO_BYTES, "a logo")
        if logo and QImageReader(logo).size().isEmpty():
            raise ContactMapError(f"The logo file {logo} is not an image this app can read.")

    def save(self) -> Changes:
        paper = self.paper.currentData()
        assert isinstance(paper, PaperSize)
        return self._settings.save(paper_size=paper, company_name=self.company.text(),
                            logo_path=self.logo.text(), template=self.template())

    def _choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Logo for the letterhead", self.logo.text() or str(Path.home()),
            "Images (*.png *.jpg *.jpeg *.gif *.bmp)")
        if chosen:
            self.logo.setText(chosen)
