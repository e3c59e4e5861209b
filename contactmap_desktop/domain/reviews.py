"""Reviewing the map: which grades are stale, and the cells a weekly review walks through.

Article 004 warns that gravity pulls relationships towards Indifferent over time, so a grade
has to be looked at again, not only changed. Confirming a grade is a review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.model import CellRef, Relationship

# A key relationship is looked at in every weekly review unless it was reviewed this week.
WEEK = timedelta(days=7)


def is_stale(relationship: Relationship, stale_after_days: int, today: date) -> bool:
    """A graded relationship not reviewed for more than ``stale_after_days`` days.

    Exactly ``stale_after_days`` old is still fresh; one day more is not.
    """
    if relationship.grade is None:
        return False
    reviewed = relationship.reviewed_at
    return reviewed is None or reviewed.date() < today - timedelta(days=stale_after_days)


@dataclass(frozen=True)
class ReviewStop:
    """One cell of the weekly review, with why it is on the list."""

    cell: CellRef
    reason: str


def review_walk(contact_map: ContactMap, stale_after_days: int, today: date) -> list[ReviewStop]:
    """The stale cells and the key cells not reviewed this week, row by row in map order."""
    stops = []
    for member in contact_map.team_members:
        for stakeholder in contact_map.stakeholders:
            cell = CellRef(member.id, stakeholder.id)
            relationship = contact_map.relationships.get(cell)
            if relationship is None:
                continue
            reason = _reason(relationship, stale_after_days, today)
            if reason:
                stops.append(ReviewStop(cell, reason))
    return stops


def _reason(relationship: Relationship, stale_after_days: int, today: date) -> str:
    reviewed = relationship.reviewed_at
    if is_stale(relationship, stale_after_days, today):
        if reviewed is None:
            return "never reviewed"
        return f"not reviewed for {(today - reviewed.date()).days} days"
    if not relationship.is_key:
        return ""
    if relationship.grade is None:
        return "key relationship, not graded yet"
    if reviewed is None or reviewed.date() <= today - WEEK:
        return "key relationship, not reviewed this week"
    return ""


def reviewable(contact_map: ContactMap, cells: list[CellRef]) -> list[CellRef]:
    """The graded ones among ``cells``: only a grade can be confirmed."""
    return [cell for cell in cells if contact_map.grade(cell) is not None]
