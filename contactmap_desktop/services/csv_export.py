"""Exporting an account's stakeholders, roles and grades as a formula-safe CSV file."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.csv_safety import neutralise
from contactmap_desktop.domain.finding import Finding
from contactmap_desktop.domain.grades import grade_letter
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.storage.atomic_file import TextSink, write_text_atomically

FIXED_COLUMNS = ("Name", "Title", "Department", "Seniority", "Buying roles", "Email", "Phone",
                 "Reports to", "Notes")


def contact_map_rows(contact_map: ContactMap) -> list[list[str]]:
    """Header plus one row per stakeholder; one grade column per team member."""
    names = {s.id: s.name for s in contact_map.stakeholders}
    header = list(FIXED_COLUMNS) + [f"Grade: {m.name}" for m in contact_map.team_members]
    rows = [header]
    for s in contact_map.stakeholders:
        row = [s.name, s.title, s.department, s.seniority.label, roles_to_badges(s.roles),
               s.email, s.phone, names.get(s.reports_to_id or "", ""), s.notes]
        row += [grade_letter(contact_map.grade(CellRef(m.id, s.id)))
                for m in contact_map.team_members]
        rows.append(row)
    return rows


FINDINGS_COLUMNS = ("Severity", "Rule", "Finding", "Cells", "Stakeholders")


def findings_rows(contact_map: ContactMap, findings: Sequence[Finding]) -> list[list[str]]:
    """Header plus one row per finding, naming its cells and columns in words."""
    people = {s.id: s.name for s in contact_map.stakeholders}
    team = {m.id: m.name for m in contact_map.team_members}
    rows = [list(FINDINGS_COLUMNS)]
    for finding in findings:
        cells = "; ".join(f"{team.get(c.team_member_id, '?')} × "
                          f"{people.get(c.stakeholder_id, '?')}" for c in finding.cells)
        columns = "; ".join(people.get(i, "?") for i in finding.stakeholder_ids)
        rows.append([finding.severity.value, finding.rule.id, finding.message, cells, columns])
    return rows


def write_csv_rows(handle: TextSink, rows: Iterable[Sequence[str]]) -> None:
    """The rows as CSV into ``handle``, each cell neutralised (domain/csv_safety.py)."""
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])


def write_csv(rows: list[list[str]], out: Path) -> None:
    """UTF-8 with a BOM so that Excel reads accents and CJK right; complete or not at all.
    Written as it is made: the whole text, then its encoding, were each one call holding
    the interpreter's lock, and the window waited on them while an export ran."""
    write_text_atomically(Path(out), lambda handle: write_csv_rows(handle, rows),
                          encoding="utf-8-sig")
