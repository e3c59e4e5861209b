"""Counted nouns in the app's sentences: "1 team member", "8 team members", "no findings"."""

from __future__ import annotations


def noun_for(count: int, noun: str, plural: str | None = None) -> str:
    """``noun`` as it agrees with ``count``: the singular for exactly one, else the plural.

    The plural is the noun with an "s" unless given ("person", "people").
    """
    if count == 1:
        return noun
    return plural if plural is not None else f"{noun}s"


def counted(count: int, noun: str, plural: str | None = None, *, zero: str | None = None) -> str:
    """The count and the noun that agrees with it; ``zero`` replaces the number 0 ("no")."""
    number = zero if count == 0 and zero is not None else str(count)
    return f"{number} {noun_for(count, noun, plural)}"
