"""An account's records from outside (an account file, the team server) checked and turned
into column values, with the words messages quote them in."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from contactmap_desktop.domain.errors import InboundError
from contactmap_desktop.storage.account_sections import TableSection, section_columns

# What SQLite stores in an INTEGER column; a larger number cannot be written at all.
_INTEGER_RANGE = (-(2**63), 2**63 - 1)


def shown_value(value: Any) -> str:
    """A value as quoted in a one-line message: cut short, control characters as “?”."""
    return "".join(c if c.isprintable() else "?" for c in str(value)[:40])


_EXPECTED = {dt.datetime: "not a time (YYYY-MM-DDTHH:MM:SS)", dt.date: "not a date (YYYY-MM-DD)",
             bool: "not true or false", int: "not a whole number", float: "not a number",
             str: "not text that can be stored"}


def record_label(section: TableSection, number: int) -> str:
    """How messages name a record of the file: ``account``, ``stakeholders[3]``…"""
    return section.name if section.name == "account" else f"{section.name}[{number}]"


def _refused(where: str, column: Any, value: Any, why: str = "") -> InboundError:
    reason = f": {why}" if why else ""
    return InboundError(f"{where}.{column.key} holds “{shown_value(value)}”{reason}.")


def _from_json(column: Any, value: Any, where: str) -> Any:
    """The column's value from its JSON form (or already typed, as a database driver gives
    it), refused when it is of another type or one SQLite would store differently."""
    if value is None:
        return None
    kind = column.type.python_type
    try:
        if kind is dt.datetime:
            moment = value if isinstance(value, dt.datetime) else \
                dt.datetime.fromisoformat(_iso_text(value))
            if moment.tzinfo is not None:
                # Times are naive UTC here; comparing an aware one with them fails.
                raise _refused(where, column, value,
                               "a time with a time zone, where times are naive UTC")
            return moment
        if kind is dt.date:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            return dt.date.fromisoformat(_iso_text(value))
        if kind is bool:
            if not isinstance(value, bool):
                raise ValueError(value)
            return value
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(value)
            if not _INTEGER_RANGE[0] <= value <= _INTEGER_RANGE[1]:
                raise _refused(where, column, value, "too large a number to store")
            return value
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float) or \
                    not math.isfinite(value):
                raise ValueError(value)
            return float(value)
        if kind is str:
            if not isinstance(value, str):
                raise ValueError(value)
            value.encode("utf-8")  # a lone surrogate from JSON cannot be stored
            length = getattr(column.type, "length", None)
            if length is not None and len(value) > length:
                raise _refused(where, column, value, f"longer than {length} characters")
            return value
    except (ValueError, OverflowError):
        raise _refused(where, column, value, _EXPECTED.get(kind, "")) from None
    return value  # pragma: no cover - every column type we use is handled above


def _iso_text(value: Any) -> str:
    """ISO text as the file writes it; a number is not a date, however ISO-like it looks."""
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _has_default(column: Any) -> bool:
    return column.nullable or (column.default is not None and column.default.is_scalar)


def decode_record(section: TableSection, record: Any, number: int) -> dict[str, Any]:
    """A record of the file checked and converted to column values.

    A column with a default (or optional) may be missing, or null where null is not allowed:
    the file was written before the column existed. It is left out of the values, so that a
    new row takes the default and a row stored here keeps its own value (``merge_section``);
    a record without ``updated_at`` is never the newer one. A required column without a
    default that is missing or null means the file is damaged.
    """
    where = record_label(section, number)
    if not isinstance(record, dict):
        raise InboundError(f"{where} is not a record.")
    values: dict[str, Any] = {}
    for column in section_columns(section.table):
        value = record.get(column.key)
        if value is not None or (column.nullable and column.key in record):
            values[column.key] = _from_json(column, value, where)
        elif not _has_default(column):
            problem = (f"{where} has no {column.key}" if column.key not in record
                       else f"{where}.{column.key} is empty")
            raise InboundError(f"{problem}.")
    return values


def with_defaults(section: TableSection, values: dict[str, Any]) -> dict[str, Any]:
    """Decoded values with the columns the record lacked set to what a new row takes."""
    missing = {c.key: c.default.arg if c.default is not None and c.default.is_scalar else None
               for c in section_columns(section.table) if c.key not in values}
    return {**values, **missing}
