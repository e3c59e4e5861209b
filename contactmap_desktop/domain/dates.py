"""Dates as people write and read them: one style formats a date, and typed text is read back
the way it reads ("11 Jan 2027" is the 11th of January whatever the style's order)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from contactmap_desktop.domain.errors import ValidationError

ENGLISH_MONTHS = tuple(calendar.month_name[1:])  # fixed English names, never the C locale's
ENGLISH_SHORT_MONTHS = tuple(name[:3] for name in ENGLISH_MONTHS)
_TOKEN = re.compile(r"'[^']*'|d{1,2}|M{1,4}|y{4}|y{2}")
_PIECES = re.compile(r"\d+|[^\W\d_]+\.?", re.UNICODE)
_RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}


@dataclass(frozen=True)
class DateStyle:
    """How dates are written: a pattern in Qt's letters (``d MMM yyyy``, ``M/d/yyyy``,
    ``yyyy-MM-dd``; quoted text is kept) and the month names of its language."""

    pattern: str
    months: tuple[str, ...] = ENGLISH_MONTHS
    short_months: tuple[str, ...] = ENGLISH_SHORT_MONTHS

    @property
    def order(self) -> str:
        """The order of day, month and year in the pattern: "DMY", "MDY" or "YMD"."""
        letters = [t[0].upper() for t in _TOKEN.findall(self.pattern) if t[0] in "dMy"]
        seen = "".join(dict.fromkeys(letters))
        return seen if len(seen) == 3 else "DMY"

    def format(self, day: date) -> str:
        def token(match: re.Match[str]) -> str:
            text = match.group()
            return {
                "d": str(day.day), "dd": f"{day.day:02d}",
                "M": str(day.month), "MM": f"{day.month:02d}",
                "MMM": self.short_months[day.month - 1], "MMMM": self.months[day.month - 1],
                "yy": f"{day.year % 100:02d}", "yyyy": f"{day.year:04d}",
            }.get(text, text[1:-1])
        return _TOKEN.sub(token, self.pattern)

    def parse(self, text: str, today: date) -> date:
        """The date ``text`` names; a ValidationError that says how to write one otherwise.

        Month names (this style's or English, whole or shortened) settle the month wherever
        they stand; an ISO date (2027-01-11) is always understood; other numbers follow this
        style's order. A missing year is this year; a two-digit year is in this century.
        """
        cleaned = text.strip()
        if cleaned.casefold() in _RELATIVE:
            return today + timedelta(days=_RELATIVE[cleaned.casefold()])
        pieces = _PIECES.findall(cleaned)
        # Words of one or two letters are joiners ("5 de enero", "the 11th of"), never months.
        words = [p.rstrip(".") for p in pieces
                 if not p[0].isdigit() and len(p.rstrip(".")) > 2]
        numbers = [p for p in pieces if p[0].isdigit()]
        if not cleaned or len(words) > 1 or not 2 <= len(words) + len(numbers) <= 3:
            raise _not_a_date(text, self)
        if words:
            month = self._month_named(words[0])
            if month is None or not 1 <= len(numbers) <= 2:
                raise _not_a_date(text, self)
            day_text, year_text = _day_and_year(numbers)
            return _checked(text, year_text, str(month), day_text, today, self)
        if len(numbers[0]) == 4 or len(numbers) == 3 and self.order == "YMD":
            parts = dict(zip("YMD", numbers, strict=False))
        else:
            parts = dict(zip(self.order.replace("Y", ""), numbers[:2], strict=True))
            if len(numbers) == 3:
                parts["Y"] = numbers[2]
        if "D" not in parts:
            raise _not_a_date(text, self)
        return _checked(text, parts.get("Y"), parts["M"], parts["D"], today, self)

    def _month_named(self, word: str) -> int | None:
        folded = word.casefold()
        if len(folded) < 3:
            return None
        for names in (self.months, self.short_months, ENGLISH_MONTHS):
            for number, name in enumerate(names, start=1):
                name = name.casefold().rstrip(".")
                if folded == name or len(folded) >= 3 and name.startswith(folded):
                    return number
        return None


ISO = DateStyle("yyyy-MM-dd")
# The style of printed English and of the window when the system names no usable one.
ENGLISH = DateStyle("d MMM yyyy")
ENGLISH_LONG = DateStyle("d MMMM yyyy")


def _day_and_year(numbers: list[str]) -> tuple[str, str | None]:
    if len(numbers) == 1:
        return numbers[0], None
    first, second = numbers
    # "2027 Jan 11" or "Jan 11 2027" / "11 Jan 27": the four-digit one, else the last, is a year.
    return (second, first) if len(first) == 4 else (first, second)


def _checked(text: str, year: str | None, month: str, day: str, today: date,
             style: DateStyle) -> date:
    if year is None:
        full_year = today.year
    elif len(year) <= 2:
        full_year = today.year // 100 * 100 + int(year)
    elif len(year) == 4:
        full_year = int(year)
    else:
        raise _not_a_date(text, style)
    month_number, day_number = int(month), int(day)
    if not 1 <= month_number <= 12:
        raise _not_a_date(text, style)
    days = calendar.monthrange(full_year, month_number)[1]
    if not 1 <= day_number <= days:
        raise ValidationError(f"“{text.strip()}” is not a date: {ENGLISH_MONTHS[month_number - 1]} "
                              f"{full_year} has {days} days.")
    return date(full_year, month_number, day_number)


def _not_a_date(text: str, style: DateStyle) -> ValidationError:
    example = date(2027, 1, 11)
    return ValidationError(f"“{text.strip()}” is not a date: write it as "
                           f"{style.format(example)}, 11 Jan 2027 or 2027-01-11.")
