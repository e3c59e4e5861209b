"""The Focus filter: which cells deserve attention in the next 30, 60 or 90 days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.finding import Finding, Severity
from contactmap_desktop.domain.model import CellRef, FocusPeriod


def focus_cells(
    contact_map: ContactMap, findings: Iterable[Finding], today: date, period: FocusPeriod
) -> frozenset[CellRef]:
    """Key cells due within the period (or overdue, or with no due date) and concern cells.

    A key cell's due date decides: a key relationship due in 75 days is in the 90-day focus
    but not in the 30-day one. Concerns are always in focus: they need attention now.
    """
    horizon = today + timedelta(days=period.value)
    chosen: set[CellRef] = set()
    for relationship in contact_map.relationships.values():
        if relationship.is_key and (relationship.focus_due is None
                                    or relationship.focus_due <= horizon):
            chosen.add(relationship.cell)
    for finding in findings:
        if finding.severity is Severity.CONCERN:
            chosen.update(finding.cells)
    return frozenset(chosen)
