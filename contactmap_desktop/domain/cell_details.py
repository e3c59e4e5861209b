"""What one intersection of the map says, in plain words: for tooltips and the details panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.dates import ENGLISH, DateStyle
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef

# Our own short wording of what each grade means, as the client sees the relationship.
GRADE_MEANINGS: dict[Grade, str] = {
    Grade.TRUST: "They seek our advice in our field and consult us while problems are discussed.",
    Grade.OPEN: "Happy with us and willing to hear new ideas and proposals.",
    Grade.SATISFIED: "Pleased with what we have delivered for them so far.",
    Grade.INDIFFERENT: "Sees no particular reason to work with us; access is getting harder.",
    Grade.DISSATISFIED: "Unhappy with our work and starting to keep their distance.",
    Grade.MOTIVATED: "Actively looking to replace us.",
}
NO_RELATIONSHIP = "No relationship yet (a blank cell is not the same as Indifferent)."


@dataclass(frozen=True)
class CellDetails:
    """Everything worth saying about one cell, already worded."""

    member: str
    member_seniority: str
    stakeholder: str
    stakeholder_title: str
    stakeholder_seniority: str
    roles: str
    grade: Grade | None
    meaning: str
    reviewed: str
    focus: str  # "" when the cell is not key
    needs_filling: bool
    leverage_for: tuple[str, ...]  # names of the cells this one helps
    leveraged_by: tuple[str, ...]  # names of the cells that help this one
    note: str

    def lines(self) -> list[str]:
        """Plain lines, in reading order (the tooltip)."""
        grade = f"{self.grade.letter} — {self.grade.label}" if self.grade else "Blank"
        lines = [
            f"{self.member} ↔ {self.stakeholder}",
            f"{self.stakeholder_title} · {self.stakeholder_seniority} · {self.roles}"
            if self.stakeholder_title else f"{self.stakeholder_seniority} · {self.roles}",
            f"{grade}: {self.meaning}",
            self.reviewed,
        ]
        if self.focus:
            lines.append(self.focus)
        if self.needs_filling:
            lines.append("Marked: this blank cell needs a relationship.")
        if self.leverage_for:
            lines.append("Leverage for: " + "; ".join(self.leverage_for))
        if self.leveraged_by:
            lines.append("Helped by: " + "; ".join(self.leveraged_by))
        if self.note:
            lines.append(f"Note: {self.note}")
        return lines


def cell_name(contact_map: ContactMap, cell: CellRef) -> str:
    return (f"{contact_map.team_member(cell.team_member_id).name} ↔ "
            f"{contact_map.stakeholder(cell.stakeholder_id).name}")


def focus_text(is_key: bool, period_days: int | None, due: date | None, today: date,
               style: DateStyle = ENGLISH) -> str:
    if not is_key:
        return ""
    period = f" for {period_days} days" if period_days else ""
    if due is None:
        return f"Key relationship{period}."
    left = (due - today).days
    when = (f"due in {left} days" if left > 1 else "due tomorrow" if left == 1
            else "due today" if left == 0 else f"overdue by {-left} days")
    return f"Key relationship{period}, {when} ({style.format(due)})."


def cell_details(contact_map: ContactMap, cell: CellRef, today: date,
                 style: DateStyle = ENGLISH) -> CellDetails:
    """What the window says about one cell; dates in ``style`` (the window's)."""
    member = contact_map.team_member(cell.team_member_id)
    stakeholder = contact_map.stakeholder(cell.stakeholder_id)
    relationship = contact_map.relationship(cell)
    grade = relationship.grade
    roles = ", ".join(r.label for r in sorted(stakeholder.roles, key=lambda r: "PUAE".index(
        r.value))) or "no buying role recorded"
    if relationship.reviewed_at is None:
        reviewed = "Never reviewed." if grade else "Not graded yet."
    else:
        days = (today - relationship.reviewed_at.date()).days
        ago = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
        reviewed = f"Last reviewed {style.format(relationship.reviewed_at)} ({ago})."
    period = relationship.focus_period.value if relationship.focus_period else None
    known = {s.id for s in contact_map.stakeholders}, {m.id for m in contact_map.team_members}

    def on_map(ref: CellRef) -> bool:
        return ref.stakeholder_id in known[0] and ref.team_member_id in known[1]

    helped_by = tuple(
        cell_name(contact_map, other.cell) for other in contact_map.relationships.values()
        if cell in other.leverage_for and on_map(other.cell)
    )
    return CellDetails(
        member=member.name,
        member_seniority=member.seniority.label,
        stakeholder=stakeholder.name,
        stakeholder_title=stakeholder.title,
        stakeholder_seniority=stakeholder.seniority.label,
        roles=roles,
        grade=grade,
        meaning=GRADE_MEANINGS[grade] if grade else NO_RELATIONSHIP,
        reviewed=reviewed,
        focus=focus_text(relationship.is_key, period, relationship.focus_due, today, style),
        needs_filling=relationship.needs_filling,
        leverage_for=tuple(cell_name(contact_map, t) for t in relationship.leverage_for
                           if on_map(t)),
        leveraged_by=helped_by,
        note=relationship.note,
    )
