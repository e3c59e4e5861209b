"""Reading cells back as stored, as the window does after every write (its own or a sync's)."""

from __future__ import annotations

from pathlib import Path

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Relationship
from tests.helpers.builders import build_small_map


def test_cells_read_back_with_their_leverage_and_history_blank_ones_included(
        tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    maps = small.opened.contact_maps
    try:
        maps.set_grade(small.cell(0, 0), Grade.TRUST)
        maps.set_grade(small.cell(0, 0), Grade.OPEN)
        maps.set_grade(small.cell(1, 1), Grade.INDIFFERENT)
        maps.update_marks(Relationship(small.cell(0, 0), Grade.OPEN, is_key=True,
                                       leverage_for=(small.cell(1, 1),)))
        cells = [small.cell(0, 0), small.cell(1, 1), small.cell(1, 2)]
        states = maps.read_cells(cells)
        assert [s.relationship.cell for s in states] == cells
        first, second, blank = states
        assert first.relationship.grade is Grade.OPEN and first.relationship.is_key
        assert first.relationship.leverage_for == (small.cell(1, 1),)
        assert first.history is not None and second.history is not None
        assert [c.new_grade for c in first.history] == [Grade.TRUST, Grade.OPEN]
        assert second.relationship.grade is Grade.INDIFFERENT and len(second.history) == 1
        assert blank.relationship == Relationship(small.cell(1, 2)) and blank.history == ()
        assert maps.read_cells([]) == []
        # A map whose history is read from the file asks for the relationships only.
        assert [(s.relationship, s.history) for s in maps.read_cells(cells, with_history=False)
                ] == [(s.relationship, None) for s in states]
    finally:
        small.opened.close()


def test_several_leverage_targets_read_back_in_one_order_on_every_path(
        tmp_path: Path) -> None:
    # Read without an order, SQLite gave them by the primary key and PostgreSQL as stored.
    small = build_small_map(tmp_path / "w.cmap")
    maps = small.opened.contact_maps
    source = small.cell(0, 0)
    targets = sorted([small.cell(1, 0), small.cell(1, 1), small.cell(1, 2)],
                     key=lambda c: (c.team_member_id, c.stakeholder_id))
    try:
        maps.set_grade(source, Grade.TRUST)
        maps.update_marks(Relationship(source, Grade.TRUST, leverage_for=tuple(targets[::-1])))
        [state] = maps.read_cells([source])
        assert state.relationship.leverage_for == tuple(targets)
        loaded = maps.load_map(small.account.id).relationship(source)
        assert loaded.leverage_for == tuple(targets)
    finally:
        small.opened.close()
