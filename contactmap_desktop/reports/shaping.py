"""Arabic, Hebrew, Devanagari and Thai set as they are read: shaped, and right to left in order.

A PDF holds glyphs, not letters, so text in these scripts is laid out before it is written:
HarfBuzz (through ReportLab's ``shapeStr``) turns each word into the glyphs its face draws,
joined and reordered within the word (Arabic joining, Devanagari conjuncts and vowel signs,
Thai marks), and the words of a line are put in display order by the Unicode bidirectional
algorithm's reordering rule (L2), one word at a time: a word's level is even for a left-to-right
word and odd for an Arabic or Hebrew one, with the paragraph's base direction from its first
strong letter (python-bidi). Each shaped run carries its letters, which the canvas writes as
the run's ActualText (:mod:`script_canvas`), so copying or extracting text from the PDF gives
letters, not glyph numbers: a left-to-right run's in reading order, a right-to-left run's in
display order like the rest of a PDF's right-to-left text, which viewers put back in reading
order themselves (python-bidi's ``get_display`` gives that order).

Lines are broken on the unshaped words; :func:`finish_lines` shapes and orders the broken
lines of a paragraph, and :func:`visual_runs` one line of canvas text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bidi import get_base_level, get_display
from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord

from contactmap_desktop.reports.fonts import SCRIPT_FACES, SHAPED_FACES
from contactmap_desktop.reports.markup import RIGHT_TO_LEFT

RTL_FACES = frozenset(name for script in RIGHT_TO_LEFT for name, _file in SCRIPT_FACES[script])
# Kerning and standard ligatures; no discretionary ones (Noto Arabic would print the name
# Muhammad as one ornamental glyph).
_FEATURES = {"kern": True, "liga": True}
_WORDS = re.compile(r"\s+|\S+")


class LogicalShapedStr(ShapedStr):  # type: ignore[misc]
    """Glyphs in display order, with ``letters``: the letters they show (see above)."""

    letters: str = ""


def shape(text: str, face: str, size: float) -> ShapedStr:
    """``text`` (one word or spaces, in reading order) as the glyphs ``face`` draws."""
    word = [stringWidth(text, face, size), (ABag(fontName=face, fontSize=size), text)]
    shaped = shapeFragWord(word, features=_FEATURES, force=True)
    return shaped[1][1]


def shaped_width(text: ShapedStr, size: float) -> float:
    return float(sum(data.x_advance for data in text.__shapeData__)) * size / 1000


def _level(text: str, face: str, base: int) -> int | None:
    """A word's embedding level; None for spaces and words without letters (neutral)."""
    if face in RTL_FACES:
        return 1 if base == 0 else base
    if not any(char.isalpha() for char in text):
        return None
    return base if base == 0 else 2


