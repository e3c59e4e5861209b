"""The rules about a cell's history: a grade that moved more than one level at once, and one
not reviewed for a long time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_rules import cell_names, graded_cells
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.dates import ENGLISH
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.model import GradeChange
from contactmap_desktop.domain.reviews import is_stale
from contactmap_desktop.domain.wording import counted


def big_jumps(contact_map: ContactMap,
              keep_going: Callable[[], None] = lambda: None) -> list[Finding]:
    """A cell whose latest change moved more than one level: relationships move one at a time.

    Only the latest change of a cell is read, so a later change settles it; a change that
    reverses the one before it (an undo) cancels it, and a redo brings the jump back. A jump
    is never blocked, but without a note it asks for one. ``keep_going`` is called every few
    hundred cells: reading a history from the file is the longest of the rules.
    """
    members = {m.id for m in contact_map.team_members}
    stakeholders = {s.id for s in contact_map.stakeholders}
    found: list[tuple[tuple[datetime, str], Finding]] = []
    # Cell by cell, as the map's history gives them: a stack per cell for the whole history
    # at once was 2.3 MB at 1,000 × 100, just as the findings were being made.
    for number, (cell, changes) in enumerate(contact_map.histories()):
        if not number % 256:
            keep_going()
        if cell.team_member_id not in members or cell.stakeholder_id not in stakeholders:
            continue
        change = _standing_move(changes)
        if change is None or abs(change.levels_moved) <= 1:
            continue
        first = changes[0]
        found.append(((first.changed_at, first.id), Finding(
            Rule.BIG_JUMP, Severity.INFO if change.note else Severity.WARNING, _big_jump,
            (*cell_names(contact_map, cell), change), cells=(cell,),
        )))
    # In the order the cells were first graded, whatever order the history gave them in (a
    # history read from the file comes column by column).
    found.sort(key=lambda keyed: keyed[0])
    return [finding for _first, finding in found]


def _big_jump(member: str, stakeholder: str, change: GradeChange) -> str:
    assert change.old_grade is not None and change.new_grade is not None
    direction = "up" if change.levels_moved > 0 else "down"
    moved = (
        f"{member} with {stakeholder} moved {abs(change.levels_moved)} levels {direction} at "
        f"once ({change.old_grade.label} to {change.new_grade.label}) on "
        f"{ENGLISH.format(change.changed_at)}"
    )
    if change.note:
        return f"{moved}; the note says: {change.note}"
    return (f"{moved}: relationships usually move one level at a time — add a note saying "
            "what happened, or check the grade.")


def _standing_move(changes: Iterable[GradeChange]) -> GradeChange | None:
    """A cell's latest move of grade that stands: reviews left out, each undo (which records
    the reverse change) cancelling the change it undoes."""
    stack: list[GradeChange] = []
    for change in changes:
        if change.is_review:  # the grade was confirmed, not moved
            continue
        if stack and _reverses(stack[-1], change):
            stack.pop()
        else:
            stack.append(change)
    return stack[-1] if stack else None


def _reverses(before: GradeChange, after: GradeChange) -> bool:
    return before.old_grade == after.new_grade and before.new_grade == after.old_grade


def not_reviewed(
    contact_map: ContactMap, thresholds: CoverageThresholds, today: date
) -> list[Finding]:
    """A graded relationship not reviewed for longer than the threshold drifts to Indifferent.

    Confirming the grade (typing it again, Mark Reviewed) is a review and clears the finding.
    """
    found = []
    for cell in graded_cells(contact_map):
        relationship = contact_map.relationship(cell)
        if not is_stale(relationship, thresholds.stale_after_days, today):
            continue
        found.append(Finding(
            Rule.NOT_REVIEWED, Severity.WARNING, _not_reviewed,
            (*cell_names(contact_map, cell), relationship.reviewed_at, today), cells=(cell,),
        ))
    return found


def _not_reviewed(member: str, stakeholder: str, reviewed: datetime | None, today: date) -> str:
    when = (
        f"was last reviewed on {ENGLISH.format(reviewed)} "
        f"({counted((today - reviewed.date()).days, 'day')} ago)"
        if reviewed is not None else "has never been reviewed"
    )
    return (f"{member} with {stakeholder} {when}: left alone, relationships drift toward "
            "Indifferent — check the grade still holds and mark it reviewed.")
