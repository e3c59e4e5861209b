"""Importing stakeholders from CSV or vCard files: read, preview, then commit all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from contactmap_desktop.domain.changes import NO_CHANGES, Changes, grades_of, people_of, team_of
from contactmap_desktop.domain.csv_formats import (
    ImportField,
    MappingGuess,
    all_known_headers,
    graded_member,
    guess_mapping,
    header_key,
)
from contactmap_desktop.domain.csv_text import CsvTable, read_table
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.import_plan import (
    Action,
    ImportPlan,
    PlanPreview,
    Progress,
    as_new_stakeholder,
    merged,
    plan_import,
    read_candidates,
)
from contactmap_desktop.domain.model import Stakeholder, new_id
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.domain.vcard import looks_like_vcard, read_vcards
from contactmap_desktop.gc_pause import gc_paused, let_go
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.import_links import (
    LinksResult,
    redo_links,
    take_back_links,
    write_links,
)
from contactmap_desktop.services.user import Who, login_name
from contactmap_desktop.storage.bulk_stakeholders import insert_stakeholders
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.inbound_files import read_bounded
from contactmap_desktop.storage.unit_of_work import UnitOfWork

# Refuse before reading into memory: no contact export comes near this.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAPPING_KEY_PREFIX = "csv_import.mapping."


@dataclass(frozen=True)
class ImportSource:
    """A file read and understood: its table, the recognised format and proposed mapping."""

    table: CsvTable
    format_name: str | None
    fields: tuple[ImportField, ...]
    remembered: bool

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.headers


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose in the mapping dialog (or on the command line)."""

    fields: tuple[ImportField, ...]
    company_filter: str = ""
    seniority_overrides: Mapping[int, Seniority] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    """What was committed, with what is needed to undo it."""

    plan: ImportPlan
    added_ids: tuple[str, ...]
    previous: tuple[Stakeholder, ...]  # updated stakeholders as they were before
    account_id: str
    ids_by_line: Mapping[int, str] = field(default_factory=dict)  # each row's stakeholder
    links: LinksResult = field(default_factory=LinksResult)

    @property
    def changes(self) -> Changes:
        team = team_of(self.account_id) if self.links.joined else NO_CHANGES
        return people_of(self.account_id) | team | grades_of(
            done.relationship.cell for done in self.links.grades)

    def for_undo(self) -> ImportResult:
        """This result with a plan of only the rows undo and redo read again: the rows that
        updated someone, and every row when the file gave grades or managers.

        The window keeps an import's result on its undo stack, and every object kept is one
        the cycle collector walks on the window's thread: the plan of a 100,000-row file of
        new people is 200,000 objects, a walk of more than 100 ms. Counts are read from
        ``added_ids`` and ``previous`` then, not from the plan."""
        if self.links != LinksResult():
            return self
        kept = tuple(row for row in self.plan.rows if row.action is Action.UPDATE)
        return replace(self, plan=replace(self.plan, rows=kept))


def read_source_file(path: Path) -> bytes:
    """The file's bytes: an ordinary file within the import limit (never a pipe or device)."""
    return read_bounded(path, MAX_FILE_BYTES, "a file to import")


def mapping_from_names(headers: Sequence[str], chosen: Mapping[str, str]) -> tuple[
        ImportField, ...]:
    """Fields from a {header: field name} table, e.g. a --mapping file; others are ignored."""
    by_header = {h.strip().casefold(): i for i, h in enumerate(headers)}
    fields = [ImportField.IGNORE] * len(headers)
    valid = ", ".join(f.value for f in ImportField)
    for header, name in chosen.items():
        index = by_header.get(str(header).strip().casefold())
        if index is None:
            raise ValidationError(f"The mapping names a column “{header}” the file does not have.")
        try:
            fields[index] = ImportField(str(name).strip().lower())
        except ValueError:
            raise ValidationError(
                f"“{name}” is not a field to import into (use one of: {valid}).") from None
    return tuple(fields)


