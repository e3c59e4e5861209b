"""Printing a letter's PDF (with Qt's print preview), asking where to export it, and
whether to export one that is not finished."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.ui.letters.pdf_pages import render_pages

PRINT_DPI = 300.0  # sharp on paper, and a page's image stays near 25 MB
PREVIEW_WIDTH = 1000  # a page at about its printed size on a common screen


def suggested_file_name(letter: SponsorLetter) -> str:
    unsafe = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", letter.addressee_name)
    who = " ".join(unsafe.split())  # characters no file system takes, and runs of spaces
    return f"Sponsor letter {letter.letter_date.isoformat()}{' ' + who if who else ''}.pdf"


def ask_export_path(parent: QWidget, folder: Path, letter: SponsorLetter) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Export letter as PDF", str(folder / suggested_file_name(letter)),
        "PDF documents (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def ask_export_despite_gaps(parent: QWidget, gaps: list[str]) -> bool:
    """Whether to export a letter that is not finished (``gaps`` say how)."""
    answer = QMessageBox.question(
        parent, "Export an unfinished letter?",
        f"This letter is not finished: {'; '.join(gaps)}. Export it anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def printer_for(paper: PaperSize) -> QPrinter:
    """A printer set to the letter's paper, with no margins of its own: the PDF has them."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize.PageSizeId.A4 if paper is PaperSize.A4 else QPageSize.PageSizeId.Letter
    printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    return printer


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Draw every page of ``pdf`` onto ``printer``, each scaled to fit its paper."""
    dpi = min(float(printer.resolution()), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return  # Qt has told the user why (no printer, a file that cannot be written)
    try:
        for number, image in enumerate(render_pages(pdf, dpi)):
            if number:
                printer.newPage()
            area = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            size = QSizeF(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.x() + (area.width() - size.width()) / 2, area.y(),
                            size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


def show_print_preview(parent: QWidget, pdf: bytes, paper: PaperSize) -> None:
    """File ▸ Print: Qt's print preview of the letter, printing from there."""
    printer = printer_for(paper)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("letterPrintPreview")
    dialog.setWindowTitle("Print letter")
    dialog.paintRequested.connect(lambda target: paint_pdf(target, pdf))
    # Qt opens it small with the whole page in view, too small to read: tall, and the page
    # as wide as the dialog.
    available = (parent.screen() or dialog.screen()).availableGeometry()
    dialog.resize(min(available.width() * 9 // 10, PREVIEW_WIDTH),
                  available.height() * 9 // 10)
    fit_width = dialog.findChild(QAction, "fitWidthAction")  # its button shows the choice
    if fit_width is not None:
        fit_width.trigger()
    dialog.exec()
