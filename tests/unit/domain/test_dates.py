"""Dates are written in one style and typed dates are read the way they read."""

from __future__ import annotations

from datetime import date

import pytest

from contactmap_desktop.domain.dates import ENGLISH, ISO, DateStyle
from contactmap_desktop.domain.errors import ValidationError

TODAY = date(2026, 12, 7)
SPANISH = DateStyle("d 'de' MMMM 'de' yyyy",
                    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                            "agosto", "septiembre", "octubre", "noviembre", "diciembre"))
US = DateStyle("M/d/yyyy")
UK = DateStyle("dd/MM/yyyy")
GERMAN = DateStyle("dd.MM.yyyy", months=("Januar", "Februar", "März", "April", "Mai", "Juni",
                                         "Juli", "August", "September", "Oktober", "November",
                                         "Dezember"),
                   short_months=("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.",
                                 "Sept.", "Okt.", "Nov.", "Dez."))


@pytest.mark.parametrize(("style", "text", "expected"), [
    # A month name settles the month wherever it stands, in any style.
    (ENGLISH, "11 Jan 2027", date(2027, 1, 11)),
    (US, "11 Jan 2027", date(2027, 1, 11)),
    (UK, "Jan 11, 2027", date(2027, 1, 11)),
    (ISO, "11 January 2027", date(2027, 1, 11)),
    (ENGLISH, "11 jan 27", date(2027, 1, 11)),
    (ENGLISH, "2027 Jan 11", date(2027, 1, 11)),
    (ENGLISH, "11 Sept 2027", date(2027, 9, 11)),
    (ENGLISH, "3 Dec", date(2026, 12, 3)),  # no year: this year
    (GERMAN, "11. Mai 2027", date(2027, 5, 11)),
    (GERMAN, "11. März 2027", date(2027, 3, 11)),
    (GERMAN, "11 May 2027", date(2027, 5, 11)),  # English names are understood too
    (SPANISH, "5 de enero de 2027", date(2027, 1, 5)),
    (ENGLISH, "11 of January 2027", date(2027, 1, 11)),
    # ISO is always understood.
    (US, "2027-01-11", date(2027, 1, 11)),
    (UK, "2027/1/11", date(2027, 1, 11)),
    # Other numbers follow the style's order.
    (US, "1/11/2027", date(2027, 1, 11)),
    (UK, "11/01/2027", date(2027, 1, 11)),
    (GERMAN, "11.1.27", date(2027, 1, 11)),
    (US, "1/11", date(2026, 1, 11)),
    (UK, "11/1", date(2026, 1, 11)),
    (ISO, "2027-1-11", date(2027, 1, 11)),
    # Words for nearby days, and room around the text.
    (ENGLISH, " today ", TODAY),
    (ENGLISH, "Tomorrow", date(2026, 12, 8)),
])
def test_typed_dates_read_the_way_they_read(style: DateStyle, text: str,
                                            expected: date) -> None:
    assert style.parse(text, TODAY) == expected


@pytest.mark.parametrize(("style", "text", "says"), [
    (ENGLISH, "", "is not a date"),
    (ENGLISH, "soon", "is not a date"),
    (ENGLISH, "11 Foo 2027", "is not a date"),
    (ENGLISH, "Ja 11 2027", "is not a date"),  # too short to be sure which month
    (ENGLISH, "31 Feb 2027", "February 2027 has 28 days"),
    (UK, "31/04/2027", "April 2027 has 30 days"),
    (US, "13/1/2027", "is not a date"),  # no 13th month
    (ISO, "2027-01", "is not a date"),
    (ENGLISH, "1 2 3 4", "is not a date"),
    (ENGLISH, "11 Jan 20277", "is not a date"),
])
def test_what_is_not_a_date_says_how_to_write_one(style: DateStyle, text: str,
                                                   says: str) -> None:
    with pytest.raises(ValidationError, match=says) as raised:
        style.parse(text, TODAY)
    if "is not a date" in says:
        assert "2027-01-11" in str(raised.value)


@pytest.mark.parametrize(("style", "expected"), [
    (ISO, "2027-01-05"),
    (ENGLISH, "5 Jan 2027"),
    (US, "1/5/2027"),
    (UK, "05/01/2027"),
    (GERMAN, "05.01.2027"),
    (DateStyle("d 'de' MMMM 'de' yyyy"), "5 de January de 2027"),
    (DateStyle("yy-M-d"), "27-1-5"),
])
def test_a_style_writes_a_date(style: DateStyle, expected: str) -> None:
    assert style.format(date(2027, 1, 5)) == expected


@pytest.mark.parametrize("style", [ISO, ENGLISH, US, UK, GERMAN])
@pytest.mark.parametrize("day", [date(2027, 1, 11), date(2026, 12, 31), date(2028, 2, 29)])
def test_what_a_style_writes_it_reads_back(style: DateStyle, day: date) -> None:
    assert style.parse(style.format(day), TODAY) == day


@pytest.mark.parametrize(("pattern", "order"), [
    ("M/d/yy", "MDY"), ("dd.MM.yyyy", "DMY"), ("yyyy/MM/dd", "YMD"), ("MMMM", "DMY"),
])
def test_order_of_a_pattern(pattern: str, order: str) -> None:
    assert DateStyle(pattern).order == order
