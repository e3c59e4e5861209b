"""What an import will do, row by row: add, update or skip, decided before anything is written."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from contactmap_desktop.domain.csv_formats import ImportField
from contactmap_desktop.domain.csv_text import CsvFileError, Record
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.domain.seniority_guess import guess_seniority
from contactmap_desktop.domain.validation import clean_long_text, clean_name, clean_short_text

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Candidate:
    """One person read from a row, cleaned; ``seniority_given`` is False when guessed."""

    line: int
    name: str
    title: str = ""
    department: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    seniority: Seniority = Seniority.MANAGER
    seniority_given: bool = False
    roles: frozenset[BuyingRole] | None = None
    notes: str = ""
    reports_to: str = ""  # the manager's name or email, as written
    grades: tuple[Grade | None, ...] = ()  # one per grade column; None leaves the cell as is


class Action(Enum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"


@dataclass(frozen=True)
class PlannedRow:
    line: int
    action: Action
    candidate: Candidate | None
    existing_id: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class ImportPlan:
    """Every row's fate; nothing has been written yet."""

    rows: tuple[PlannedRow, ...]
    format_name: str | None = None
    header_line: int = 1
    companies: tuple[str, ...] = field(default=())
    grade_members: tuple[str, ...] = ()  # the team member each grade column is about

    def lines(self, action: Action) -> list[int]:
        return [row.line for row in self.rows if row.action is action]

    @property
    def added(self) -> int:
        return sum(1 for row in self.rows if row.action is Action.ADD)

    @property
    def updated(self) -> int:
        return sum(1 for row in self.rows if row.action is Action.UPDATE)

    @property
    def skipped(self) -> int:
        return sum(1 for row in self.rows if row.action is Action.SKIP)

    def _linked(self) -> list[Candidate]:
        """Rows whose person will be on the map: added, updated or already there."""
        return [row.candidate for row in self.rows if row.candidate is not None
                and (row.action is not Action.SKIP or row.existing_id is not None)]

    @property
    def grades_given(self) -> int:
        return sum(1 for c in self._linked() for grade in c.grades if grade is not None)

    @property
    def managers_given(self) -> int:
        return sum(1 for c in self._linked() if c.reports_to.strip())

    def preview(self, first: int) -> PlanPreview:
        """What a preview shows of this plan: its first ``first`` rows and its counts."""
        return PlanPreview(self.rows[:first], self.added, self.updated, self.skipped,
                           self.grades_given, self.managers_given, self.companies,
                           self.grade_members)


@dataclass(frozen=True)
class PlanPreview:
    """A plan's counts and its first rows, without the rest of its rows (100,000 rows of a
    large file are 200,000 objects, which a dialog holding them would have walked by the
    cycle collector on the window's thread)."""

    first_rows: tuple[PlannedRow, ...]
    added: int
    updated: int
    skipped: int
    grades_given: int
    managers_given: int
    companies: tuple[str, ...]
    grade_members: tuple[str, ...]


def read_candidates(
    records: Sequence[Record], fields: Sequence[ImportField],
    progress: Progress | None = None, header_line: int = 1,
) -> list[Candidate | int]:
    """A candidate per data row, or the row's line number when the row is blank.

    Raises CsvFileError naming the line on the first row that breaks a rule.
    """
    if ImportField.NAME not in fields and not (
        ImportField.FIRST_NAME in fields or ImportField.LAST_NAME in fields
    ):
        raise CsvFileError(header_line,
                           "no column is mapped to the name; choose the name column(s).")
    # Keyed by the field's string value: str hashes are cached, Enum hashes are not.
    columns: dict[str, int] = {
        f.value: i for i, f in enumerate(fields) if f is not ImportField.IGNORE
    }
    grade_columns = tuple(i for i, f in enumerate(fields) if f is ImportField.GRADE)
    width = len(fields)
    result: list[Candidate | int] = []
    total = len(records)
    for number, record in enumerate(records):
        if progress is not None and number % 2000 == 0:
            progress(number, total)
        if record.is_blank:
            result.append(record.line)
            continue
        extra = [c for c in record.cells[width:] if c.strip()]
        if extra:
            raise CsvFileError(
                record.line,
                f"the row has {len(record.cells)} fields but the header has {width} "
                "(a delimiter or quote is probably missing).",
            )
        try:
            result.append(_candidate(record, columns, grade_columns))
        except ValidationError as error:
            raise CsvFileError(record.line, str(error)) from None
    if progress is not None:
        progress(total, total)
    return result


