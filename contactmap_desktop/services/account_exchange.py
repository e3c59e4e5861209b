"""Moving one account between workspaces (laptops) as a single file, merged by stable ids.

The file format is documented in docs/account-file-format.md; ``FORMAT_VERSION`` changes only
when an older app could misread a newer file. New tables join through ``ACCOUNT_SECTIONS`` in
storage/account_sections.py without a version change: an older app lists them as not imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contactmap_desktop import __version__
from contactmap_desktop.domain.changes import Changes, whole_account
from contactmap_desktop.domain.errors import InboundError, ValidationError
from contactmap_desktop.domain.grade_merge import GradeConflict, merge_histories
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.account_matching import match_by_name, remapped
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.inbound_gate import (
    InboundAccount,
    admit_document,
    admit_ownership,
    section_named,
)
from contactmap_desktop.storage.account_sections import (
    ACCOUNT_SECTIONS,
    ACCOUNT_TABLE,
)
from contactmap_desktop.storage.account_tables import (
    SectionReport,
    defer_foreign_keys,
    export_section,
    merge_section,
    settle_grades,
    stored_records,
)
from contactmap_desktop.storage.atomic_file import write_text_atomically
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.inbound_files import read_bounded
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.row_reading import read_back
from contactmap_desktop.storage.unit_of_work import UnitOfWork

FORMAT = "contactmap-account"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 500 * 1024 * 1024


@dataclass
class ExchangeSummary:
    """What an import changed, for the dialog and the command line."""

    account_name: str
    account_created: bool
    matched_by_name: list[str] = field(default_factory=list)
    sections: list[SectionReport] = field(default_factory=list)
    conflicts: list[GradeConflict] = field(default_factory=list)
    conflict_names: dict[CellRef, str] = field(default_factory=dict)
    not_imported: dict[str, int] = field(default_factory=dict)
    account_id: str = ""

    @property
    def changes(self) -> Changes:
        """Anything of the account may have changed: it is read again as a whole."""
        return whole_account(self.account_id)

    def lines(self) -> list[str]:
        how = "new in this workspace" if self.account_created else "merged into the one here"
        result = [f"Account “{self.account_name}”: {how}."]
        result += [f"Matched by name: {name}" for name in self.matched_by_name]
        for s in self.sections:
            if not (s.added or s.updated or s.kept_local):
                continue
            text = f"{s.name.replace('_', ' ')}: {s.added} added, {s.updated} updated"
            if s.fields_updated:
                text += f" ({', '.join(sorted(s.fields_updated))})"
            if s.kept_local:
                text += f", {s.kept_local} kept as they are here (newer or undecidable)"
            result.append(text)
        for conflict in self.conflicts:
            result.append(_conflict_line(conflict, self.conflict_names.get(conflict.cell, "")))
        for name, count in sorted(self.not_imported.items()):
            result.append(f"Not imported: {name.replace('_', ' ')} ({count} records): this "
                          "version of ContactMap does not know them yet.")
        if len(result) == 1 + len(self.matched_by_name):
            result.append("Nothing new: this workspace already had everything in the file.")
        return result


def _grade_text(grade: Grade | None) -> str:
    return grade.label if grade is not None else "blank"


def _conflict_line(conflict: GradeConflict, where: str) -> str:
    return (f"Conflict on {where}: this workspace had {_grade_text(conflict.local_grade)} "
            f"({conflict.local_at:%Y-%m-%d %H:%M}), the file had "
            f"{_grade_text(conflict.incoming_grade)} ({conflict.incoming_at:%Y-%m-%d %H:%M}); "
            f"kept {_grade_text(conflict.kept)}, the newer. Both changes stay in the history.")


class AccountExchangeService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    # --- export --------------------------------------------------------------------------

    def export_account(self, account_id: str, out: Path) -> dict[str, int]:
        """Write the account and everything that belongs to it; returns records per section."""
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(account_id)
            session = repos.session
            [account] = export_section(session, ACCOUNT_TABLE, account_id)
            sections = {s.name: export_section(session, s, account_id) for s in ACCOUNT_SECTIONS}
        document = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "app_version": __version__,
            "exported_at": self._clock().isoformat(),
            "account": account,
            "sections": sections,
        }
        # Written as it is made: the text of a large account (tens of MB) joined, then
        # encoded, whole was two calls holding the interpreter's lock while the window waited.
        write_text_atomically(Path(out), lambda handle: json.dump(
            document, handle, ensure_ascii=False, indent=1))
        return {name: len(records) for name, records in sections.items()}

    # --- import --------------------------------------------------------------------------

    def import_account(self, path: Path) -> ExchangeSummary:
        """Merge the file's account into this workspace in one transaction, once every record
        has passed the inbound gate (services/inbound_gate.py); otherwise nothing is written."""
        path = Path(path)
        document = read_account_file(path)
        with _named(path):
            inbound = admit_document(document)
        with UnitOfWork(self._workspace) as repos:
            defer_foreign_keys(repos.session)
            remap, matched = match_by_name(repos, inbound.account, inbound.sections)
            account = remapped(ACCOUNT_TABLE.name, inbound.account, remap)
            decoded = {n: [remapped(n, r, remap) for r in rs]
                       for n, rs in inbound.sections.items()}
            with _named(path):
                decoded = admit_ownership(repos.session,
                                          InboundAccount(account, decoded)).sections
            created = repos.session.get(ACCOUNT_TABLE.table, account["id"]) is None
            local_history = [] if created else repos.grade_changes.list_for_account(account["id"])
            cells = [(r["team_member_id"], r["stakeholder_id"]) for r in decoded["relationships"]]
            here = stored_records(repos.session, section_named("relationships"), cells)
            new_cells = {CellRef(*cell) for cell in cells if cell not in here}
            settled, conflicts = merge_histories(
                local_history, [read_back(section_named("grade_changes"), r)
                                for r in decoded["grade_changes"]], new_cells)
            reports = [merge_section(repos.session, ACCOUNT_TABLE, [account])]
            reports += [merge_section(repos.session, s, decoded[s.name])
                        for s in ACCOUNT_SECTIONS]
            settle_grades(repos.session, [
                (grade.cell.team_member_id, grade.cell.stakeholder_id,
                 grade.grade.letter if grade.grade else None, grade.changed_at)
                for grade in settled], self._clock())
            names = _cell_names(repos, account["id"], [c.cell for c in conflicts])
        return ExchangeSummary(account["name"], created, matched, reports, conflicts, names,
                               inbound.not_imported, account_id=account["id"])


@contextmanager
def _named(path: Path) -> Iterator[None]:
    """The gate's reason, prefixed with the file it is about."""
    try:
        yield
    except InboundError as error:
        raise InboundError(f"{path.name} cannot be imported: {error}") from None


def read_account_file(path: Path) -> dict[str, Any]:
    """The parsed file, refused clearly when it is not an account file or is too new."""
    raw = read_bounded(path, MAX_FILE_BYTES, "an account file")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # nested past Python's limit
        raise ValidationError(f"{path.name} is not a ContactMap account file.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(f"{path.name} is not a ContactMap account file.")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ValidationError(f"{path.name} has no valid format version.")
    if version > FORMAT_VERSION:
        raise ValidationError(
            f"{path.name} was written by a newer ContactMap (account file version {version}); "
            f"this version reads up to {FORMAT_VERSION}. Update ContactMap to import it.")
    return document


def _cell_names(repos: Repositories, account_id: str, cells: list[CellRef]
                ) -> dict[CellRef, str]:
    if not cells:
        return {}
    people = {s.id: s.name for s in repos.stakeholders.list_for_account(account_id)}
    team = {m.id: m.name for m in repos.team_members.list_all()}
    return {c: f"{team.get(c.team_member_id, '?')} × {people.get(c.stakeholder_id, '?')}"
            for c in cells}

