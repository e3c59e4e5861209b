"""Keeping spreadsheets from running exported text as formulas."""

from __future__ import annotations

import re

# A cell starting with = + - @, a tab or a carriage return is evaluated by Excel, LibreOffice
# or Google Sheets. A spreadsheet may start a cell inside our text too: after a separator of
# some locale's reading (",", ";", tab) or a line break a reader took for the end of a row.
# Spaces and quotes there are dropped by some readers before they look at the first character.
_START = re.compile(r'^(?=[ "]*[=+\-@\t\r])')
_PIECE_START = re.compile(r'(?<=[,;\t\r\n])(?=[ "]*[=+\-@\t\r])')


def neutralise(cell: str) -> str:
    """Prefix an apostrophe, which spreadsheets show as text and do not evaluate, to the cell
    and to every piece of it that a reader splitting on ``,``, ``;`` or tab would start a
    cell with (``x;=3+3;`` is one cell under ``,`` but a live formula under ``;``)."""
    return _START.sub("'", _PIECE_START.sub("'", cell))
