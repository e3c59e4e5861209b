"""Reading a map shares one value per cell and one string per person id across its rows."""

from __future__ import annotations

from pathlib import Path

from contactmap_desktop.domain.grades import Grade
from tests.helpers.builders import build_small_map


def test_a_cells_relationship_and_changes_share_one_cell_and_its_ids(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "plan.cmap")
    service = small.opened.contact_maps
    first, second = small.cell(0, 0), small.cell(1, 0)
    service.set_grade(first, Grade.OPEN)
    service.set_grade(first, Grade.SATISFIED)
    service.set_grade(second, Grade.TRUST)

    loaded = service.load_map(small.account.id)
    small.opened.close()

    cell = loaded.relationships[first].cell
    assert [change.cell for change in loaded.history_of(first)] == [first, first]
    assert all(change.cell is cell for change in loaded.history_of(first))
    other = loaded.relationships[second].cell
    assert other.stakeholder_id is cell.stakeholder_id  # the same column's id, stored once
    assert loaded.relationship(first).grade is Grade.SATISFIED
