"""What ``contactmap check`` finds already stored that the app cannot read.

The inbound gate's field rules (services/inbound_rules.py) asked of every row of the
workspace, as SQL over a read-only connection so that a large workspace is checked in moments:
types, enums, buying roles, whole numbers, dates and times, JSON. The few tables whose rows
hold JSON records (letters, metrics…) are read back as the app reads them. Texts longer than
the window allows still read, and are not reported.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.services import inbound_rules as rules
from contactmap_desktop.storage.account_records import decode_record, shown_value
from contactmap_desktop.storage.account_sections import (
    ACCOUNT_SECTIONS,
    ACCOUNT_TABLE,
    TableSection,
)
from contactmap_desktop.storage.row_reading import read_back

# Tables whose rows hold JSON records or settings: few rows, read back whole.
_READ_BACK = frozenset({"sponsor_letters", "metrics", "review_meetings", "success_criteria"})


# Records the window cannot show although each value reads: (table, condition, what it is).
_WHOLE_RECORDS = (
    ("blueprints", "NOT EXISTS (SELECT 1 FROM blueprint_cells "
                   "WHERE blueprint_cells.blueprint_id = blueprints.id)",
     "a plan with no relationship to work on"),
)


def unreadable_value(path: Path) -> str | None:
    """The first stored value the app cannot read, naming its table, row and column; None
    when there is none. Opens the file read-only."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for section in (ACCOUNT_TABLE, *ACCOUNT_SECTIONS):
            problem = _section_problem(connection, section)
            if problem is not None:
                return problem
        for table, predicate, what in _WHOLE_RECORDS:
            found = connection.execute(
                f'SELECT rowid FROM "{table}" WHERE {predicate} LIMIT 1').fetchone()
            if found is not None:
                return f"{table} row {found[0]} is {what}"
        return None
    finally:
        connection.close()


def _section_problem(connection: sqlite3.Connection, section: TableSection) -> str | None:
    table = section.table.__tablename__
    present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    columns = [c for c in section.table.__table__.columns if c.key in present]
    for column in columns:
        predicate = _unreadable_sql(section.name, column)
        found = connection.execute(
            f'SELECT rowid, "{column.key}" FROM "{table}" WHERE {predicate} LIMIT 1').fetchone()
        if found is not None:
            return (f"{table} row {found[0]}: {column.key} holds “{shown_value(found[1])}”, "
                    "which the app cannot read")
    if section.name in _READ_BACK and len(columns) == len(section.table.__table__.columns):
        for rowid, record in _records(connection, table, columns):
            try:
                read_back(section, decode_record(section, record, rowid))
            except (ContactMapError, ValueError, TypeError, KeyError, AttributeError,
                    RecursionError) as error:
                return f"{table} row {rowid} cannot be read: {shown_value(error)}"
    return None


def _records(connection: sqlite3.Connection, table: str, columns: list[Any]
             ) -> Iterator[tuple[int, dict[str, Any]]]:
    names = ", ".join(f'"{c.key}"' for c in columns)
    for rowid, *values in connection.execute(f'SELECT rowid, {names} FROM "{table}"'):
        yield rowid, {c.key: bool(v) if c.type.python_type is bool and v in (0, 1) else v
                      for c, v in zip(columns, values, strict=True)}


def _literal(value: Any) -> str:
    return str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def _unreadable_sql(section: str, column: Any) -> str:
    """A condition true for the rows whose value in ``column`` the app cannot read."""
    name = f'"{column.key}"'
    kind = column.type.python_type
    stored_as = {str: "'text'", int: "'integer'", bool: "'integer'", float: "'integer', 'real'",
                 dt.date: "'text'", dt.datetime: "'text'"}[kind]
    wrong = [f"typeof({name}) NOT IN ({stored_as}, 'null')"]
    enum: type[Enum] | None = rules.ENUMS.get((section, column.key))
    if enum is not None:
        wrong.append(f"{name} NOT IN ({', '.join(_literal(m.value) for m in enum)})")
    elif (section, column.key) == ("stakeholders", "roles"):
        wrong.append(f"{name} GLOB '*[^{''.join(r.badge for r in BuyingRole)}]*'")
    elif kind is bool:
        wrong.append(f"{name} NOT IN (0, 1)")
    elif kind is int:
        low, high = rules.integer_range(section, column.key)
        wrong.append(f"{name} NOT BETWEEN {low} AND {high}")
    elif kind is float:
        wrong.append(f"abs({name}) > 1e308")  # infinity
    elif kind is dt.date:
        low_date, high_date = rules.DATE_RANGE
        wrong.append(f"date({name}) IS NOT {name} OR {name} NOT BETWEEN "
                     f"'{low_date.isoformat()}' AND '{high_date.isoformat()}'")
    elif kind is dt.datetime:
        low_time, high_time = rules.TIME_RANGE
        wrong.append(f"datetime({name}) IS NULL OR {name} < '{low_time.isoformat(' ')}' OR "
                     f"{name} >= '{high_time.isoformat(' ')}'")
    elif (section, column.key) in rules.JSON_LISTS:
        wrong.append(f"json_valid({name}) = 0 OR json_type({name}) != 'array'")
    elif (section, column.key) == ("settings", "value"):
        wrong.append(f"json_valid({name}) = 0")
    return f"{name} IS NOT NULL AND ({' OR '.join(wrong)})"
