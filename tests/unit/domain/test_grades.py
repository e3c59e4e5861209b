import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade, grade_letter


def test_order_runs_from_trust_down_to_motivated_to_change() -> None:
    assert [g.letter for g in GRADES_TOP_DOWN] == ["T", "O", "S", "I", "D", "M"]
    assert Grade.TRUST.level > Grade.OPEN.level > Grade.SATISFIED.level
    assert Grade.SATISFIED.level > Grade.INDIFFERENT.level > Grade.DISSATISFIED.level
    assert Grade.DISSATISFIED.level > Grade.MOTIVATED.level


@pytest.mark.parametrize("text, expected", [
    ("T", Grade.TRUST), ("t", Grade.TRUST), (" o ", Grade.OPEN), ("Satisfied", Grade.SATISFIED),
    ("INDIFFERENT", Grade.INDIFFERENT), ("d", Grade.DISSATISFIED),
    ("Motivated to change", Grade.MOTIVATED), ("motivated", Grade.MOTIVATED),
    ("M", Grade.MOTIVATED),
])
def test_parse_accepts_letters_and_words_in_any_case(text: str, expected: Grade) -> None:
    assert Grade.parse(text) is expected


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_blank_means_no_relationship_not_indifferent(text: str) -> None:
    assert Grade.parse(text) is None
    assert Grade.parse(text) is not Grade.INDIFFERENT
    assert grade_letter(None) == ""


@pytest.mark.parametrize("text", ["X", "Tr", "5", "trusted", "=1+1"])
def test_parse_rejects_anything_else_with_a_specific_message(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a grade"):
        Grade.parse(text)


@pytest.mark.parametrize("grade, concern", [
    (Grade.TRUST, False), (Grade.OPEN, False), (Grade.SATISFIED, False),
    (Grade.INDIFFERENT, True), (Grade.DISSATISFIED, True), (Grade.MOTIVATED, True),
])
def test_below_satisfied_is_a_concern(grade: Grade, concern: bool) -> None:
    assert grade.is_concern is concern


@pytest.mark.parametrize("grade, up", [
    (Grade.MOTIVATED, Grade.DISSATISFIED), (Grade.INDIFFERENT, Grade.SATISFIED),
    (Grade.OPEN, Grade.TRUST), (Grade.TRUST, Grade.TRUST),
])
def test_one_level_up(grade: Grade, up: Grade) -> None:
    assert grade.one_level_up() is up


def test_steps_are_signed() -> None:
    assert Grade.INDIFFERENT.steps_to(Grade.OPEN) == 2
    assert Grade.OPEN.steps_to(Grade.INDIFFERENT) == -2
