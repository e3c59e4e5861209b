"""Help ▸ User Guide: docs/user-guide.md shown in the app, its screenshots fitted to the width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

MAX_IMAGE_WIDTH = 760


class GuideBrowser(QTextBrowser):
    """Reads the guide as Markdown; pictures wider than the text are shown smaller."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        loaded = super().loadResource(kind, name)
        if kind == int(QTextDocument.ResourceType.ImageResource):
            image = loaded if isinstance(loaded, QImage) else QImage.fromData(loaded) \
                if loaded is not None else QImage()
            if not image.isNull() and image.width() > MAX_IMAGE_WIDTH:
                return image.scaledToWidth(MAX_IMAGE_WIDTH)
            return image
        return loaded


class UserGuideDialog(QDialog):
    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle("ContactMap User Guide")
        self.browser = GuideBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        if guide.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(guide)),
                                   QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setPlainText(f"The user guide is missing from this installation "
                                      f"({guide}). Reinstalling ContactMap puts it back.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 720)
