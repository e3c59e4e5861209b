"""A PDF's pages as images, drawn by PDFium: the preview and the printout show the real PDF.

PDFium is not thread-safe, so every use goes through one lock; the preview renders in a worker
thread while printing renders on the GUI thread. PDFium loads on the first use, not with the
window.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from contactmap_desktop.domain.errors import ContactMapError

if TYPE_CHECKING:
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72.0
_lock = threading.Lock()


class UnreadablePdfError(ContactMapError):
    """The bytes are not a PDF that PDFium can open."""


def render_pages(pdf: bytes, dpi: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages ``first`` to ``last`` (0-based, inclusive; default all) at ``dpi``, on white."""
    import pypdfium2 as pdfium

    with _lock:
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as error:
            raise UnreadablePdfError(f"The PDF could not be read: {error}.") from None
        try:
            end = len(document) - 1 if last is None else min(last, len(document) - 1)
            return [_image(document[number], dpi) for number in range(first, end + 1)]
        finally:
            document.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with _lock:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
    # RGB bytes in PDFium's buffer; copy() so the image outlives the bitmap.
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB888).copy()
    bitmap.close()
    page.close()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image