def _candidate(record: Record, columns: Mapping[str, int],
               grade_columns: tuple[int, ...] = ()) -> Candidate:
    cells = record.cells
    count = len(cells)
    get = columns.get

    def cell(f: str) -> str:
        index = get(f, -1)
        return cells[index] if 0 <= index < count else ""

    name = cell("name")
    if not name.strip():
        parts = (cell("first_name"), cell("middle_name"),
                 cell("last_name"))
        name = " ".join(p.strip() for p in parts if p.strip())
    if not name.strip():
        raise ValidationError("the row has no name (the name columns are empty).")
    title = clean_short_text(cell("title"), "The title")
    seniority_text = cell("seniority").strip()
    roles_text = cell("roles").strip()
    return Candidate(
        line=record.line,
        name=clean_name(name, "stakeholder"),
        title=title,
        department=clean_short_text(cell("department"), "The department"),
        company=clean_short_text(cell("company"), "The company"),
        email=clean_short_text(cell("email"), "The email address"),
        phone=clean_short_text(cell("phone"), "The phone number"),
        seniority=Seniority.parse(seniority_text) if seniority_text else guess_seniority(title),
        seniority_given=bool(seniority_text),
        roles=parse_roles(roles_text) if roles_text else None,
        notes=clean_long_text(cell("notes"), "The notes"),
        reports_to=clean_short_text(cell("reports_to"), "Reports to"),
        grades=tuple(Grade.parse(cells[i]) if i < count else None for i in grade_columns),
    )


def parse_roles(text: str) -> frozenset[BuyingRole]:
    """"Power, User", "P/E" or badges run together such as "PE"."""
    roles: set[BuyingRole] = set()
    for token in re.split(r"[,;/|+\s]+", text.strip()):
        if not token:
            continue
        try:
            roles.add(BuyingRole.parse(token))
        except ValidationError:
            if token.isupper() and set(token) <= {r.badge for r in BuyingRole}:
                roles.update(BuyingRole(letter) for letter in token)
            else:
                raise
    return frozenset(roles)


def plan_import(
    candidates: Sequence[Candidate | int],
    existing: Sequence[Stakeholder],
    company_filter: str = "",
    seniority_overrides: Mapping[int, Seniority] | None = None,
) -> list[PlannedRow]:
    """Match each candidate to an existing stakeholder (email first, then name)."""
    overrides = seniority_overrides or {}
    by_email = {s.email.casefold(): s for s in existing if s.email}
    by_name = {s.name.casefold(): s for s in existing}
    seen: dict[str, int] = {}  # key -> first line in this file
    wanted = company_filter.strip().casefold()
    planned: list[PlannedRow] = []
    for item in candidates:
        if isinstance(item, int):
            planned.append(PlannedRow(item, Action.SKIP, None, reason="blank row"))
            continue
        candidate = item
        if item.line in overrides:
            candidate = replace(item, seniority=overrides[item.line], seniority_given=True)
        if wanted and wanted not in candidate.company.casefold():
            planned.append(PlannedRow(candidate.line, Action.SKIP, candidate,
                                      reason=f"company “{candidate.company}” not selected"))
            continue
        keys = [f"n:{candidate.name.casefold()}"]
        if candidate.email:
            keys.insert(0, f"e:{candidate.email.casefold()}")
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            planned.append(PlannedRow(candidate.line, Action.SKIP, candidate,
                                      reason=f"same person as line {earlier}"))
            continue
        for key in keys:
            seen[key] = candidate.line
        match = (by_email.get(candidate.email.casefold()) if candidate.email else None) or \
            by_name.get(candidate.name.casefold())
        if match is None:
            planned.append(PlannedRow(candidate.line, Action.ADD, candidate))
        elif merged(match, candidate) == match:
            planned.append(PlannedRow(candidate.line, Action.SKIP, candidate, match.id,
                                      reason="already up to date"))
        else:
            planned.append(PlannedRow(candidate.line, Action.UPDATE, candidate, match.id))
    return planned


def merged(existing: Stakeholder, candidate: Candidate) -> Stakeholder:
    """The existing stakeholder with the row's filled-in fields laid over it."""
    return replace(
        existing,
        # The name stays: a match by email may spell it differently, and names are unique.
        title=candidate.title or existing.title,
        department=candidate.department or existing.department,
        email=candidate.email or existing.email,
        phone=candidate.phone or existing.phone,
        # A guessed seniority never overrides one a person chose.
        seniority=candidate.seniority if candidate.seniority_given else existing.seniority,
        roles=candidate.roles if candidate.roles is not None else existing.roles,
        notes=candidate.notes or existing.notes,
    )


def as_new_stakeholder(candidate: Candidate, stakeholder_id: str, account_id: str,
                       position: int) -> Stakeholder:
    return Stakeholder(
        id=stakeholder_id, account_id=account_id, name=candidate.name, title=candidate.title,
        department=candidate.department, seniority=candidate.seniority,
        roles=candidate.roles or frozenset(), email=candidate.email, phone=candidate.phone,
        notes=candidate.notes, position=position,
    )
