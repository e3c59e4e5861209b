from dataclasses import replace
from datetime import datetime

import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
)


def _map() -> ContactMap:
    return ContactMap(
        account=Account("a", "Acme"),
        stakeholders=[Stakeholder("s1", "a", "One"), Stakeholder("s2", "a", "Two")],
        team_members=[TeamMember("t1", "Rep"), TeamMember("t2", "Eng")],
    )


def test_depth_counts_graded_cells_per_column_and_follows_edits() -> None:
    contact_map = _map()
    contact_map.put(Relationship(CellRef("t1", "s1"), Grade.OPEN))
    contact_map.put(Relationship(CellRef("t2", "s1"), Grade.INDIFFERENT))
    contact_map.put(Relationship(CellRef("t2", "s2"), None, is_key=True))
    assert contact_map.depth("s1") == 2
    assert contact_map.depth("s2") == 0
    contact_map.put(Relationship(CellRef("t1", "s1"), None))
    assert contact_map.depth("s1") == 1
    assert CellRef("t1", "s1") not in contact_map.relationships


def test_a_blank_unmarked_cell_is_not_stored() -> None:
    contact_map = _map()
    contact_map.put(Relationship(CellRef("t1", "s1")))
    assert contact_map.relationships == {}
    assert contact_map.grade(CellRef("t1", "s1")) is None


def test_people_are_found_by_id_even_after_the_lists_change_in_place() -> None:
    contact_map = _map()
    assert contact_map.stakeholder("s2").name == "Two"
    assert contact_map.team_member("t1").name == "Rep"
    contact_map.stakeholders.insert(0, Stakeholder("s0", "a", "Zero"))
    contact_map.stakeholders[2] = Stakeholder("s2", "a", "Two, renamed")
    contact_map.team_members.remove(contact_map.team_members[0])
    contact_map.team_members = [*contact_map.team_members, TeamMember("t3", "New")]

    assert contact_map.stakeholder("s2").name == "Two, renamed"
    assert contact_map.stakeholder("s0").name == "Zero"
    assert contact_map.team_member("t3").name == "New"
    with pytest.raises(LookupError):
        contact_map.team_member("t1")


def test_relationships_and_concerns_are_counted_as_cells_change() -> None:
    graded = {CellRef("t1", "s1"): Relationship(CellRef("t1", "s1"), Grade.MOTIVATED),
              CellRef("t1", "s2"): Relationship(CellRef("t1", "s2"), Grade.TRUST)}
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One"),
                                                    Stakeholder("s2", "a", "Two")],
                             [TeamMember("t1", "Rep"), TeamMember("t2", "Eng")], graded)
    assert (contact_map.graded_count(), contact_map.concern_count()) == (2, 1)

    contact_map.put(Relationship(CellRef("t1", "s1"), Grade.SATISFIED))  # concern resolved
    contact_map.put(Relationship(CellRef("t2", "s2"), Grade.DISSATISFIED))  # a new concern
    contact_map.put(Relationship(CellRef("t1", "s2"), None, is_key=True))  # grade cleared
    assert (contact_map.graded_count(), contact_map.concern_count()) == (2, 1)
    assert contact_map.concern_count() == sum(
        1 for r in contact_map.graded() if r.grade is not None and r.grade.is_concern)


def test_a_cells_history_follows_changes_recorded_and_notes_edited() -> None:
    cell, other = CellRef("t1", "s1"), CellRef("t2", "s1")
    first = GradeChange("c1", cell, None, Grade.OPEN, datetime(2026, 1, 1))
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One")],
                             [TeamMember("t1", "Rep"), TeamMember("t2", "Eng")],
                             history=[first, GradeChange("c2", other, None, Grade.TRUST,
                                                         datetime(2026, 1, 2))])
    second = GradeChange("c3", cell, Grade.OPEN, Grade.SATISFIED, datetime(2026, 2, 1))

    contact_map.refresh_cell(Relationship(cell, Grade.SATISFIED),
                             [replace(first, note="met at the fair"), second])

    assert [(c.id, c.note) for c in contact_map.history_of(cell)] == [
        ("c1", "met at the fair"), ("c3", "")]
    assert [c.id for c in contact_map.history] == ["c1", "c2", "c3"]
    assert contact_map.history[0].note == "met at the fair"


def test_a_snapshot_keeps_the_map_as_it_was_while_the_map_changes() -> None:
    contact_map = _map()
    cell = CellRef("t1", "s1")
    contact_map.put(Relationship(cell, Grade.OPEN))
    first = GradeChange("c1", cell, None, Grade.OPEN, datetime(2026, 1, 5))
    contact_map.refresh_cell(Relationship(cell, Grade.OPEN), [first])
    snapshot = contact_map.snapshot()
    contact_map.refresh_cell(Relationship(cell, Grade.DISSATISFIED), [first, GradeChange(
        "c2", cell, Grade.OPEN, Grade.DISSATISFIED, datetime(2026, 2, 5))])
    contact_map.stakeholders.append(Stakeholder("s3", "a", "Three"))
    assert snapshot.grade(cell) is Grade.OPEN and snapshot.concern_count() == 0
    assert [c.id for c in snapshot.history_of(cell)] == ["c1"] and len(snapshot.history) == 1
    assert len(snapshot.stakeholders) == 2 and snapshot.depth("s1") == 1
    assert contact_map.grade(cell) is Grade.DISSATISFIED and contact_map.concern_count() == 1
    assert [c.id for c in contact_map.history_of(cell)] == ["c1", "c2"]


def test_a_map_read_with_its_history_gives_each_cell_its_changes_in_order() -> None:
    cell, other = CellRef("t1", "s1"), CellRef("t2", "s1")
    history = [GradeChange(f"c{n}", (cell, other)[n % 2], None, Grade.OPEN,
                           datetime(2026, 1, n + 1)) for n in range(5)]
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One")],
                             [TeamMember("t1", "Rep"), TeamMember("t2", "Eng")], history=history)

    assert [c.id for c in contact_map.history_of(cell)] == ["c0", "c2", "c4"]
    assert [c.id for c in contact_map.history_of(other)] == ["c1", "c3"]
    assert contact_map.history_of(CellRef("t1", "s2")) == []


def test_a_review_taken_back_leaves_the_cells_history_and_the_whole_history() -> None:
    cell = CellRef("t1", "s1")
    graded = GradeChange("c1", cell, None, Grade.OPEN, datetime(2026, 1, 1))
    review = GradeChange("c2", cell, Grade.OPEN, Grade.OPEN, datetime(2026, 1, 2))
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One")],
                             [TeamMember("t1", "Rep")], history=[graded, review])

    contact_map.refresh_cell(Relationship(cell, Grade.OPEN), [graded])

    assert contact_map.history_of(cell) == [graded]
    assert list(contact_map.histories()) == [(cell, (graded,))]



def test_a_change_that_arrived_late_takes_its_place_in_its_cells_history() -> None:
    """A sync may bring a change older than the cell's latest: each cell stays oldest first."""
    cell = CellRef("t1", "s1")
    recent = GradeChange("c2", cell, Grade.OPEN, Grade.TRUST, datetime(2026, 3, 1))
    contact_map = ContactMap(Account("a", "Acme"), [Stakeholder("s1", "a", "One")],
                             [TeamMember("t1", "Rep")], history=[recent])
    older = GradeChange("c1", cell, None, Grade.OPEN, datetime(2026, 1, 1))

    contact_map.refresh_cell(Relationship(cell, Grade.TRUST), [older, recent])

    assert contact_map.history_of(cell) == [older, recent]
    assert list(contact_map.histories()) == [(cell, (older, recent))]
