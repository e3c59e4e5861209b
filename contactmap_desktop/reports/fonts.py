"""The TrueType faces the PDFs embed, found at run time and registered with ReportLab once.

ReportLab's built-in fonts cannot draw most of Unicode, so every PDF uses DejaVu Sans (Latin,
Greek, Cyrillic) and Droid Sans Fallback for Han and Kana, which DejaVu lacks. A packaged build
ships them under resources/fonts; a source checkout uses the distribution's font packages
(scripts/install-system-packages.sh). Third-party font files are not committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.paths import resource

SYSTEM_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/droid"),
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/usr/share/fonts/google-droid-sans-fonts"),
)

SANS = "ContactMapSans"
SANS_BOLD = "ContactMapSans-Bold"
SANS_ITALIC = "ContactMapSans-Oblique"
SANS_BOLD_ITALIC = "ContactMapSans-BoldOblique"
CJK = "ContactMapCJK"


class FontsMissingError(ContactMapError):
    """No usable TrueType font was found, so a PDF cannot be written."""


@dataclass(frozen=True)
class ReportFonts:
    """Registered font names; bold and italic fall back to the regular face when absent."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    cjk: str | None  # None: CJK text would print as boxes, but everything else works


def font_dirs() -> list[Path]:
    """Shipped fonts first, so a packaged build never depends on the system."""
    return [resource("fonts"), *SYSTEM_FONT_DIRS]


def _find(file_name: str, folders: Sequence[Path]) -> Path | None:
    for folder in folders:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    return None


def _register(name: str, file_name: str, folders: Sequence[Path]) -> bool:
    found = _find(file_name, folders)
    if found is None:
        return False
    if name in pdfmetrics.getRegisteredFontNames():
        return True  # the same face, registered by an earlier export
    try:
        pdfmetrics.registerFont(TTFont(name, str(found)))
    except Exception:  # a damaged or non-TrueType file: treat as absent, look no further
        return False
    return True


_cache: dict[tuple[Path, ...], ReportFonts] = {}


def report_fonts(folders: Sequence[Path] | None = None) -> ReportFonts:
    """Register and return the report faces; a clear error if not even DejaVu Sans is found."""
    search = tuple(folders) if folders is not None else tuple(font_dirs())
    if search in _cache:
        return _cache[search]
    if not _register(SANS, "DejaVuSans.ttf", search):
        places = ", ".join(str(folder) for folder in search)
        raise FontsMissingError(
            "No DejaVuSans.ttf font was found (looked in " + places + "); install the "
            "fonts-dejavu-core package (scripts/install-system-packages.sh) to print PDFs.")
    bold = SANS_BOLD if _register(SANS_BOLD, "DejaVuSans-Bold.ttf", search) else SANS
    italic = SANS_ITALIC if _register(SANS_ITALIC, "DejaVuSans-Oblique.ttf", search) else SANS
    bold_italic = (SANS_BOLD_ITALIC
                   if _register(SANS_BOLD_ITALIC, "DejaVuSans-BoldOblique.ttf", search) else bold)
    # <b> and <i> inside a paragraph pick these faces.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, bold)
    addMapping(SANS, 0, 1, italic)
    addMapping(SANS, 1, 1, bold_italic)
    cjk = CJK if _register(CJK, "DroidSansFallbackFull.ttf", search) else None
    if cjk is not None:
        # The CJK face has no bold: bold CJK text uses the same face instead of failing.
        for bold_flag in (0, 1):
            for italic_flag in (0, 1):
                addMapping(CJK, bold_flag, italic_flag, CJK)
    fonts = ReportFonts(SANS, bold, italic, bold_italic, cjk)
    _cache[search] = fonts
    return fonts
