"""Where a long name may break in a narrow column: with a hyphen, between syllables if possible.

Table cells are narrow (a stakeholder's column on the Contact Map is under an inch), and
ReportLab cuts a word that does not fit wherever the width runs out, with no hyphen. Names
have no dictionary to hyphenate by, so :func:`hyphenate` offers the breaks after a vowel
and before a consonant (a syllable's end in most European names) that leave at least three
letters on each side, longest first as ReportLab wants them. ReportLab tries them only for
Latin and basic Cyrillic letters; other words break as they did. Only name cells use this
(:data:`NAME_BREAKS`): ordinary text in a table wraps between words.
"""

from __future__ import annotations

import unicodedata
from typing import Any

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


# A paragraph style's settings for names: break at their own hyphens, else with one added
# (ReportLab tries again on the next line before it cuts a word without one).
NAME_BREAKS: dict[str, Any] = {"hyphenationLang": hyphenate, "embeddedHyphenation": 2,
                               "hyphenationMinWordLength": 2 * SIDE}
