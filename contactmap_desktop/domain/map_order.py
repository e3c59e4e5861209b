"""Orders of the map's stakeholder columns: by name, seniority, buying role or department."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.domain.people import BuyingRole


class StakeholderOrder(Enum):
    NAME = "name"
    SENIORITY = "seniority"
    ROLE = "role"
    DEPARTMENT = "department"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    StakeholderOrder.NAME: "name",
    StakeholderOrder.SENIORITY: "seniority",
    StakeholderOrder.ROLE: "buying role",
    StakeholderOrder.DEPARTMENT: "department",
}

_ROLE_RANK = {role: rank for rank, role in enumerate(BuyingRole)}


def _role_key(stakeholder: Stakeholder) -> int:
    # Power first, then User, Advisor, Evangelist; people with no buying role last.
    return min((_ROLE_RANK[role] for role in stakeholder.roles), default=len(_ROLE_RANK))


_KEYS: dict[StakeholderOrder, Callable[[Stakeholder], tuple[object, ...]]] = {
    StakeholderOrder.NAME: lambda s: (s.name.casefold(),),
    StakeholderOrder.SENIORITY: lambda s: (s.seniority.rank, s.name.casefold()),
    StakeholderOrder.ROLE: lambda s: (_role_key(s), s.seniority.rank, s.name.casefold()),
    # The current order is kept inside a department (a stable sort): only the groups move.
    StakeholderOrder.DEPARTMENT: lambda s: (s.department == "", s.department.casefold()),
}


def sorted_stakeholders(stakeholders: Sequence[Stakeholder],
                        order: StakeholderOrder) -> list[Stakeholder]:
    return sorted(stakeholders, key=_KEYS[order])


def department_starts(stakeholders: Sequence[Stakeholder]) -> set[str]:
    """Ids of the stakeholders that begin a run of another department than the one before."""
    starts: set[str] = set()
    previous: str | None = None
    for stakeholder in stakeholders:
        department = stakeholder.department.casefold()
        if previous is not None and department != previous:
            starts.add(stakeholder.id)
        previous = department
    return starts
