"""Where a long name may break in a narrow column: with a hyphen, between syllables if possible.

Table cells are narrow (a stakeholder's column on the Contact Map is under an inch), and
ReportLab cuts a word that does not fit wherever the width runs out, with no hyphen. Names
have no dictionary to hyphenate by, so :func:`hyphenate` offers breaks that leave at least
three letters on each side, first those after a vowel and before a consonant (a syllable's
end in most European names), longest first as ReportLab wants them. Only words of cased
alphabets (Latin, Greek, Cyrillic) break this way; other scripts break as they did.
"""

from __future__ import annotations

import unicodedata

SIDE = 3  # letters kept on each side of a break
_VOWELS = frozenset("aeiouyαεηιουωаеёиоуыэюяіїє")


def _vowel(char: str) -> bool:
    base = unicodedata.normalize("NFD", char.lower())[:1]
    return base in _VOWELS


def hyphenate(word: str) -> list[tuple[str, str]]:
    """(head, tail) pairs for ``word``, best first; none for a word that should not break."""
    if len(word) < 2 * SIDE or not all(char.isupper() or char.islower() for char in word):
        return []
    points = range(len(word) - SIDE, SIDE - 1, -1)
    syllables = [point for point in points
                 if _vowel(word[point - 1]) and not _vowel(word[point])]
    others = [point for point in points if point not in syllables]
    return [(word[:point], word[point:]) for point in (*syllables, *others)]
