"""No exported cell becomes a formula, whichever separator the spreadsheet splits on."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactmap_desktop.domain.csv_safety import neutralise
from contactmap_desktop.services.csv_export import write_csv_rows

# Letters that matter to spreadsheets and CSV readers, and a few that do not.
_TEXT = st.text(alphabet=st.sampled_from(list('=+-@\t\r\n,;" \'aZ1é李')), max_size=12)
_ROWS = st.lists(st.lists(_TEXT, min_size=1, max_size=4), min_size=1, max_size=4)


def to_csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    write_csv_rows(buffer, rows)
    return buffer.getvalue()


def _fields(text: str, delimiter: str, skip_space: bool) -> list[str]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                        skipinitialspace=skip_space)
    return [field for row in reader for field in row]


def _is_formula(field: str) -> bool:
    # Readers drop leading spaces, quotes and control whitespace before they look.
    return field.lstrip(' "\t\r\n').startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(("cell", "expected"), [
    ("x;=3+3;", "x;'=3+3;"), ("a\t=1", "a\t'=1"), ("a,@SUM(A1)", "a,'@SUM(A1)"),
    ('a;"=1"', "a;'\"=1\""), ("a; -1", "a;' -1"), ("line\n+1", "line\n'+1"),
    (' =1', "' =1"), ('"=1"', "'\"=1\""), ("a;b,c\td", "a;b,c\td"), ("1-2=3", "1-2=3"),
])
def test_pieces_a_separator_would_start_are_neutralised(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


@settings(max_examples=400, deadline=None)
@given(_ROWS)
def test_no_field_is_a_formula_under_comma_semicolon_or_tab(rows: list[list[str]]) -> None:
    text = to_csv_text(rows)
    for delimiter in (",", ";", "\t"):
        for skip_space in (False, True):
            assert not any(_is_formula(field) for field in _fields(text, delimiter, skip_space))
    # Naive readers that split lines and separators without honouring quotes.
    for piece in text.replace(";", "\n").replace(",", "\n").replace("\t", "\n").splitlines():
        assert not _is_formula(piece)


@settings(max_examples=200, deadline=None)
@given(_ROWS)
def test_the_comma_reading_gives_back_each_neutralised_cell(rows: list[list[str]]) -> None:
    back = list(csv.reader(io.StringIO(to_csv_text(rows), newline="")))
    assert back == [[neutralise(cell) for cell in row] for row in rows]
