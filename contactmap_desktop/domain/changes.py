"""What one write changed in a workspace: the change set every writing operation returns.

A change set names records by id and carries no values: whoever shows them reads the new
values from the workspace. So an edit made here, its undo, an account file merged in and rows
written by a sync from another laptop all reach the window the same way (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Generic, TypeVar

from contactmap_desktop.domain.model import CellRef


def _ids(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@dataclass(frozen=True)
class Changes:
    """Ids of what changed, by kind; combine two with ``|``. Empty means nothing was written."""

    accounts: frozenset[str] = frozenset()  # accounts added, edited, deleted or restored
    people: frozenset[str] = frozenset()  # accounts whose stakeholders (or their order) changed
    team: frozenset[str] = frozenset()  # accounts whose team (or its order) changed
    cells: frozenset[CellRef] = frozenset()  # grades of these cells, and their recorded history
    marks: frozenset[CellRef] = frozenset()  # key, focus, needs-filling, note, leverage
    plans: frozenset[CellRef] = frozenset()  # the blueprints of these relationships
    letters: frozenset[str] = frozenset()  # sponsor letters, by letter id
    lifecycle: frozenset[str] = frozenset()  # accounts whose lifecycle records changed
    settings: bool = False  # workspace settings (thresholds, printing, cadence)
    whole_accounts: frozenset[str] = frozenset()  # read everything of these accounts again

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name)
                          for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NO_CHANGES = Changes()

T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What a writing operation gives back when its caller needs more than the change set:
    the value as stored (or what undo needs to take the write back), and what changed."""

    value: T
    changes: Changes


def grades_of(cells: Iterable[CellRef]) -> Changes:
    return Changes(cells=frozenset(cells))


def marks_of(cells: Iterable[CellRef]) -> Changes:
    return Changes(marks=frozenset(cells))


def plans_of(cells: Iterable[CellRef]) -> Changes:
    return Changes(plans=frozenset(cells))


def people_of(account_id: str) -> Changes:
    return Changes(people=_ids([account_id]))


def team_of(account_id: str) -> Changes:
    return Changes(team=_ids([account_id]))


def account_changed(account_id: str) -> Changes:
    return Changes(accounts=_ids([account_id]))


def letters_of(letter_ids: Iterable[str]) -> Changes:
    return Changes(letters=_ids(letter_ids))


def lifecycle_of(account_id: str) -> Changes:
    return Changes(lifecycle=_ids([account_id]))


def whole_account(account_id: str) -> Changes:
    """Anything of the account may have changed (an account file merged in, a sync)."""
    return Changes(accounts=_ids([account_id]), whole_accounts=_ids([account_id]))


SETTINGS = Changes(settings=True)