class CsvImportService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now,
                 who: Who = login_name) -> None:
        self._workspace = workspace
        self._clock = clock
        self._who = who

    def read(self, data: bytes) -> ImportSource:
        """Understand a file and propose a mapping (the user's earlier one if remembered)."""
        if looks_like_vcard(data):
            table = read_vcards(data)
            guess = guess_mapping(table.headers)
            guess = MappingGuess("vCard", guess.fields)
        else:
            table = read_table(data, all_known_headers())
            guess = guess_mapping(table.headers)
        remembered = self.remembered_mapping(table.headers)
        if remembered is not None:
            return ImportSource(table, guess.format_name, remembered, True)
        return ImportSource(table, guess.format_name, guess.fields, False)

    def remembered_mapping(self, headers: Sequence[str]) -> tuple[ImportField, ...] | None:
        with UnitOfWork(self._workspace) as repos:
            stored = repos.settings.get(_setting_key(headers))
        if not isinstance(stored, list) or len(stored) != len(headers):
            return None
        try:
            return tuple(ImportField(value) for value in stored)
        except ValueError:
            return None

    def preview(self, source: ImportSource, account_id: str, options: ImportOptions,
                progress: Progress | None = None) -> ImportPlan:
        """What the import would do; raises a line-numbered error if a row is wrong."""
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(account_id)
            existing = repos.stakeholders.list_for_account(account_id)
        return self._plan(source, existing, options, progress)

    def preview_shown(self, source: ImportSource, account_id: str, options: ImportOptions,
                      first: int, progress: Progress | None = None) -> PlanPreview:
        """``preview`` as the window runs it in a worker: the counts and the first rows are
        returned, and the rest of the plan is let go here, in pieces."""
        plan = self.preview(source, account_id, options, progress)
        shown = plan.preview(first)
        rows = list(plan.rows)
        del plan  # the rows are held by ``rows`` alone now (the first ones by ``shown`` too)
        let_go(rows)
        return shown

    def apply(self, source: ImportSource, account_id: str, options: ImportOptions,
              progress: Progress | None = None) -> ImportResult:
        """Plan again against the stored data and write it in one transaction."""
        now = self._clock()
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(account_id)
            existing = repos.stakeholders.list_for_account(account_id)
            plan = self._plan(source, existing, options, progress)
            by_id = {s.id: s for s in existing}
            position = repos.stakeholders.next_position(account_id)
            added: list[Stakeholder] = []
            previous: list[Stakeholder] = []
            ids_by_line: dict[int, str] = {}
            for row in plan.rows:
                if row.action is Action.ADD and row.candidate is not None:
                    added.append(as_new_stakeholder(row.candidate, new_id(), account_id, position))
                    ids_by_line[row.line] = added[-1].id
                    position += 1
                elif row.action is Action.UPDATE and row.candidate and row.existing_id:
                    before = by_id[row.existing_id]
                    previous.append(before)
                    repos.stakeholders.save(merged(before, row.candidate), now)
                if row.existing_id is not None:
                    ids_by_line[row.line] = row.existing_id
            with gc_paused():
                insert_stakeholders(repos.session, added, now)
            links = LinksResult()
            if plan.grade_members or plan.managers_given:
                links = write_links(repos, account_id, plan, ids_by_line, now, self._who())
            repos.settings.set(_setting_key(source.headers), [f.value for f in options.fields])
        return ImportResult(plan, tuple(s.id for s in added), tuple(previous), account_id,
                            ids_by_line, links)

    def apply_for_undo(self, source: ImportSource, account_id: str, options: ImportOptions,
                       progress: Progress | None = None) -> ImportResult:
        """``apply`` as the window runs it in a worker: what undo needs is returned
        (``ImportResult.for_undo``) and the rest of the plan is let go here, in pieces."""
        result = self.apply(source, account_id, options, progress)
        kept = result.for_undo()
        rows = list(result.plan.rows)
        del result  # the rows are held by ``rows`` alone now (or by ``kept`` as well)
        let_go(rows)
        return kept

    def undo(self, result: ImportResult) -> Changes:
        """Take an import back: its grades and managers, the team members it brought, then
        the people it added (removed) and updated (restored)."""
        now = self._clock()
        with UnitOfWork(self._workspace) as repos:
            take_back_links(repos, result.account_id, result.links, now, self._who())
            for stakeholder_id in result.added_ids:
                repos.stakeholders.mark_deleted(stakeholder_id, now)
            for before in result.previous:
                repos.stakeholders.save(before, now)
        return result.changes

    def redo(self, result: ImportResult) -> ImportResult:
        """Put an undone import back as it was first committed (grades are written again:
        the history keeps both); returns what to undo next time."""
        now = self._clock()
        with UnitOfWork(self._workspace) as repos:
            for stakeholder_id in result.added_ids:
                repos.stakeholders.mark_deleted(stakeholder_id, None)
            by_id = {s.id: s for s in result.previous}
            for row in result.plan.rows:
                if row.action is Action.UPDATE and row.candidate and row.existing_id:
                    repos.stakeholders.save(merged(by_id[row.existing_id], row.candidate), now)
            if result.links == LinksResult():
                return result
            links = redo_links(repos, result.account_id, result.plan, result.ids_by_line,
                               result.links, now, self._who())
        return replace(result, links=links)

    @staticmethod
    def _plan(source: ImportSource, existing: Sequence[Stakeholder], options: ImportOptions,
              progress: Progress | None) -> ImportPlan:
        if len(options.fields) != len(source.headers):
            raise ValidationError("The mapping does not match the columns of the file.")
        with gc_paused():
            return CsvImportService._plan_rows(source, existing, options, progress)

    @staticmethod
    def _plan_rows(source: ImportSource, existing: Sequence[Stakeholder],
                   options: ImportOptions, progress: Progress | None) -> ImportPlan:
        candidates = read_candidates(source.table.records, options.fields, progress,
                                     source.table.header_line)
        rows = plan_import(candidates, existing, options.company_filter,
                           options.seniority_overrides)
        companies = sorted({c.company for c in candidates
                            if not isinstance(c, int) and c.company}, key=str.casefold)
        members = tuple(graded_member(header) for header, f in
                        zip(source.headers, options.fields, strict=True)
                        if f is ImportField.GRADE)
        return ImportPlan(tuple(rows), source.format_name, source.table.header_line,
                          tuple(companies), members)


def _setting_key(headers: Sequence[str]) -> str:
    digest = hashlib.sha1(header_key(headers).encode("utf-8")).hexdigest()
    return MAPPING_KEY_PREFIX + digest
