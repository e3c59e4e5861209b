"""The Contact Map of one account as a value: stakeholders across, team members down."""

from __future__ import annotations

import copy
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from contactmap_desktop.domain.grade_history import GradeHistory, HeldHistory
from contactmap_desktop.domain.grades import CONCERNS, Grade
from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Person = TypeVar("Person", bound=_HasId)


def _find(people: Sequence[Person], positions: dict[str, int], person_id: str) -> Person:
    """The person with this id, through an id → position index rebuilt whenever it is stale.

    The lists stay plain and may be changed in place; the index only remembers where each id
    was and is checked against the list at every look-up, so it can never return someone else.
    """
    position = positions.get(person_id)
    if position is None or position >= len(people) or people[position].id != person_id:
        positions.clear()
        positions.update((person.id, number) for number, person in enumerate(people))
        position = positions.get(person_id)
        if position is None:
            raise LookupError(f"No one with id {person_id} is on this map.")
    return people[position]


@dataclass
class ContactMap:
    """Everything the grid and the coverage rules read about one account.

    Only non-empty intersections are stored in ``relationships``; a missing key is a blank cell.
    The service keeps this value in step with the workspace after each committed edit.
    """

    account: Account
    stakeholders: list[Stakeholder]
    team_members: list[TeamMember]
    relationships: dict[CellRef, Relationship] = field(default_factory=dict)
    # Held by the services (a list of changes, oldest first, is taken as a HeldHistory);
    # the window's map reads it from the workspace file when asked (StoredHistory).
    history: GradeHistory = field(default_factory=HeldHistory)
    _depths: dict[str, int] = field(init=False, repr=False, compare=False)
    _concerns: int = field(init=False, repr=False, compare=False)
    # Findings and reports name thousands of cells: look people up by id, not by a scan.
    _stakeholder_at: dict[str, int] = field(default_factory=dict, init=False, repr=False,
                                            compare=False)
    _member_at: dict[str, int] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)

    def __post_init__(self) -> None:
        # Column depths and the count of concerns are read after every edit (headers, status
        # bar): kept up to date instead of recounted.
        # Counted in locals, with no property call per cell: a 1,000 × 100 map has 20,000
        # graded cells, and the window's first paint waits for the count (18 ms, now 2.5).
        depths: dict[str, int] = {}
        concerns = 0
        for cell, relationship in self.relationships.items():
            grade = relationship.grade
            if grade is not None:
                column = cell.stakeholder_id
                depths[column] = depths.get(column, 0) + 1
                concerns += grade in CONCERNS
        self._depths, self._concerns = depths, concerns
        if isinstance(self.history, list | tuple):
            self.history = HeldHistory(self.history)

    def relationship(self, cell: CellRef) -> Relationship:
        return self.relationships.get(cell) or Relationship(cell=cell)

    def grade(self, cell: CellRef) -> Grade | None:
        found = self.relationships.get(cell)
        return found.grade if found else None

    def put(self, relationship: Relationship) -> None:
        column = relationship.cell.stakeholder_id
        was = self.grade(relationship.cell)
        now = relationship.grade
        self._depths[column] = self._depths.get(column, 0) + (now is not None) - (was is not None)
        self._concerns += bool(now and now.is_concern) - bool(was and was.is_concern)
        if relationship.is_empty:
            self.relationships.pop(relationship.cell, None)
        else:
            self.relationships[relationship.cell] = relationship

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        return _find(self.stakeholders, self._stakeholder_at, stakeholder_id)

    def team_member(self, team_member_id: str) -> TeamMember:
        return _find(self.team_members, self._member_at, team_member_id)

    def has_cell(self, cell: CellRef) -> bool:
        """True when both the team member and the stakeholder are on the map."""
        try:
            self.team_member(cell.team_member_id)
            self.stakeholder(cell.stakeholder_id)
        except LookupError:
            return False
        return True

    def cells(self) -> Container[CellRef]:
        """Every cell of the map, for ``in`` tests, without making a value per cell."""
        return _MapCells(self)

    def graded(self) -> Iterator[Relationship]:
        return (r for r in self.relationships.values() if r.grade is not None)

    def depth(self, stakeholder_id: str) -> int:
        """Number of team members with a graded relationship to this stakeholder."""
        return self._depths.get(stakeholder_id, 0)

    def graded_count(self) -> int:
        """Relationships with a grade, on the whole map."""
        return sum(self._depths.values())

    def concern_count(self) -> int:
        """Relationships graded Indifferent, Dissatisfied or Motivated."""
        return self._concerns

    def history_of(self, cell: CellRef) -> list[GradeChange]:
        return self.history.of(cell)

    def histories(self) -> Iterator[tuple[CellRef, tuple[GradeChange, ...]]]:
        """Each cell that has a recorded history, with its changes oldest first."""
        return self.history.by_cell()

    def snapshot(self) -> ContactMap:
        """A copy that later edits of this map leave as it is, to be read on another thread.

        The values inside are immutable, so copying the lists and dictionaries that hold them
        is enough: a few milliseconds at 100,000 cells, where a deep copy would take seconds.
        """
        frozen = copy.copy(self)
        frozen.stakeholders = list(self.stakeholders)
        frozen.team_members = list(self.team_members)
        frozen.relationships = dict(self.relationships)
        frozen.history = self.history.frozen()
        frozen._depths = dict(self._depths)
        frozen._stakeholder_at = dict(self._stakeholder_at)
        frozen._member_at = dict(self._member_at)
        return frozen

    def refresh_cell(self, relationship: Relationship,
                     history: Sequence[GradeChange] | None) -> None:
        """One cell as the workspace now holds it: its relationship and its whole recorded
        history (None: not read, for a history that does not follow writes)."""
        self.put(relationship)
        if history is not None:
            self.history.refresh(relationship.cell, history)


class _MapCells:
    """The cells of a map as a container: ``cell in contact_map.cells()``."""

    def __init__(self, contact_map: ContactMap) -> None:
        self._map = contact_map

    def __contains__(self, cell: object) -> bool:
        return isinstance(cell, CellRef) and self._map.has_cell(cell)
