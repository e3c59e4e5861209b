"""The live preview: the letter's real PDF pages, rebuilt off the GUI thread as the user types.

Requests are debounced and only the newest one is drawn; a pool thread builds the PDF with
ReportLab and draws its pages with PDFium, so typing never waits for either.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.plain_text import plain_label
from contactmap_desktop.ui.letters.pdf_pages import POINTS_PER_INCH, render_pages

if TYPE_CHECKING:  # ReportLab loads with the first preview, after the window is up
    from contactmap_desktop.reports.sponsor_letter_pdf import SponsorLetterDocument

log = logging.getLogger(__name__)
DEBOUNCE_MS = 250
MIN_DPI, MAX_DPI = 24.0, 160.0  # a narrow preview shows whole pages, small


class _Results(QObject):
    """Carries a finished drawing from the pool's thread back to the GUI thread."""

    rendered = Signal(int, bytes, list, str)  # generation, PDF, page images, error

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread; an int store is atomic under the GIL

    def render(self, generation: int, document: SponsorLetterDocument, dpi: float) -> None:
        """Runs in the pool's thread; skips a request that a newer one has replaced."""
        if generation != self.latest:
            return
        from contactmap_desktop.reports.sponsor_letter_pdf import build_sponsor_letter_pdf

        try:
            pdf = build_sponsor_letter_pdf(document)
            pages = render_pages(pdf, dpi)
        except ContactMapError as error:
            self.rendered.emit(generation, b"", [], str(error))
            return
        except Exception:  # a bug: the composer keeps working, the preview says so
            log.exception("Letter preview failed")
            self.rendered.emit(generation, b"", [], "The preview could not be drawn (a bug); "
                                                    "the details are in the log.")
            return
        self.rendered.emit(generation, pdf, pages, "")


class LetterPreview(QWidget):
    """Pages stacked in a scroll area; ``updated(page_count)`` after each redraw."""

    updated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterPreview")
        self.pdf = b""  # the PDF the pages on screen were drawn from
        self.pages: list[QImage] = []
        self._document: SponsorLetterDocument | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._send)
        # One thread: drawings never overlap, and the pool waits for the last one when the
        # preview is destroyed.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._results = _Results()  # owned by Python, so a late drawing still has it
        self._results.rendered.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.status = plain_label(QLabel("No letter"))
        self.status.setObjectName("previewStatus")
        self._pages_box = QWidget()
        self._pages_box.setStyleSheet("background: #8a8f98;")
        self._pages_layout = QVBoxLayout(self._pages_box)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._pages_layout.setSpacing(12)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setWidget(self._pages_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.pages_area, 1)

    def show_document(self, document: SponsorLetterDocument | None) -> None:
        """Draw ``document`` soon (debounced); None empties the preview."""
        self._document = document
        if document is None:
            self._timer.stop()
            self._generation += 1
            self._results.latest = self._generation
            self._show(self._generation, b"", [], "")
            self.status.setText("No letter")
            return
        self.status.setText("Updating the preview…")
        self._timer.start()

    def wait(self) -> None:
        """Finish the drawing under way (before the window closes)."""
        self._timer.stop()
        self._pool.waitForDone()

    def _dpi(self) -> float:
        assert self._document is not None
        width_inches = self._document.paper.portrait[0] / POINTS_PER_INCH
        usable = max(self.pages_area.viewport().width() - 60, 100)  # margins, scroll bar
        dpi = usable / width_inches * self.devicePixelRatioF()
        return float(max(MIN_DPI, min(MAX_DPI, dpi)))

    def _send(self) -> None:
        if self._document is None:
            return
        self._generation += 1
        self._results.latest = generation = self._generation
        document, dpi, results = self._document, self._dpi(), self._results
        self._pool.start(lambda: results.render(generation, document, dpi))

    @Slot(int, bytes, list, str)
    def _show(self, generation: int, pdf: bytes, pages: list[QImage], error: str) -> None:
        if generation != self._generation:
            return  # an older letter state, already replaced
        if error:
            self.status.setText(error)
            return
        self.pdf, self.pages = pdf, pages
        while self._pages_layout.count():
            item = self._pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, image in enumerate(pages, start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            page = QLabel()
            page.setObjectName(f"previewPage{number}")
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.deviceIndependentSize().toSize())  # never squeezed
            page.setStyleSheet("border: 1px solid #5b6068;")
            self._pages_layout.addWidget(page)
        if pages:
            self.status.setText(f"{counted(len(pages), 'page')} as printed")
        self.updated.emit(len(pages))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._document is not None and self.pages:
            self._timer.start()  # redraw at the new width
