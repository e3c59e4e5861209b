"""Applying changes fetched from the team server, field by field, inside one local
transaction: the newest stamp wins, concurrent edits are listed, rows are written in bulk."""


from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select

from contactmap_desktop.domain.errors import TeamServerError, ValidationError
from contactmap_desktop.domain.field_merge import decide_field
from contactmap_desktop.domain.grade_merge import merge_histories
from contactmap_desktop.domain.hybrid_clock import is_stamp, laptop_of
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.services.inbound_gate import admit_section
from contactmap_desktop.services.team_report import SyncReport
from contactmap_desktop.storage.account_records import decode_record, with_defaults
from contactmap_desktop.storage.account_sections import TableSection
from contactmap_desktop.storage.account_tables import plans_without_cells, settle_grades
from contactmap_desktop.storage.mapping import GRADE_CHANGE_COLUMNS
from contactmap_desktop.storage.row_values import grade_change_from_values
from contactmap_desktop.storage.schema import (
    BlueprintCellRow,
    GradeChangeRow,
    StakeholderRow,
    TeamConflictRow,
)
from contactmap_desktop.storage.team_changes import (
    Change,
)
from contactmap_desktop.storage.team_local import (
    DELETED,
    NEVER_DELETED,
    SECTIONS_BY_NAME,
    SYNCED_SECTIONS,
    Shadow,
    TeamStore,
    cell_key,
    key_values,
    record_key,
    synced_fields,
)

# Who made a value, when the server's login for it is not known here.
HERE, ELSEWHERE = "this laptop", "another laptop"


def inbound_record(section: TableSection, record: dict[str, Any]) -> dict[str, Any]:
    """Everything from the server passes the account files' inbound gate, record by record.

    Unlike an import, a sync carries deletions: a record's ``deleted_at`` (a person moved to
    the bin on another laptop) is decoded apart, so the gate's other checks still apply."""
    if record.get("deleted_at") is None:
        [values] = admit_section(section, [record])
        return values
    [values] = admit_section(section, [{**record, "deleted_at": None}])
    values["deleted_at"] = decode_record(section, record, 0)["deleted_at"]
    return values


