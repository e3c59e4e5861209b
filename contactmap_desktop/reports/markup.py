"""User text into ReportLab Paragraph markup: escaped, line breaks kept, CJK runs in their font.

ReportLab's Paragraph parses a small HTML-like language, so ``<b>`` or ``&`` typed by a user
would be read as markup; every user string goes through :func:`paragraph_text` (or
:func:`escape`) before it meets a Paragraph. User text never goes inside a tag attribute.
ReportLab has no automatic font fallback either, so runs of Han, Kana and Hangul are wrapped
in the CJK face, which the Latin face cannot draw.
"""

from __future__ import annotations

import re

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_SPECIAL = re.compile(r"[&<>\"']")

# Han (with extensions and compatibility), Kana, Hangul, CJK punctuation and full-width forms.
_CJK_RUN = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0002fa1f]+"
)
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Control characters ReportLab would print as boxes or choke on; tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """The five characters markup gives a meaning to, as entities."""
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group()], text)


def contains_cjk(text: str) -> bool:
    return _CJK_RUN.search(text) is not None


def paragraph_text(text: str, cjk_font: str | None = None) -> str:
    """Escaped markup for ``text``; newlines become ``<br/>``; CJK runs set in ``cjk_font``.

    ``cjk_font`` is a registered font name we chose, never user text; without it CJK runs are
    left in the paragraph's own font.
    """
    cleaned = _CONTROL.sub("", text.replace("\t", "    "))
    lines = _NEWLINES.split(cleaned)
    return "<br/>".join(_line_markup(line, cjk_font) for line in lines)


def _line_markup(line: str, cjk_font: str | None) -> str:
    if cjk_font is None:
        return escape(line)
    parts: list[str] = []
    position = 0
    for match in _CJK_RUN.finditer(line):
        parts.append(escape(line[position:match.start()]))
        parts.append(f'<font name="{cjk_font}">{escape(match.group())}</font>')
        position = match.end()
    parts.append(escape(line[position:]))
    return "".join(parts)
