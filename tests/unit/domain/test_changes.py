"""Change sets: combining them, and telling an empty one."""

from __future__ import annotations

from contactmap_desktop.domain.changes import (
    NO_CHANGES,
    SETTINGS,
    Changes,
    grades_of,
    people_of,
    plans_of,
    whole_account,
)
from contactmap_desktop.domain.model import CellRef

CELL = CellRef("m1", "s1")


def test_an_empty_change_set_is_false_and_any_kind_makes_it_true() -> None:
    assert not NO_CHANGES and not Changes()
    assert grades_of([CELL]) and people_of("a") and SETTINGS and whole_account("a")


def test_change_sets_combine_kind_by_kind() -> None:
    combined = grades_of([CELL]) | plans_of([CELL]) | people_of("a") | SETTINGS
    assert combined == Changes(cells=frozenset({CELL}), plans=frozenset({CELL}),
                               people=frozenset({"a"}), settings=True)
    assert whole_account("a").accounts == whole_account("a").whole_accounts == {"a"}
