"""Where a long name may break in a narrow column: with a hyphen, between syllables if possible.

Table cells are narrow (a stakeholder's column on the Contact Map is under an inch), and
ReportLab cuts a word that does not fit wherever the width runs out, with no hyphen. Names
have no dictionary to hyphenate by, so :func:`hyphenate` offers the breaks after a vowel
and before a consonant (a syllable's end in most European names) that leave at least three
letters on each side, longest first as ReportLab wants them. Only alphabets with capital
and small letters (Latin, Greek, Cyrillic, Armenian, Georgian) break with a hyphen: Chinese,
Japanese, Korean, Thai, Arabic, Hebrew and Devanagari words are not hyphenated in print, so
they break as they did. Only name cells use this (:func:`name_cells`): ordinary text in a
table wraps between words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as platypus_paragraph

SIDE = 3  # letters kept on each side of a break
_VOWELS = frozenset("aeiouyαεηιουωаеёиоуыэюяіїє")


def _vowel(char: str) -> bool:
    base = unicodedata.normalize("NFD", char.lower())[:1]
    return base in _VOWELS


def _cased(part: str) -> bool:
    return all(char.isupper() or char.islower() for char in part)


def hyphenate(word: str) -> list[tuple[str, str]]:
    """(head, tail) pairs for ``word``, longest head first: after its own hyphens and
    between syllables of its parts; none for a word that should not break."""
    parts = word.split("-")
    if not all(_cased(part) for part in parts):
        return []
    points: list[int] = []
    start = 0
    for part in parts:
        points += [start + point for point in range(SIDE, len(part) - SIDE + 1)
                   if _vowel(part[point - 1]) and not _vowel(part[point])]
        start += len(part) + 1
        if start < len(word):
            points.append(start)  # just after the hyphen
    return [(word[:point], word[point:]) for point in sorted(points, reverse=True)]


# ReportLab offers a word to the hyphenator only when its letters are in a fixed list (Latin
# and part of Cyrillic): Greek names, or Ukrainian ones with і, ї, є, were cut anywhere with no
# hyphen. Every letter is let through; :func:`hyphenate` declines the scripts without case.
# Only styles that name a hyphenator or embedded hyphenation (NAME_BREAKS) read these.
platypus_paragraph._hy_letters_pat = re.compile(r"^[^\W\d_]+$")
platypus_paragraph._hy_shy_letters_pat = re.compile(r"^(?:[^\W\d_]|[-\xad])+$")

# A paragraph style's settings for names: break at their own hyphens, else with one added
# (ReportLab tries again on the next line before it cuts a word without one).
NAME_BREAKS: dict[str, Any] = {"hyphenationLang": hyphenate, "embeddedHyphenation": 2,
                               "hyphenationMinWordLength": 2 * SIDE}


@functools.cache
def name_cells(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for table cells of names, which may break with a hyphen (made once)."""
    return ParagraphStyle(f"{style.name}Names", parent=style, **NAME_BREAKS)
