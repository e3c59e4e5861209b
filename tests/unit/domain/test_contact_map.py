import pytest

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember


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
