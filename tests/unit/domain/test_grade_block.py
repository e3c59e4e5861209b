"""Grade blocks as tab-separated text."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grade_block import format_block, parse_block
from contactmap_desktop.domain.grades import Grade

# The grade letters, as a user types them.
T, O, S, I, D, M = (  # noqa: E741
    Grade.TRUST, Grade.OPEN, Grade.SATISFIED, Grade.INDIFFERENT, Grade.DISSATISFIED,
    Grade.MOTIVATED,
)


def test_format_block() -> None:
    assert format_block([[T, None, O], [M, D, S]]) == "T\t\tO\nM\tD\tS\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("T\t\tO\nM\tD\tS\n", [[T, None, O], [M, D, S]]),
    ("trust\topen\r\nSATISFIED\t indifferent \r\n", [[T, O], [S, I]]),
    ("Motivated to change", [[M]]),
    ("t\nd\to\n", [[T, None], [D, O]]),
    ('"S"\t""', [[S, None]]),
])
def test_parse_block(text: str, expected: list[list[Grade | None]]) -> None:
    assert parse_block(text) == expected


def test_every_bad_cell_is_named() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_block("T\tgood\nX\tO\n")
    message = str(raised.value)
    assert "2 cell(s) are not grades" in message
    assert "row 1, column 2 (“good”)" in message and "row 2, column 1 (“X”)" in message


def test_round_trip() -> None:
    block = [[T, O, None], [None, None, M]]
    assert parse_block(format_block(block)) == block


def test_empty_clipboard() -> None:
    with pytest.raises(ValidationError, match="no cells"):
        parse_block("")
