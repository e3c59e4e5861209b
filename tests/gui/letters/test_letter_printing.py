"""Printing the letter's real PDF pages, and the file name offered for an export."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import PainStatement, SponsorLetter
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.sponsor_letter_pdf import (
    SponsorLetterDocument,
    build_sponsor_letter_pdf,
)
from contactmap_desktop.ui.letters.letter_printing import (
    ask_export_despite_gaps,
    ask_export_path,
    paint_pdf,
    printer_for,
    show_print_preview,
    suggested_file_name,
)
from contactmap_desktop.ui.letters.pdf_pages import UnreadablePdfError, page_count, render_pages
from tests.helpers.pdf_checks import needs_poppler, pdf_text

LONG = "\n\n".join(f"Paragraph {n} of a recap long enough to need a second page." * 3
                   for n in range(1, 30))


def _pdf(paper: PaperSize = PaperSize.LETTER) -> bytes:
    letter = SponsorLetter("l1", "a1", date(2026, 1, 5), subject="Rollout",
                           addressee_name="Zoë Müller", current_method=LONG,
                           pains=(PainStatement("Too slow", "李伟"),))
    return build_sponsor_letter_pdf(SponsorLetterDocument(letter, LetterTemplate(), "Meridian",
                                                          None, paper))


def test_pages_are_drawn_at_the_asked_resolution(qapp: QApplication) -> None:
    pdf = _pdf(PaperSize.A4)
    pages = render_pages(pdf, 36.0)
    assert len(pages) == page_count(pdf) >= 2
    assert (pages[0].width(), pages[0].height()) == (298, 421)  # A4 at half of 72 dpi
    assert pages[0].pixelColor(2, 2).name() == "#ffffff"  # the margin is paper-white
    assert [image.width() for image in render_pages(pdf, 36.0, first=1, last=1)] == [298]
    with pytest.raises(UnreadablePdfError):
        render_pages(b"not a pdf", 36.0)


@needs_poppler
def test_printing_puts_every_page_on_the_letters_paper(qapp: QApplication,
                                                      tmp_path: Path) -> None:
    pdf = _pdf()
    printer = printer_for(PaperSize.LETTER)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(96)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint_pdf(printer, pdf)
    from pypdf import PdfReader

    printed = PdfReader(str(out)).pages
    assert len(printed) == page_count(pdf)
    width, height = float(printed[0].mediabox.width), float(printed[0].mediabox.height)
    assert (round(width), round(height)) == (612, 792)  # US Letter
    assert pdf_text(out).strip() == ""  # pages go to the printer as images


def test_the_export_name_has_the_date_and_a_safe_addressee() -> None:
    letter = SponsorLetter("l1", "a1", date(2026, 1, 5), addressee_name='R&D <Team> / "x"')
    assert suggested_file_name(letter) == 'Sponsor letter 2026-01-05 R&D Team x.pdf'
    assert suggested_file_name(SponsorLetter("l2", "a1", date(2026, 1, 5))) == \
        "Sponsor letter 2026-01-05.pdf"


def test_the_export_asks_for_a_pdf_file_in_the_workspace_s_folder(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letter = SponsorLetter("l1", "a1", date(2026, 1, 5), addressee_name="Priya Raman")
    offered: list[str] = []
    answers = iter([str(tmp_path / "for priya"), str(tmp_path / "Letter.PDF"), ""])

    def save_dialog(_parent: object, _title: str, suggested: str, _filter: str
                    ) -> tuple[str, str]:
        offered.append(suggested)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert ask_export_path(QWidget(), tmp_path, letter) == tmp_path / "for priya.pdf"
    assert ask_export_path(QWidget(), tmp_path, letter) == tmp_path / "Letter.PDF"
    assert ask_export_path(QWidget(), tmp_path, letter) is None  # cancelled
    assert offered[0] == str(tmp_path / "Sponsor letter 2026-01-05 Priya Raman.pdf")


@pytest.mark.parametrize(("answer", "exported"), [
    (QMessageBox.StandardButton.Yes, True), (QMessageBox.StandardButton.No, False)])
def test_an_unfinished_letter_is_exported_only_if_the_user_says_so(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
        answer: QMessageBox.StandardButton, exported: bool) -> None:
    asked: list[tuple[str, QMessageBox.StandardButton]] = []

    def question(_parent: object, _title: str, text: str, _buttons: object,
                 default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
        asked.append((text, default))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    assert ask_export_despite_gaps(QWidget(), ["no recap", "no sender"]) is exported
    assert asked == [("This letter is not finished: no recap; no sender. Export it anyway?",
                      QMessageBox.StandardButton.No)]


def test_file_print_shows_qts_print_preview_of_the_letters_pages(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(PaperSize.A4)
    out = tmp_path / "previewed.pdf"
    shown: list[str] = []

    def exec_(dialog: QPrintPreviewDialog) -> int:  # the user looks, then prints to a file
        shown.append(dialog.windowTitle())
        printer = dialog.printer()
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(96)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 1

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    parent = QWidget()
    show_print_preview(parent, pdf, PaperSize.A4)
    from pypdf import PdfReader

    assert shown == ["Print letter"]
    assert len(PdfReader(str(out)).pages) == page_count(pdf)


def test_print_preview_opens_with_the_page_as_wide_as_the_dialog(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(PaperSize.A4)
    seen: dict[str, object] = {}

    def exec_(dialog: QPrintPreviewDialog) -> int:  # the user looks at it, then closes it
        dialog.show()
        qtbot.waitExposed(dialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        qtbot.waitUntil(lambda: preview.pageCount() == page_count(pdf))
        seen["mode"] = preview.zoomMode()
        seen["zoom"] = preview.zoomFactor()
        seen["width"] = dialog.width()
        dialog.grab().save(str(Path(tempfile.gettempdir()) / "print-preview.png"))
        dialog.close()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    show_print_preview(parent, pdf, PaperSize.A4)
    assert seen["mode"] == QPrintPreviewWidget.ZoomMode.FitToWidth
    # A4 is 794 px wide at 96 dpi: drawn at about its printed size, it reads (the test
    # screen is 800 px wide).
    assert float(seen["zoom"]) >= 0.75, seen  # type: ignore[arg-type]
    assert int(seen["width"]) >= 700  # type: ignore[call-overload]
