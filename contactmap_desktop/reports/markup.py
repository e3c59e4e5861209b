"""User text into ReportLab Paragraph markup (escaped, line breaks kept), and text by script.

ReportLab's Paragraph parses a small HTML-like language, so ``<b>`` or ``&`` typed by a user
would be read as markup; every user string goes through :func:`paragraph_text` (or
:func:`escape`) before it meets a Paragraph. User text never goes inside a tag attribute.

ReportLab has no automatic font fallback either. :func:`script_runs` cuts text into runs by
the face that can print them: what the PDF standard fonts encode (WinAnsi: Western European
letters, €, curly quotes, dashes) needs no embedded font; other alphabets (Cyrillic, Greek,
Eastern European letters) need the Unicode face; Han, Kana and Hangul the CJK face.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_SPECIAL = re.compile(r"[&<>\"']")

# Han (with extensions and compatibility), Kana, Hangul, CJK punctuation and full-width forms.
_CJK_RUN = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0002fa1f]+"
)
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
    CJK = "cjk"  # the embedded CJK face


def is_standard(text: str) -> bool:
    """True when a PDF standard font can print all of ``text``."""
    return _NOT_STANDARD.search(text) is None


def script_runs(text: str) -> list[tuple[Script, str]]:
    """``text`` cut into the longest runs that one kind of face prints, in order."""
    if is_standard(text):
        return [(Script.STANDARD, text)] if text else []
    runs: list[tuple[Script, str]] = []
    for char in text:
        script = (Script.CJK if _CJK_RUN.match(char) else
                  Script.UNICODE if _NOT_STANDARD.match(char) else Script.STANDARD)
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