class Applier:
    """Applies fetched changes field by field within the caller's transaction."""

    def __init__(self, store: TeamStore, laptop: str, now: datetime,
                 report: SyncReport) -> None:
        self.store, self.laptop, self.now, self.report = store, laptop, now, report
        self.shadows: dict[tuple[str, str], Shadow | None] = {}
        self.changed_shadows: dict[tuple[str, str], Shadow] = {}
        self.existing: dict[str, set[str]] = {}
        # Rows are written in bulk after every change was decided.
        self.inserts: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.updates: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.deletes: dict[str, set[str]] = defaultdict(set)
        self.new_rows: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.grade_changes: list[GradeChange] = []

    def apply(self, changes: list[Change]) -> None:
        session = self.store.session
        link = self.store.link()
        assert link is not None
        self._load_shadows(changes)
        cells = {CellRef(str(c.fields.get("team_member_id")), str(c.fields.get("stakeholder_id")))
                 for c in changes if c.section == "grade_changes"}
        history_before = self._history(cells)
        for change in changes:
            if change.stamp > link.clock:
                link.clock = change.stamp
            if laptop_of(change.stamp) == self.laptop:
                continue  # made here: applied already
            try:
                self._apply_one(change)
            except ValidationError:
                self.report.refused_here += 1
        self._keep_last_cells()
        self._write_rows()
        self._refuse_out_of_scope()
        self._refuse_plans_without_cells()
        self.store.put_shadows(self.changed_shadows)
        session.expire_all()  # rows were written under the ORM's feet
        settled, conflicts = merge_histories(history_before, self.grade_changes)
        added = self.inserts["relationships"]
        # (team member, stakeholder, grade, reviewed at) where each cell's history now ends
        new_grades: list[tuple[str, str, str | None, datetime | None]] = []
        stored_grades: list[tuple[str, str, str | None, datetime | None]] = []
        with session.no_autoflush:
            for grade in settled:
                self.report.cells.add(grade.cell)
                letter = grade.grade.letter if grade.grade else None
                cell = grade.cell
                key = cell_key(cell.team_member_id, cell.stakeholder_id)
                if key in self.deletes["relationships"]:
                    continue  # the cell was removed after its grade was given
                ending = (cell.team_member_id, cell.stakeholder_id, letter, grade.changed_at)
                (new_grades if key in added else stored_grades).append(ending)
            settle_grades(session, stored_grades, self.now)
        settled_cells = {g.cell for g in settled}
        new_grades += self._grades_from_history(settled_cells)
        self.store.set_new_grades(new_grades)
        for conflict in conflicts:
            self._grade_conflict(conflict)
        self._forks_received(settled_cells - {c.cell for c in conflicts})
        session.flush()

    def _load_shadows(self, changes: list[Change]) -> None:
        keys: dict[str, list[str]] = defaultdict(list)
        for change in changes:
            keys[change.section].append(change.record_key)
        for section, section_keys in keys.items():
            found = self.store.shadows(section, section_keys)
            for key in section_keys:
                self.shadows[(section, key)] = found.get(key)
            if section in SECTIONS_BY_NAME:
                self.existing[section] = self.store.existing(SECTIONS_BY_NAME[section],
                                                             section_keys)

    def _history(self, cells: set[CellRef]) -> list[GradeChange]:
        """The history kept here of these cells, read as plain rows (a first sync reads the
        35,000 changes it wrote back: as mapped objects, three times as long)."""
        people = sorted({c.stakeholder_id for c in cells})
        history: list[GradeChange] = []
        for start in range(0, len(people), 400):
            for values in self.store.session.execute(select(*GRADE_CHANGE_COLUMNS).where(
                    GradeChangeRow.stakeholder_id.in_(people[start:start + 400]))):
                change = grade_change_from_values(*values)
                if change.cell in cells:
                    history.append(change)
        return history

    def _apply_one(self, change: Change) -> None:
        section = SECTIONS_BY_NAME.get(change.section)
        if section is None or not is_stamp(change.stamp) or not isinstance(change.fields, dict) \
                or not isinstance(change.bases, dict):
            raise ValidationError(f"unknown or malformed change {change.change_id}")
        shadow = self.shadows.get((section.name, change.record_key))
        if shadow is not None and shadow.account_id != change.account_id \
                and section.name != "team_members":
            raise ValidationError("a change names another account than its record's")
        if DELETED in change.fields:
            self._apply_delete(section, change, shadow)
            return
        current = shadow or Shadow(change.account_id, {}, {})
        allowed = set(synced_fields(section))
        taken: dict[str, Any] = {}
        deleted_at = current.stamps.get(DELETED, "")
        for name, value in change.fields.items():
            if name not in allowed:
                continue
            if change.stamp < deleted_at:
                continue  # the record was deleted after this change was made
            base = change.bases.get(name, "")
            decision = decide_field(current.fields.get(name), current.stamps.get(name, ""),
                                    value, change.stamp, base if isinstance(base, str) else "")
            # When a record was saved is bookkeeping, not an edit to review.
            if decision.conflict and name != "updated_at":
                self._field_conflict(change, section, name, current, value, decision.take)
            if decision.take:
                taken[name] = value
        if not taken:
            return
        merged = {**current.fields, **taken}
        values = inbound_record(section, merged)
        if record_key(section, merged) != change.record_key:
            raise ValidationError("a change's record does not match its key")
        own_account = merged.get("account_id", merged.get("id") if section.name == "account"
                                 else change.account_id)
        if own_account != change.account_id:
            raise ValidationError("a record names another account than its change's")
        if deleted_at:  # an edit made after the deletion brings the record back
            taken = {name: merged[name] for name in merged if name in allowed}
            current.stamps.pop(DELETED)
        self._write(section, change, values, taken, is_new=shadow is None)
        current.fields.update(taken)
        current.stamps.update({name: change.stamp for name in taken})
        self.shadows[(section.name, change.record_key)] = current
        self.changed_shadows[(section.name, change.record_key)] = current
        self.report.received += 1
        self._note_arrival(section.name, change.account_id, merged)

    def _grades_from_history(self, settled: set[CellRef]) -> list[tuple[str, str, Any, Any]]:
        """Cells this sync added or brought back whose grade no arriving change settled:
        their grade is where the history kept here ends."""
        cells = {CellRef(*key_values(key)) for key in self.inserts["relationships"]} - settled
        newest: dict[CellRef, GradeChange] = {}
        for change in self._history(cells):
            if change.cell not in newest or (change.changed_at, change.id) > (
                    newest[change.cell].changed_at, newest[change.cell].id):
                newest[change.cell] = change
        return [(c.team_member_id, c.stakeholder_id,
                 g.new_grade.letter if g.new_grade else None, g.changed_at)
                for c, g in newest.items()]

    def _apply_delete(self, section: TableSection, change: Change,
                      shadow: Shadow | None) -> None:
        """A record removed on another laptop goes here too, unless edited here since."""
        if section.name in NEVER_DELETED or (shadow is not None
                                             and shadow.account_id != change.account_id):
            raise ValidationError("a change deletes what may not be deleted")
        if shadow is None or change.stamp <= max(shadow.stamps.values(), default=""):
            return  # never had it, or changed it after the deletion was made
        key = change.record_key
        self.inserts[section.name].pop(key, None)
        self.updates[section.name].pop(key, None)
        self.deletes[section.name].add(key)
        shadow.stamps[DELETED] = change.stamp
        self.changed_shadows[(section.name, key)] = shadow
        self.report.received += 1
        self._note_arrival(section.name, change.account_id, shadow.fields)

    def _note_arrival(self, section: str, account_id: str, record: dict[str, Any]) -> None:
        report = self.report
        report.changed_accounts.add(account_id)
        if section in ("relationships", "grade_changes"):
            cell = CellRef(str(record.get("team_member_id")), str(record.get("stakeholder_id")))
            (report.marks if section == "relationships" else report.cells).add(cell)
        elif section == "leverage_links":
            report.marks.add(CellRef(str(record.get("source_team_member_id")),
                                     str(record.get("source_stakeholder_id"))))
        elif section == "stakeholders":
            report.people.add(account_id)
        elif section in ("team_members", "account_team"):
            report.team.add(account_id)
        elif section == "account":
            report.accounts.add(account_id)
        elif section == "sponsor_letters":
            report.letters.add(str(record.get("id")))
        elif section.startswith("blueprint"):
            report.whole.add(account_id)
        else:
            report.lifecycle.add(account_id)

    def _write(self, section: TableSection, change: Change, values: dict[str, Any],
               taken: dict[str, Any], *, is_new: bool) -> None:
        key = change.record_key
        pending = self.inserts[section.name]
        if key in self.deletes[section.name]:  # deleted, then brought back, in one batch
            self.deletes[section.name].discard(key)
            self.updates[section.name][key] = {n: values[n] for n in values}
            return

        if key in pending:
            pending[key].update({name: values[name] for name in taken})
            return
        if key not in self.existing.get(section.name, set()):
            full = with_defaults(section, values)
            if section.name == "grade_changes":
                full["changed_by"] = change.login
                self.grade_changes.append(grade_change_from_values(
                    full["id"], full["team_member_id"], full["stakeholder_id"],
                    full["old_grade"], full["new_grade"], full["changed_at"], full["note"],
                    change.login))
            pending[key] = full
            self.new_rows[(section.name, change.account_id)].append(key)
            return
        if is_new and key not in self.store.in_scope(section, [key], change.account_id):
            # A record this laptop has but never synced, in another account: not touched.
            raise ValidationError("a change names a record of another account")
        self.updates[section.name].setdefault(key, {}).update(
            {name: values[name] for name in taken})

    def _write_rows(self) -> None:
        for section in SYNCED_SECTIONS:
            self.store.insert_rows(section, list(self.inserts[section.name].values()))
            self.store.update_rows(section, self.updates[section.name])
        for section in reversed(SYNCED_SECTIONS):
            self.store.delete_rows(section, self.deletes[section.name])
        # A new row whose parent is not here (deleted here meanwhile) cannot be kept: it
        # would fail the whole transaction at commit, and every later sync with it.
        tables = [SECTIONS_BY_NAME[name].table.__tablename__
                  for name, rows in self.inserts.items() if rows]
        for section_name, key in self.store.break_links(tables):
            if key not in self.inserts[section_name]:
                raise TeamServerError(f"A change from the team server breaks a link of "
                                      f"{section_name}; nothing of this sync was applied.")
            self.changed_shadows.pop((section_name, key), None)
            self.report.refused_here += 1

    def _refuse_out_of_scope(self) -> None:
        """A new record must belong to the account whose change brought it (a change of one
        account cannot write into another, or into an account never shared)."""
        refused_changes: set[str] = set()
        for (section_name, account_id), keys in self.new_rows.items():
            section = SECTIONS_BY_NAME[section_name]
            outside = set(keys) - self.store.in_scope(section, keys, account_id)
            self.store.delete_rows(section, outside)  # they were not here before this sync
            for key in outside:
                self.changed_shadows.pop((section_name, key), None)
                self.report.refused_here += 1
                if section_name == "grade_changes":
                    refused_changes.add(key_values(key)[0])
        self.grade_changes = [g for g in self.grade_changes if g.id not in refused_changes]

    def _keep_last_cells(self) -> None:
        """A sync never takes a plan's last cell away (a plan deleted goes with its cells):
        such deletions are left out, and the plan keeps the cells it has here."""
        deleted: dict[str, set[str]] = defaultdict(set)
        for key in self.deletes["blueprint_cells"]:
            deleted[key_values(key)[0]].add(key)
        plans_deleted = {key_values(key)[0] for key in self.deletes["blueprints"]}
        kept = [plan for plan in deleted if plan not in plans_deleted]
        left: set[str] = {key_values(key)[0] for key in self.inserts["blueprint_cells"]}
        cells = SECTIONS_BY_NAME["blueprint_cells"]
        for row in self.store.session.execute(select(BlueprintCellRow.__table__).where(
                BlueprintCellRow.blueprint_id.in_(kept))):
            if record_key(cells, row._asdict()) not in deleted[row.blueprint_id]:
                left.add(row.blueprint_id)
        for plan_id in set(kept) - left:
            for key in deleted[plan_id]:
                self.deletes["blueprint_cells"].discard(key)
                self.changed_shadows.pop(("blueprint_cells", key), None)
                self.report.refused_here += 1

    def _refuse_plans_without_cells(self) -> None:
        """A plan works on at least one relationship (the window reads it from its first
        cell): one that arrived without its cells is left out with its strategies, as an
        account file holding one is refused."""
        plans, strategies = SECTIONS_BY_NAME["blueprints"], SECTIONS_BY_NAME["blueprint_strategies"]
        new_plans = [key_values(key)[0] for key in self.inserts["blueprints"]]
        for plan_id in plans_without_cells(self.store.session, new_plans):
            left_out = [(strategies, key) for key, values
                        in self.inserts["blueprint_strategies"].items()
                        if values["blueprint_id"] == plan_id]
            left_out.append((plans, record_key(plans, {"id": plan_id})))
            for section, key in left_out:
                self.store.delete_rows(section, [key])  # it was not here before this sync
                self.changed_shadows.pop((section.name, key), None)
                self.report.refused_here += 1

    def _field_conflict(self, change: Change, section: TableSection, name: str,
                        current: Shadow, value: Any, incoming_won: bool) -> None:
        here_value, here_stamp = current.fields.get(name), current.stamps.get(name, "")
        kept, lost = (value, here_value) if incoming_won else (here_value, value)
        kept_stamp, lost_stamp = (change.stamp, here_stamp) if incoming_won \
            else (here_stamp, change.stamp)
        here = HERE if laptop_of(here_stamp) == self.laptop else ELSEWHERE
        self._conflict(change.account_id, section.name, change.record_key, name, kept, lost,
                       kept_stamp, lost_stamp, change.login if incoming_won else here,
                       here if incoming_won else change.login)

    def _grade_conflict(self, conflict: Any) -> None:
        cell = conflict.cell
        key = cell_key(cell.team_member_id, cell.stakeholder_id)
        account = self._account_of_cell(cell)
        kept = conflict.kept.letter if conflict.kept else None
        lost_grade = conflict.local_grade if conflict.incoming_won else conflict.incoming_grade
        lost_at = conflict.local_at if conflict.incoming_won else conflict.incoming_at
        kept_at = conflict.incoming_at if conflict.incoming_won else conflict.local_at
        self._conflict(account, "relationships", key, "grade", kept,
                       lost_grade.letter if lost_grade else None, kept_at.isoformat(),
                       lost_at.isoformat(), ELSEWHERE if conflict.incoming_won else HERE,
                       HERE if conflict.incoming_won else ELSEWHERE)

    def _forks_received(self, cells: set[CellRef]) -> None:
        """A laptop that receives both sides of a fork (two grades given without seeing each
        other) lists it too: the newest change did not start from the grade before it."""
        by_cell: dict[CellRef, list[GradeChange]] = defaultdict(list)
        for change in self._history(cells):
            by_cell[change.cell].append(change)
        for cell, history in by_cell.items():
            if len(history) < 2:
                continue
            before, newest = sorted(history, key=lambda c: (c.changed_at, c.id))[-2:]
            if newest.old_grade == before.new_grade or newest.new_grade == before.new_grade:
                continue
            self._conflict(self._account_of_cell(cell), "relationships",
                           cell_key(cell.team_member_id, cell.stakeholder_id), "grade",
                           newest.new_grade.letter if newest.new_grade else None,
                           before.new_grade.letter if before.new_grade else None,
                           newest.changed_at.isoformat(), before.changed_at.isoformat(),
                           newest.changed_by or ELSEWHERE, before.changed_by or ELSEWHERE)

    def _account_of_cell(self, cell: CellRef) -> str:
        person = self.store.session.get(StakeholderRow, cell.stakeholder_id)
        return person.account_id if person else ""

    def _conflict(self, account_id: str, section: str, key: str, name: str, kept: Any,
                  lost: Any, kept_stamp: str, lost_stamp: str, kept_by: str,
                  lost_by: str) -> None:
        # The same conflict found again (on another sync, by another route) is one entry.
        conflict_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{section}|{key}|{name}|{lost_stamp}"))
        if self.store.session.get(TeamConflictRow, conflict_id) is not None:
            return
        self.store.session.add(TeamConflictRow(
            id=conflict_id, account_id=account_id, section=section, record_key=key,
            field=name, kept=_json(kept), lost=_json(lost), kept_stamp=kept_stamp,
            lost_stamp=lost_stamp, kept_by=kept_by, lost_by=lost_by, found_at=self.now,
            reviewed=False))
        self.report.conflicts += 1


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
