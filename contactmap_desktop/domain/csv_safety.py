"""Keeping spreadsheets from running exported text as formulas."""

from __future__ import annotations

# A cell starting with one of these is evaluated by Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a leading apostrophe, which spreadsheets show as text and do not evaluate."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
