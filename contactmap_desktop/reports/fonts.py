"""The faces the PDFs print in: PDF standard fonts, and TrueType faces only for what needs them.

Text a PDF standard font can encode (WinAnsi: Western European letters, €, curly quotes,
dashes) prints in the Helvetica family, which every viewer has, so a letter in those letters
embeds no font at all. Runs of other alphabets print in DejaVu Sans (Greek, Cyrillic,
Eastern European letters), Han and Kana in Droid Sans Fallback, Hangul in Nanum Gothic,
Arabic, Hebrew, Devanagari and Thai in their Noto Sans faces (shaped by HarfBuzz, see
:mod:`shaping`) and emoji in Symbola, a face with one colour-less outline per emoji: colour
emoji faces are bitmaps ReportLab cannot embed, and an outline prints on any printer. Each face
is registered with ReportLab the first time a run needs it and subset into the PDF. Droid
Sans Fallback has one weight, so bold Han and Kana print in it stroked as well as filled
("faux bold", :data:`FAUX_BOLD`). A packaged build ships the TrueType faces under
resources/fonts; a source checkout uses the distribution's font packages
(scripts/install-system-packages.sh). Third-party font files are not committed.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.paths import resource
from contactmap_desktop.reports.markup import Script
from contactmap_desktop.reports.truetype import QuickTTFont

SYSTEM_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/droid"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/truetype/ancient-scripts"),  # Symbola
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/usr/share/fonts/google-droid-sans-fonts"),
)

REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
SANS = "ContactMapSans"
CJK = "ContactMapCJK"
# Each standard face's Unicode counterpart: (registered name, file, face to use without it).
_UNICODE_FACES: dict[str, tuple[str, str, str | None]] = {
    REGULAR: (SANS, "DejaVuSans.ttf", None),
    BOLD: ("ContactMapSans-Bold", "DejaVuSans-Bold.ttf", REGULAR),
    ITALIC: ("ContactMapSans-Oblique", "DejaVuSans-Oblique.ttf", REGULAR),
    BOLD_ITALIC: ("ContactMapSans-BoldOblique", "DejaVuSans-BoldOblique.ttf", BOLD),
}
# The faces of the other scripts: (name, file) in regular and in bold weight. None has an
# italic; the emoji face has one weight; CJK bold is the regular face printed faux bold.
SCRIPT_FACES: dict[Script, tuple[tuple[str, str], tuple[str, str]]] = {
    Script.CJK: ((CJK, "DroidSansFallbackFull.ttf"),
                 ("ContactMapCJK-Bold", "DroidSansFallbackFull.ttf")),
    Script.HANGUL: (("ContactMapHangul", "NanumGothic.ttf"),
                    ("ContactMapHangul-Bold", "NanumGothicBold.ttf")),
    Script.ARABIC: (("ContactMapArabic", "NotoSansArabic-Regular.ttf"),
                    ("ContactMapArabic-Bold", "NotoSansArabic-Bold.ttf")),
    Script.HEBREW: (("ContactMapHebrew", "NotoSansHebrew-Regular.ttf"),
                    ("ContactMapHebrew-Bold", "NotoSansHebrew-Bold.ttf")),
    Script.DEVANAGARI: (("ContactMapDevanagari", "NotoSansDevanagari-Regular.ttf"),
                        ("ContactMapDevanagari-Bold", "NotoSansDevanagari-Bold.ttf")),
    Script.THAI: (("ContactMapThai", "NotoSansThai-Regular.ttf"),
                  ("ContactMapThai-Bold", "NotoSansThai-Bold.ttf")),
    Script.EMOJI: (("ContactMapEmoji", "Symbola_hint.ttf"),
                   ("ContactMapEmoji", "Symbola_hint.ttf")),
}
# Faces whose letters change shape and order with their neighbours: HarfBuzz sets them.
SHAPED_SCRIPTS = frozenset({Script.ARABIC, Script.HEBREW, Script.DEVANAGARI, Script.THAI})
SHAPED_FACES = frozenset(name for script in SHAPED_SCRIPTS
                         for name, _file in SCRIPT_FACES[script])
FAUX_BOLD = frozenset({"ContactMapCJK-Bold"})
# Faces with letters beyond the 16-bit codes (emoji, rare Han).
ASTRAL_FACES = frozenset(name for script in (Script.CJK, Script.EMOJI)
                         for name, _file in SCRIPT_FACES[script])
# Every TrueType file the PDFs may embed (what a packaged build ships).
FONT_FILES = tuple(sorted({file for _name, file, _fallback in _UNICODE_FACES.values()}
                          | {file for faces in SCRIPT_FACES.values() for _name, file in faces}))


class FontsMissingError(ContactMapError):
    """No usable TrueType font was found for text that needs one, so a PDF cannot be written."""


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
        # Shaping reaches glyphs no letter maps to, which ReportLab's own reading supports;
        # the shaped faces are small, so their full reading costs little.
        pdfmetrics.registerFont(TTFont(name, str(found), shapable=True) if name in SHAPED_FACES
                                else QuickTTFont(name, str(found)))
    except Exception:  # a damaged or non-TrueType file: treat as absent, look no further
        return False
    return True


class ReportFonts:
    """The standard faces styles name, and the face each run of text prints in.

    ``regular``, ``bold``, ``italic`` and ``bold_italic`` are the Helvetica family. The
    TrueType faces are looked for and registered on first need, once per session.
    """

    regular, bold, italic, bold_italic = REGULAR, BOLD, ITALIC, BOLD_ITALIC

    def __init__(self, folders: Sequence[Path]) -> None:
        self._folders = tuple(folders)
        self._found: dict[str, bool] = {}

    def face_for(self, script: Script, face: str) -> str:
        """The face that prints a run of ``script`` in the weight and slant of ``face``."""
        if script is Script.STANDARD:
            return face
        if script in SCRIPT_FACES:
            regular, bold = SCRIPT_FACES[script]
            if face in (BOLD, BOLD_ITALIC) and self._has(*bold):
                return bold[0]
            if self._has(*regular):
                return regular[0]
        # A script without its face prints in the Unicode face (as boxes), which raises nothing.
        return self._unicode_face(face)

    def pieces(self, script: Script, piece: str, face: str) -> list[tuple[str, str]]:
        """``piece`` of ``script`` as (text, face) runs in the weight and slant of ``face``.
        An emoji the emoji face lacks (newer than Symbola) prints as its name in brackets
        in ``face`` ("[melting face]"): words say what was meant, where a box would not."""
        chosen = self.face_for(script, face)
        if script is not Script.EMOJI or chosen not in SCRIPT_FACES[Script.EMOJI][0]:
            return [(piece, chosen)]
        cmap = pdfmetrics.getFont(chosen).face.charToGlyph
        runs: list[tuple[str, str]] = []
        for char in piece:
            if ord(char) in cmap:
                text, where = char, chosen
            elif unicodedata.category(char) in ("Mn", "Cf", "Sk"):
                continue  # a joiner, selector or skin tone of a missing emoji: nothing
            else:
                text, where = f"[{unicodedata.name(char, 'emoji').lower()}]", face
            if runs and runs[-1][1] == where:
                runs[-1] = runs[-1][0] + text, where
            else:
                runs.append((text, where))
        return runs

    @property
    def has_cjk(self) -> bool:
        """Whether Han and Kana print in a face that has them."""
        return self._has(*SCRIPT_FACES[Script.CJK][0])

    def _unicode_face(self, face: str) -> str:
        name, file_name, fallback = _UNICODE_FACES[face]
        if self._has(name, file_name):
            return name
        if fallback is not None:
            return self._unicode_face(fallback)
        places = ", ".join(str(folder) for folder in self._folders)
        raise FontsMissingError(
            "No DejaVuSans.ttf font was found (looked in " + places + "); install the "
            "fonts-dejavu-core package (scripts/install-system-packages.sh) to print "
            "names outside the Western European alphabet.")

    def _has(self, name: str, file_name: str) -> bool:
        # The preview's thread and an export on the window's may meet a face's first run at
        # once: one of them registers it, the other waits and uses that one.
        with _registering:
            if name not in self._found:
                self._found[name] = _register(name, file_name, self._folders)
            return self._found[name]


_registering = threading.Lock()
_cache: dict[tuple[Path, ...], ReportFonts] = {}


def report_fonts(folders: Sequence[Path] | None = None) -> ReportFonts:
    """The report faces, looking for TrueType files in ``folders`` (by default, ours)."""
    search = tuple(folders) if folders is not None else tuple(font_dirs())
    if search not in _cache:
        _cache[search] = ReportFonts(search)
    return _cache[search]
