"""Use cases on one account's map: load it, grade cells, mark them, manage the people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from contactmap_desktop.domain.changes import (
    Changes,
    Saved,
    grades_of,
    marks_of,
    people_of,
    team_of,
)
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grade_history import HeldHistory
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    CellRef,
    GradeChange,
    Relationship,
    Stakeholder,
    TeamMember,
    new_id,
)
from contactmap_desktop.domain.validation import (
    clean_long_text,
    clean_name,
    clean_short_text,
    ensure_unique_name,
)
from contactmap_desktop.gc_pause import gc_paused
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.user import Who, login_name
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.row_values import SharedCells, SharedMoments
from contactmap_desktop.storage.stored_history import StoredHistory
from contactmap_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class GradeResult:
    """What a grade edit committed: the new state of the cell and the change or review it
    recorded (a review taken back by undo is ``withdrawn``)."""

    relationship: Relationship
    change: GradeChange | None
    withdrawn: GradeChange | None = None

    @property
    def changes(self) -> Changes:
        return grades_of([self.relationship.cell])


@dataclass(frozen=True)
class CellState:
    """One cell as stored: its relationship and its recorded grade changes, oldest first
    (None when they were not asked for)."""

    relationship: Relationship
    history: tuple[GradeChange, ...] | None


@dataclass(frozen=True)
class TeamRemoval:
    """Everything needed to put a team member back on an account after removing them."""

    account_id: str
    member: TeamMember
    position: int
    relationships: tuple[Relationship, ...]

    @property
    def changes(self) -> Changes:
        return team_of(self.account_id)


def ensure_cell_exists(repos: Repositories, cell: CellRef) -> None:
    """NotFoundError unless both people of the cell exist."""
    repos.stakeholders.get(cell.stakeholder_id)
    repos.team_members.get(cell.team_member_id)


def write_grade(repos: Repositories, cell: CellRef, grade: Grade | None, note: str,
                now: datetime, by: str = "") -> GradeResult:
    """Grade one cell inside the caller's transaction: a change of grade is recorded, the
    same grade is recorded as a review, and a blank cell keeps no leverage links."""
    ensure_cell_exists(repos, cell)
    current = repos.relationships.get(cell)
    updated = current.with_grade(grade, reviewed_at=now)
    if grade is None:
        updated = replace(updated, leverage_for=())
    change = None
    if current.grade != grade or grade is not None:
        change = GradeChange(new_id(), cell, current.grade, grade, now, note, by)
        repos.grade_changes.add(change)
    repos.relationships.save(updated, now)
    return GradeResult(updated, change)


def take_back_grade(repos: Repositories, done: GradeResult, before: Relationship, note: str,
                    now: datetime, by: str = "") -> GradeResult:
    """Undo one grade edit: a review leaves the history and the cell's earlier review time
    comes back; a change of grade is answered by the reverse change, recorded."""
    change = done.change
    if change is not None and change.is_review:
        repos.grade_changes.remove_review(change)
        current = repos.relationships.get(change.cell)
        restored = replace(current, reviewed_at=before.reviewed_at)
        repos.relationships.save(restored, now)
        return GradeResult(restored, None, withdrawn=change)
    return write_grade(repos, before.cell, before.grade, note, now, by)


def _map_without_history(repos: Repositories, account_id: str, cells: SharedCells,
                         moments: SharedMoments) -> ContactMap:
    account = repos.accounts.get(account_id)
    relationships = repos.relationships.list_for_account(account_id, cells, moments)
    return ContactMap(
        account=account,
        stakeholders=repos.stakeholders.list_for_account(account_id),
        team_members=repos.team_members.list_for_account(account_id),
        relationships={r.cell: r for r in relationships if not r.is_empty},
    )


class ContactMapService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now,
                 who: Who = login_name) -> None:
        self._workspace = workspace
        self._clock = clock
        self._who = who

    # --- reading -------------------------------------------------------------------------

    def load_map(self, account_id: str) -> ContactMap:
        """The account's map with its whole grade history held (reports, exports, the
        command line)."""
        with gc_paused(), UnitOfWork(self._workspace, read_only=True) as repos:
            cells = SharedCells()  # a cell's relationship and changes share one CellRef
            moments = SharedMoments()  # and a review and its grade change one datetime
            contact_map = _map_without_history(repos, account_id, cells, moments)
            contact_map.history = HeldHistory(
                repos.grade_changes.list_for_account(account_id, cells, moments))
            return contact_map

    def load_shown_map(self, account_id: str) -> ContactMap:
        """The account's map as the window shows it: its grade history stays in the file and
        is read when asked (``stored_history``)."""
        with gc_paused(), UnitOfWork(self._workspace, read_only=True) as repos:
            contact_map = _map_without_history(repos, account_id, SharedCells(),
                                               SharedMoments())
        contact_map.history = self.stored_history(account_id)
        return contact_map

    def stored_history(self, account_id: str) -> StoredHistory:
        """The account's history read from the workspace file at each read; should the file
        fail a read, this service's read of it, held from then on."""
        return StoredHistory(self._workspace.path, account_id,
                             unreadable=lambda: self.held_history(account_id))

    def held_history(self, account_id: str) -> HeldHistory:
        with gc_paused(), UnitOfWork(self._workspace, read_only=True) as repos:
            return HeldHistory(repos.grade_changes.list_for_account(account_id))

    def read_cells(self, cells: Iterable[CellRef], *, with_history: bool = True
                   ) -> list[CellState]:
        """The stored state of these cells, to bring a map in memory up to date after a
        write (one from this window, or rows a sync wrote). ``with_history`` False for a map
        whose history is read from the file: 2,000 cells a sync brought took thousands of
        ORM rows off the window's thread, for nothing."""
        wanted = list(cells)
        if not wanted:
            return []
        with UnitOfWork(self._workspace, read_only=True) as repos:
            relationships = repos.relationships.get_many(wanted)
            history = repos.grade_changes.list_for_cells(wanted) if with_history else None
        return [CellState(relationships[cell],
                          None if history is None else tuple(history[cell]))
                for cell in wanted]

    # --- grades and marks ----------------------------------------------------------------

    def set_grade(self, cell: CellRef, grade: Grade | None, note: str = "") -> GradeResult:
        """Grade one cell; a change of grade is recorded, the same grade as a review."""
        note = clean_long_text(note, "The note")
        with UnitOfWork(self._workspace) as repos:
            return write_grade(repos, cell, grade, note, self._clock(), self._who())

    def update_marks(self, relationship: Relationship) -> Saved[Relationship]:
        """Save key, focus, needs-filling, note and leverage of a cell; the grade is kept."""
        with UnitOfWork(self._workspace) as repos:
            ensure_cell_exists(repos, relationship.cell)
            current = repos.relationships.get(relationship.cell)
            updated = replace(
                relationship,
                grade=current.grade,
                reviewed_at=current.reviewed_at,
                note=clean_long_text(relationship.note, "The note"),
            )
            if updated.needs_filling and updated.grade is not None:
                raise ValidationError("Only a blank cell can be marked as needing a relationship.")
            added = set(updated.leverage_for) - set(current.leverage_for)
            # A link made when the source was Trust or Open may stay (it is flagged) and be
            # removed; a new one needs the grade now.
            if added and updated.grade not in (Grade.TRUST, Grade.OPEN):
                raise ValidationError("Only a Trust or Open relationship can be used as leverage.")
            if relationship.cell in updated.leverage_for:
                raise ValidationError("A relationship cannot be leverage for itself.")
            repos.relationships.save(updated, self._clock())
        return Saved(updated, marks_of([updated.cell]))

    # --- stakeholders --------------------------------------------------------------------

    def add_stakeholder(self, stakeholder: Stakeholder) -> Saved[Stakeholder]:
        """Save a new stakeholder at the end of the map (or at its given position)."""
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(stakeholder.account_id)
            position = stakeholder.position
            if position < 0:
                position = repos.stakeholders.next_position(stakeholder.account_id)
            cleaned = self._clean_stakeholder(repos, replace(stakeholder, position=position))
            repos.stakeholders.save(cleaned, self._clock())
        return Saved(cleaned, people_of(cleaned.account_id))

    def update_stakeholder(self, stakeholder: Stakeholder) -> Saved[Stakeholder]:
        with UnitOfWork(self._workspace) as repos:
            repos.stakeholders.get(stakeholder.id)
            cleaned = self._clean_stakeholder(repos, stakeholder)
            repos.stakeholders.save(cleaned, self._clock())
        return Saved(cleaned, people_of(cleaned.account_id))

    def remove_stakeholder(self, stakeholder_id: str) -> Changes:
        with UnitOfWork(self._workspace) as repos:
            stakeholder = repos.stakeholders.get(stakeholder_id)
            repos.stakeholders.mark_deleted(stakeholder_id, self._clock())
        return people_of(stakeholder.account_id)

    def restore_stakeholder(self, stakeholder_id: str) -> Changes:
        with UnitOfWork(self._workspace) as repos:
            repos.stakeholders.mark_deleted(stakeholder_id, None)
            return people_of(repos.stakeholders.get(stakeholder_id).account_id)

    def _clean_stakeholder(self, repos: Repositories, stakeholder: Stakeholder) -> Stakeholder:
        cleaned = replace(
            stakeholder,
            name=clean_name(stakeholder.name, "stakeholder"),
            title=clean_short_text(stakeholder.title, "The title"),
            department=clean_short_text(stakeholder.department, "The department"),
            email=clean_short_text(stakeholder.email, "The email address"),
            phone=clean_short_text(stakeholder.phone, "The phone number"),
            notes=clean_long_text(stakeholder.notes, "The notes"),
        )
        others = [
            s for s in repos.stakeholders.list_for_account(stakeholder.account_id)
            if s.id != stakeholder.id
        ]
        ensure_unique_name(cleaned.name, [s.name for s in others], "stakeholder", "this account")
        if cleaned.reports_to_id is not None:
            self._ensure_no_reporting_cycle(cleaned, others)
        return cleaned

    @staticmethod
    def _ensure_no_reporting_cycle(stakeholder: Stakeholder, others: list[Stakeholder]) -> None:
        manager_of = {s.id: s.reports_to_id for s in others}
        manager_of[stakeholder.id] = stakeholder.reports_to_id
        seen = {stakeholder.id}
        current = stakeholder.reports_to_id
        while current is not None:
            if current in seen:
                raise ValidationError(
                    f"{stakeholder.name} cannot report to someone who reports to them."
                )
            if current not in manager_of:
                raise ValidationError("The manager chosen is not a stakeholder of this account.")
            seen.add(current)
            current = manager_of[current]

    # --- team members --------------------------------------------------------------------

    def add_team_member(
        self, account_id: str, member: TeamMember, position: int | None = None
    ) -> Saved[TeamMember]:
        """Put a person on the account's team, creating them if they are new to the workspace."""
        cleaned = replace(
            member,
            name=clean_name(member.name, "team member"),
            title=clean_short_text(member.title, "The title"),
            email=clean_short_text(member.email, "The email address"),
        )
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(account_id)
            team = [m for m in repos.team_members.list_for_account(account_id) if m.id != member.id]
            ensure_unique_name(cleaned.name, [m.name for m in team], "team member", "this team")
            now = self._clock()
            repos.team_members.save(cleaned, now)
            repos.team_members.add_to_account(account_id, cleaned.id, position, now)
        return Saved(cleaned, team_of(account_id))

    def update_team_member(self, account_id: str, member: TeamMember) -> Saved[TeamMember]:
        cleaned = replace(
            member,
            name=clean_name(member.name, "team member"),
            title=clean_short_text(member.title, "The title"),
            email=clean_short_text(member.email, "The email address"),
        )
        with UnitOfWork(self._workspace) as repos:
            repos.team_members.get(member.id)
            team = [m for m in repos.team_members.list_for_account(account_id) if m.id != member.id]
            ensure_unique_name(cleaned.name, [m.name for m in team], "team member", "this team")
            repos.team_members.save(cleaned, self._clock())
        return Saved(cleaned, team_of(account_id))

    def remove_team_member(self, account_id: str, team_member_id: str) -> TeamRemoval:
        """Take a person off the account's team, returning what is needed to undo it."""
        with UnitOfWork(self._workspace) as repos:
            member = repos.team_members.get(team_member_id)
            position = repos.team_members.position_in_account(account_id, team_member_id)
            relationships = tuple(
                r for r in repos.relationships.list_for_account(account_id)
                if r.cell.team_member_id == team_member_id
            )
            repos.relationships.delete_for_team_member_in_account(account_id, team_member_id)
            repos.team_members.remove_from_account(account_id, team_member_id)
        return TeamRemoval(account_id, member, position, relationships)

    def restore_team_member(self, removal: TeamRemoval) -> Changes:
        now = self._clock()
        with UnitOfWork(self._workspace) as repos:
            repos.team_members.save(removal.member, now)
            repos.team_members.add_to_account(
                removal.account_id, removal.member.id, removal.position, now
            )
            for relationship in removal.relationships:
                repos.relationships.save(relationship, now)
        return removal.changes

    # --- order of the map -----------------------------------------------------------------

    def reorder_stakeholders(self, account_id: str, stakeholder_ids: Sequence[str]) -> Changes:
        """Save the left-to-right order of the account's stakeholder columns."""
        with UnitOfWork(self._workspace) as repos:
            repos.stakeholders.set_order(account_id, stakeholder_ids, self._clock())
        return people_of(account_id)

    def reorder_team(self, account_id: str, team_member_ids: Sequence[str]) -> Changes:
        """Save the top-to-bottom order of the account's team rows."""
        with UnitOfWork(self._workspace) as repos:
            repos.team_members.set_order(account_id, team_member_ids, self._clock())
        return team_of(account_id)
