"""Preferences ▸ Printing: letterhead, paper and wording saved, checked, and used by the letter."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.preferences_dialog import PreferencesDialog, PreferencesPage
from contactmap_desktop.ui.letters.feature import LettersFeature
from contactmap_desktop.ui.letters.printing_page import WORDING_LABELS, PrintingPage


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenWorkspace]:
    workspace = open_workspace(tmp_path / "w.cmap", create=True)
    yield workspace
    workspace.close()


def test_every_template_text_has_a_field() -> None:
    assert set(WORDING_LABELS) == {field.name for field in fields(LetterTemplate)}


def test_letterhead_paper_and_wording_are_saved(qtbot: QtBot, opened: OpenWorkspace,
                                                tmp_path: Path) -> None:
    settings = ReportSettings(SettingsService(opened.workspace))
    page = PrintingPage(settings)
    qtbot.addWidget(page)
    assert page.paper.currentText() == "A4"
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e8c"))
    image.save(str(logo))
    qtbot.keyClicks(page.company, "Meridian & <Partners>")
    page.logo.setText(str(logo))
    page.paper.setCurrentIndex(page.paper.findText("US Letter"))
    recap = page.wording["recap_heading"]
    assert isinstance(recap, QWidget)
    page.wording["recap_heading"].clear()
    qtbot.keyClicks(page.wording["recap_heading"], "Where things stand")
    page.check()
    page.save()
    assert settings.company_name() == "Meridian & <Partners>"
    assert settings.logo_path() == str(logo)
    assert settings.paper_size() is PaperSize.LETTER
    assert settings.template().recap_heading == "Where things stand"
    page.show_template(LetterTemplate())
    assert page.template() == LetterTemplate()


def test_a_missing_logo_or_too_long_wording_is_refused(qtbot: QtBot, opened: OpenWorkspace,
                                                       tmp_path: Path) -> None:
    page = PrintingPage(ReportSettings(SettingsService(opened.workspace)))
    qtbot.addWidget(page)
    page.logo.setText(str(tmp_path / "nowhere.png"))
    with pytest.raises(ContactMapError, match="does not exist"):
        page.check()
    (tmp_path / "notes.png").write_text("not an image")
    page.logo.setText(str(tmp_path / "notes.png"))
    with pytest.raises(ContactMapError, match="not an image"):
        page.check()
    page.logo.clear()
    page.wording["closing"].setText("x" * 401)  # type: ignore[union-attr]
    with pytest.raises(ContactMapError, match="closing"):
        page.check()


def test_saved_preferences_redraw_the_preview(qtbot: QtBot, sample_window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sample_window.features.letters
    assert isinstance(feature, LettersFeature)
    preview = feature.tab.preview
    sample_window.show_tab(feature.tab)
    qtbot.waitUntil(lambda: bool(preview.pdf), timeout=10_000)

    def ask(_parent: QWidget | None, pages: Sequence[PreferencesPage]) -> Changes:
        page = next(p for p in pages if isinstance(p, PrintingPage))
        page.company.setText("Meridian Routing Ltd")
        page.wording["pain_heading"].setText("What we heard")  # type: ignore[union-attr]
        return page.save()  # the window applies what the page's service returned

    monkeypatch.setattr(PreferencesDialog, "ask", ask)
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        sample_window.edit_preferences()
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text()
    assert "Meridian Routing Ltd" in text and "What we heard" in text


def test_a_language_fills_the_letter_s_date_fields(qtbot: QtBot, opened: OpenWorkspace) -> None:
    settings = ReportSettings(SettingsService(opened.workspace))
    page = PrintingPage(settings)
    qtbot.addWidget(page)
    page.date_language.setCurrentIndex(page.date_language.findData("de_DE"))
    page.date_language.activated.emit(page.date_language.currentIndex())
    assert page.template().date_pattern == "d. MMMM yyyy"
    assert page.template().month_names.split()[2] == "März"
    page.check()
    page.save()
    assert settings.template().long_dates().format(date(2027, 1, 11)) == "11. Januar 2027"