def display_order(tokens: Sequence[tuple[str, str]], base: int) -> list[int]:
    """The indices of (text, face) tokens in display order (rule L2 of the algorithm, per
    word; a neutral token between two words of one level takes it, else the base level)."""
    levels = [_level(text, face, base) for text, face in tokens]
    resolved: list[int] = []
    for index, level in enumerate(levels):
        if level is None:
            before = next((lv for lv in reversed(levels[:index]) if lv is not None), base)
            after = next((lv for lv in levels[index + 1:] if lv is not None), base)
            level = before if before == after else base
        resolved.append(level)
    order = list(range(len(tokens)))
    for level in range(max(resolved, default=0), 0, -1):
        start = 0
        while start < len(order):
            if resolved[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and resolved[order[end]] >= level:
                end += 1
            order[start:end] = reversed(order[start:end])
            start = end
    return order


def base_level(text: str) -> int:
    """0 for a left-to-right paragraph, 1 for one whose first strong letter is Arabic or
    Hebrew."""
    return 1 if get_base_level(text) % 2 else 0


def _tokens(pieces: Sequence[tuple[Any, str, str]]) -> list[tuple[Any, str, str]]:
    """(owner, text, face) pieces cut into words and runs of spaces."""
    return [(owner, match.group(), face) for owner, text, face in pieces
            for match in _WORDS.finditer(text)]


def _ordered(pieces: Sequence[tuple[Any, str, str]],
             base: int) -> list[tuple[Any, str, list[str], str]]:
    """Pieces in display order, neighbours of one owner merged: (owner, face, tokens in
    display order, the same text in reading order)."""
    tokens = _tokens(pieces)
    order = display_order([(text, face) for _owner, text, face in tokens], base)
    merged: list[tuple[Any, str, list[int]]] = []
    for index in order:
        owner, _text, face = tokens[index]
        if merged and merged[-1][0] is owner:
            merged[-1][2].append(index)
        else:
            merged.append((owner, face, [index]))
    return [(owner, face, [tokens[index][1] for index in indices],
             "".join(tokens[index][1] for index in sorted(indices)))
            for owner, face, indices in merged]


def _display_text(shown: list[str], logical: str, face: str, size: float) -> str:
    """The glyphs of one merged run, left to right; a shaped run keeps its reading order."""
    if face not in SHAPED_FACES:
        return "".join(shown)
    glyphs = [shape(token, face, size) for token in shown]
    result = LogicalShapedStr("".join(glyphs),
                              shapeData=[data for word in glyphs for data in word.__shapeData__])
    result.letters = get_display(logical, base_dir="R") if face in RTL_FACES else logical
    return result


def visual_runs(runs: Sequence[tuple[str, str]], size: float,
                base: int | None = None) -> list[tuple[str, str]]:
    """One line of (text, face) runs in reading order, as (text, face) runs to draw left to
    right, shaped where their face needs it."""
    if not any(face in SHAPED_FACES for _text, face in runs):
        return list(runs)
    if base is None:
        base = base_level("".join(text for text, _face in runs))
    pieces = [(index, text, face) for index, (text, face) in enumerate(runs)]
    return [(_display_text(shown, logical, face, size), face)
            for _owner, face, shown, logical in _ordered(pieces, base)]


def text_width(text: str, face: str, size: float) -> float:
    """The width of ``text`` drawn by :func:`visual_runs` (shaped text is measured shaped)."""
    if isinstance(text, ShapedStr) and face in SHAPED_FACES:
        return shaped_width(text, size)
    return float(stringWidth(text, face, size))


def _pieces(frags: Sequence[Any]) -> list[tuple[Any, str]]:
    """(fragment, text) of a paragraph's fragments, which ReportLab replaces by its words
    ([width, (fragment, text), …]) once it has broken them into lines."""
    pieces: list[tuple[Any, str]] = []
    for item in frags:
        if isinstance(item, list):
            pieces += [(frag, text) for frag, text in item[1:]]
        else:
            pieces.append((item, getattr(item, "text", "")))
    return pieces


def needs_finishing(frags: Sequence[Any]) -> bool:
    """Whether a paragraph's fragments have text in a face that is shaped."""
    return any(getattr(frag, "fontName", "") in SHAPED_FACES for frag, _text in _pieces(frags))


def paragraph_base(frags: Sequence[Any]) -> int:
    """The base level of a paragraph, from its fragments' text."""
    return base_level(" ".join(text for _frag, text in _pieces(frags)))


def finish_lines(lines: Any, base: int) -> None:
    """Shape and order, in place, the lines a paragraph broke (kind 1: lines of fragments)."""
    for line in lines:
        words = [frag for frag in line.words if not hasattr(frag, "cbDefn")]
        if len(words) != len(line.words) or not needs_finishing(words):
            continue
        before = sum(float(stringWidth(frag.text, frag.fontName, frag.fontSize))
                     for frag in words)
        pieces = [(frag, frag.text, frag.fontName) for frag in words]
        placed = []
        after = 0.0
        for frag, face, shown, logical in _ordered(pieces, base):
            text = _display_text(shown, logical, face, frag.fontSize)
            after += text_width(text, face, frag.fontSize)
            placed.append(frag.clone(text=text))
        line.words = placed
        line.extraSpace += before - after
