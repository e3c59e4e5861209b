"""User text into ReportLab Paragraph markup (escaped, line breaks kept), and text by script.

ReportLab's Paragraph parses a small HTML-like language, so ``<b>`` or ``&`` typed by a user
would be read as markup; every user string goes through :func:`paragraph_text` (or
:func:`escape`) before it meets a Paragraph. User text never goes inside a tag attribute.

ReportLab has no automatic font fallback either. :func:`script_runs` cuts text into runs by
the face that can print them: what the PDF standard fonts encode (WinAnsi: Western European
letters, €, curly quotes, dashes) needs no embedded font; other alphabets (Cyrillic, Greek,
Eastern European letters) need the Unicode face; Han and Kana the CJK face; Hangul, Arabic,
Hebrew, Devanagari, Thai and emoji a face of their own each.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from enum import Enum

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_SPECIAL = re.compile(r"[&<>\"']")

# Outside WinAnsi (cp1252 less its control codes), which every PDF viewer can print unembedded.
_NOT_STANDARD = re.compile(
    "[^\x20-\x7e\xa0-\xff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178]")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Control characters ReportLab would print as boxes or choke on; tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """The five characters markup gives a meaning to, as entities."""
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group()], text)


class Script(Enum):
    """Which kind of face a run of text needs."""

    STANDARD = "standard"  # a PDF standard font: nothing embedded
    UNICODE = "unicode"  # the embedded Unicode face
    CJK = "cjk"  # Han and Kana
    HANGUL = "hangul"
    ARABIC = "arabic"
    HEBREW = "hebrew"
    DEVANAGARI = "devanagari"
    THAI = "thai"
    EMOJI = "emoji"


# Blocks whose letters need a face of their own: (first, last, script), sorted.
_BLOCKS: tuple[tuple[int, int, Script], ...] = (
    (0x0590, 0x05FF, Script.HEBREW),
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0x08A0, 0x08FF, Script.ARABIC),
    (0x0900, 0x097F, Script.DEVANAGARI),
    (0x0E00, 0x0E7F, Script.THAI),
    (0x1100, 0x11FF, Script.HANGUL),
    (0x2600, 0x27BF, Script.EMOJI),  # miscellaneous symbols and dingbats (☕, ✅, ❤)
    (0x2B00, 0x2BFF, Script.EMOJI),  # stars and arrows (⭐)
    (0x2E80, 0x2FDF, Script.CJK),
    (0x3000, 0x312F, Script.CJK),  # CJK punctuation, Kana, Bopomofo
    (0x3130, 0x318F, Script.HANGUL),
    (0x31A0, 0x4DBF, Script.CJK),
    (0x4E00, 0x9FFF, Script.CJK),
    (0xA8E0, 0xA8FF, Script.DEVANAGARI),
    (0xA960, 0xA97F, Script.HANGUL),
    (0xAC00, 0xD7FF, Script.HANGUL),
    (0xF900, 0xFAFF, Script.CJK),
    (0xFB1D, 0xFB4F, Script.HEBREW),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE30, 0xFE4F, Script.CJK),
    (0xFE70, 0xFEFF, Script.ARABIC),
    (0xFF00, 0xFFEF, Script.CJK),
    (0x1F000, 0x1FAFF, Script.EMOJI),
    (0x20000, 0x2FA1F, Script.CJK),
)
_STARTS = [first for first, _last, _script in _BLOCKS]
# Joiners, variation selectors and combining marks belong to the letter before them.
_JOINING = {0x200C, 0x200D, 0xFE0E, 0xFE0F}
# Scripts set right to left.
RIGHT_TO_LEFT = frozenset({Script.ARABIC, Script.HEBREW})


def _script_of(char: str) -> Script | None:
    """The script of one character outside WinAnsi; None for a joiner or combining mark."""
    code = ord(char)
    if code in _JOINING or unicodedata.combining(char):
        return None
    block = bisect_right(_STARTS, code) - 1
    if block >= 0 and code <= _BLOCKS[block][1]:
        return _BLOCKS[block][2]
    return Script.UNICODE


def is_standard(text: str) -> bool:
    """True when a PDF standard font can print all of ``text``."""
    return _NOT_STANDARD.search(text) is None


def script_runs(text: str) -> list[tuple[Script, str]]:
    """``text`` cut into the longest runs that one kind of face prints, in order."""
    if is_standard(text):
        return [(Script.STANDARD, text)] if text else []
    runs: list[tuple[Script, str]] = []
    for char in text:
        found = _script_of(char) if _NOT_STANDARD.match(char) else Script.STANDARD
        if found is None:  # a mark or joiner stays with its letter
            found = runs[-1][0] if runs else Script.UNICODE
        script = found
        if runs and runs[-1][0] is script:
            runs[-1] = script, runs[-1][1] + char
        elif (len(runs) > 1 and runs[-2][0] is script and runs[-1][1].isspace()
              and script is not Script.STANDARD):
            # Spaces between two words of one alphabet stay in that alphabet's face.
            spaces = runs.pop()[1]
            runs[-1] = script, runs[-1][1] + spaces + char
        else:
            runs.append((script, char))
    return runs


def printable(text: str) -> str:
    """``text`` composed (NFC: an accent typed as its own code joins its letter, so a
    standard font prints "é" whichever way it was typed), without control characters."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text.replace("\t", "    ")))


def paragraph_text(text: str) -> str:
    """Escaped markup for ``text``; newlines become ``<br/>``; control characters vanish."""
    cleaned = printable(text)
    return "<br/>".join(escape(line) for line in _NEWLINES.split(cleaned))
