"""Preferences ▸ Printing: our letterhead, the paper size, and the letter's fixed wording."""

from __future__ import annotations

from pathlib import Path

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

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.ui.dialogs.preferences_dialog import PreferencesPage

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
}
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
        if logo and not Path(logo).is_file():
            raise ContactMapError(f"The logo image {logo} does not exist.")
        if logo and QImageReader(logo).size().isEmpty():
            raise ContactMapError(f"The logo file {logo} is not an image this app can read.")

    def save(self) -> None:
        paper = self.paper.currentData()
        assert isinstance(paper, PaperSize)
        self._settings.save(paper_size=paper, company_name=self.company.text(),
                            logo_path=self.logo.text(), template=self.template())

    def _choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Logo for the letterhead", self.logo.text() or str(Path.home()),
            "Images (*.png *.jpg *.jpeg *.gif *.bmp)")
        if chosen:
            self.logo.setText(chosen)
