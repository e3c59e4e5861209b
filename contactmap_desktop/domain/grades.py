"""The relationship grade scale, as the client sees the relationship, and its order."""

from __future__ import annotations

from enum import Enum

from contactmap_desktop.domain.errors import ValidationError


class Grade(Enum):
    """One of the six grades; a missing relationship is ``None``, never Indifferent."""

    TRUST = "T"
    OPEN = "O"
    SATISFIED = "S"
    INDIFFERENT = "I"
    DISSATISFIED = "D"
    MOTIVATED = "M"

    @property
    def letter(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def level(self) -> int:
        """Position on the scale: Motivated to change is 0, Trust is 5."""
        return _LEVELS[self]

    @property
    def is_concern(self) -> bool:
        """Below Satisfied: the method treats these as a cause for concern."""
        return self in CONCERNS

    def one_level_up(self) -> Grade:
        """The next grade up; Trust stays Trust."""
        return _BY_LEVEL[min(self.level + 1, Grade.TRUST.level)]

    def steps_to(self, other: Grade) -> int:
        """Signed number of levels from this grade to ``other`` (positive is up)."""
        return other.level - self.level

    @classmethod
    def parse(cls, text: str) -> Grade | None:
        """Read a letter or a word (any case); blank text means no relationship."""
        cleaned = text.strip().lower()
        if not cleaned:
            return None
        grade = _BY_NAME.get(cleaned)
        if grade is None:
            raise ValidationError(
                f"“{text.strip()[:40]}” is not a grade: use T, O, S, I, D or M "
                "(Trust, Open, Satisfied, Indifferent, Dissatisfied, Motivated to change)."
            )
        return grade


_LABELS = {
    Grade.TRUST: "Trust",
    Grade.OPEN: "Open",
    Grade.SATISFIED: "Satisfied",
    Grade.INDIFFERENT: "Indifferent",
    Grade.DISSATISFIED: "Dissatisfied",
    Grade.MOTIVATED: "Motivated to change",
}
_LEVELS = {
    Grade.MOTIVATED: 0,
    Grade.DISSATISFIED: 1,
    Grade.INDIFFERENT: 2,
    Grade.SATISFIED: 3,
    Grade.OPEN: 4,
    Grade.TRUST: 5,
}
_BY_LEVEL = {level: grade for grade, level in _LEVELS.items()}
# The grades below Satisfied. ``grade in CONCERNS`` compares identities in C, with no call into
# Python: a map counts its concerns over every graded cell as it is read.
CONCERNS = tuple(grade for grade in Grade if _LEVELS[grade] < _LEVELS[Grade.SATISFIED])
_BY_NAME: dict[str, Grade] = {}
for _grade in Grade:
    _BY_NAME[_grade.letter.lower()] = _grade
    _BY_NAME[_grade.label.lower()] = _grade
    _BY_NAME[_grade.name.lower()] = _grade
_BY_NAME["motivated"] = Grade.MOTIVATED

GRADES_TOP_DOWN: tuple[Grade, ...] = tuple(sorted(Grade, key=lambda g: -g.level))


def grade_letter(grade: Grade | None) -> str:
    """The letter shown in a cell; an empty string for no relationship."""
    return grade.letter if grade is not None else ""
