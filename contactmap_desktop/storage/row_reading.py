"""A record read back as the app reads its row, before anything stores it (the inbound gate).

The readers are the ones the repositories use, so a record that reads here reads in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from contactmap_desktop.domain.blueprints import Strategy
from contactmap_desktop.storage.account_records import with_defaults
from contactmap_desktop.storage.account_sections import TableSection
from contactmap_desktop.storage.blueprint_repository import blueprint_from_row
from contactmap_desktop.storage.letter_repository import letter_from_row
from contactmap_desktop.storage.lifecycle_mapping import MAPPINGS
from contactmap_desktop.storage.mapping import (
    account_from_row,
    grade_change_from_row,
    relationship_from_row,
    stakeholder_from_row,
    team_member_from_row,
)

_READERS: dict[str, Callable[[Any], Any]] = {
    "account": account_from_row,
    "stakeholders": stakeholder_from_row,
    "team_members": team_member_from_row,
    "relationships": relationship_from_row,
    "grade_changes": grade_change_from_row,
    "blueprints": blueprint_from_row,
    "blueprint_strategies": lambda row: Strategy(row.strategy),
    "sponsor_letters": letter_from_row,
    **{m.row.__tablename__: m.to_value for m in MAPPINGS.values()},
}


def read_back(section: TableSection, values: dict[str, Any]) -> Any:
    """The domain value the app would read from a row holding ``values`` (None for tables
    read only as plain ids); raises whatever reading that row would raise."""
    reader = _READERS.get(section.name)
    if reader is None:
        return None
    # The row's columns as plain attributes, which is all the readers read: a mapped row
    # (instrumented attributes and their events) took twice as long as the reading itself,
    # for each record of a first sync or an account file. Nothing is added to a session.
    return reader(SimpleNamespace(**with_defaults(section, values)))
