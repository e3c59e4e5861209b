"""Dates in the window: Qt's date values, the one style every view writes dates in (the
system locale's, or ISO 8601 where the user chose it in Preferences ▸ Appearance)."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from contactmap_desktop.domain.dates import ISO, DateStyle


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def locale_style(locale: QLocale) -> DateStyle:
    """The locale's own short date, with whole years (5/3/27 reads three ways); ISO for the
    C locale, whose short date (“3 05 2027”) nobody writes."""
    if locale.language() == QLocale.Language.C:
        return ISO
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    long, short = QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat
    return DateStyle(pattern, tuple(locale.monthName(m, long) for m in range(1, 13)),
                     tuple(locale.monthName(m, short) for m in range(1, 13)))


class WindowDates:
    """The style of every date on screen. Like Qt's own default locale it belongs to the
    process: the composition root sets it at start and Preferences when the user chooses."""

    style: DateStyle = ISO

    @classmethod
    def use(cls, iso: bool, locale: QLocale | None = None) -> None:
        cls.style = ISO if iso else locale_style(locale if locale is not None else QLocale())


def date_text(day: date | None) -> str:
    """``day`` as the window writes dates; "" for no date."""
    return "" if day is None else WindowDates.style.format(day)


def date_time_text(moment: datetime) -> str:
    """A moment as the window writes dates, with its time of day."""
    return f"{date_text(moment.date())} {moment:%H:%M}"


def letter_dates_of(locale: QLocale) -> tuple[str, str]:
    """A letter's date pattern and month names in ``locale``'s language: its long date
    without the weekday ("d. MMMM yyyy", "Januar … Dezember")."""
    pattern = re.sub(r"dddd[,.]?\s*", "", locale.dateFormat(QLocale.FormatType.LongFormat))
    months = " ".join(locale.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13))
    return pattern.strip(), months
