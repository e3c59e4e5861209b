"""User text in the window is shown as typed, never taken for markup.

Qt renders a label, tooltip or message box text as rich text when the string merely looks
like HTML, and names come from account files and CSV rows that anyone may have written: a
stakeholder called ``<img src="/dev/zero">`` would make Qt read that file without end. So a
label that shows user text is plain (:func:`plain_label`); where our own formatting surrounds
a name, the name is escaped (:func:`escape`); tooltips and messages that contain user text
go through :func:`as_typed`.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt  # QtGui's Qt adds mightBeRichText and convertFromPlainText
from PySide6.QtWidgets import QLabel


def escape(text: str) -> str:
    """``text`` for a rich-text place (our bold around a name): markup shown as typed,
    line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def as_typed(text: str) -> str:
    """``text`` for a tooltip or message box: unchanged, unless Qt would take it for markup;
    then the rich text that shows it as typed."""
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as typed, whatever it is set to later."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
