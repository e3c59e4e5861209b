"""Syncing a workspace with the team server: send this laptop's changes, fetch the others'.

Each record travels as field changes stamped by a hybrid logical clock; on every laptop a
field takes the value of its newest stamp, so all laptops end alike whatever the order in
which they sync. Two changes of one field made without seeing each other are a conflict:
the newer value is kept, the other is listed for review (and stays in the server's
history). Grade history is never overwritten: changes are unioned and a cell's grade is
where its newest change lands, as for account files.

A sync is three short transactions: take the local changes into the outbox (local), send
the outbox (server), fetch and apply (local, with the fetched position). A kill or lost
connection between them leaves each side as before or after its step; the next sync
carries on (the server ignores a change it already has).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactmap_desktop.domain.changes import Changes
from contactmap_desktop.domain.errors import TeamServerError, ValidationError
from contactmap_desktop.domain.field_merge import COPY, decide_field
from contactmap_desktop.domain.grade_merge import merge_histories
from contactmap_desktop.domain.hybrid_clock import is_stamp, laptop_of, next_stamp
from contactmap_desktop.domain.model import CellRef, GradeChange
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.inbound_gate import admit_section
from contactmap_desktop.storage.account_tables import (
    TableSection,
    decode_record,
    defer_foreign_keys,
    settle_grade,
    with_defaults,
)
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.mapping import grade_change_from_row, grade_change_from_values
from contactmap_desktop.storage.schema import (
    GradeChangeRow,
    StakeholderRow,
    TeamConflictRow,
    TeamLinkRow,
    TeamOutboxRow,
)
from contactmap_desktop.storage.team_changes import (
    Change,
    check_schema,
    is_writer,
    one_snapshot,
    pull,
    push_by_account,
    role_of,
    visible_accounts,
)
from contactmap_desktop.storage.team_local import (
    DELETED,
    NEVER_DELETED,
    SECTIONS_BY_NAME,
    SYNCED_SECTIONS,
    Shadow,
    TeamStore,
    install_change_tracking,
    record_key,
    synced_fields,
)
from contactmap_desktop.storage.team_server import ServerAddress, parse_address, server_connection
from contactmap_desktop.storage.unit_of_work import UnitOfWork

# Where the team server's password comes from for a connection (keyring, or None: libpq's
# own password file).
PasswordSource = Callable[[ServerAddress], "str | None"]


@dataclass
class SyncReport:
    """What one sync did, for the command line and the window's indicator."""

    sent: int = 0
    received: int = 0
    refused_here: int = 0  # changes from the server that failed the inbound checks
    refused_there: int = 0  # this laptop's changes the server refused (a viewer's…)
    refused_reason: str = ""
    conflicts: int = 0
    new_accounts: list[str] = field(default_factory=list)
    # What arrived, for the window to redraw only that (see ``changes``).
    cells: set[CellRef] = field(default_factory=set)
    marks: set[CellRef] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # accounts whose stakeholders changed
    team: set[str] = field(default_factory=set)  # accounts whose team changed
    accounts: set[str] = field(default_factory=set)  # accounts edited
    letters: set[str] = field(default_factory=set)
    lifecycle: set[str] = field(default_factory=set)
    whole: set[str] = field(default_factory=set)  # accounts whose plans changed
    changed_accounts: set[str] = field(default_factory=set)

    @property
    def changes(self) -> Changes:
        """The change set of what the sync wrote, as any edit's."""
        new = {a for a in self.changed_accounts if a not in self.accounts} \
            if self.new_accounts else set()
        return Changes(accounts=frozenset(self.accounts | new), people=frozenset(self.people),
                       team=frozenset(self.team), cells=frozenset(self.cells),
                       marks=frozenset(self.marks), letters=frozenset(self.letters),
                       lifecycle=frozenset(self.lifecycle),
                       whole_accounts=frozenset(self.whole))

    @property
    def arrived(self) -> bool:
        return bool(self.received or self.new_accounts)

    def lines(self) -> list[str]:
        result = [f"Sent {self.sent} changes, received {self.received}."]
        if self.new_accounts:
            result.append("Newly shared with you: " + ", ".join(self.new_accounts) + ".")
        if self.conflicts:
            result.append(f"{self.conflicts} conflicting edits: the newer was kept; see "
                          "`contactmap team status` or the window's conflicts list.")
        if self.refused_there:
            result.append(f"{self.refused_there} of your changes were refused by the server "
                          f"({self.refused_reason}); they stay in this workspace only.")
        if self.refused_here:
            result.append(f"{self.refused_here} changes from the server failed this "
                          "workspace's checks and were left out.")
        return result


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


def _wall_ms(record: dict[str, Any], now: datetime) -> int:
    """When the record was last edited (its ``updated_at``), else now, in milliseconds."""
    value = record.get("updated_at")
    when = now
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            when = now
    return int((when - datetime(1970, 1, 1)).total_seconds() * 1000)


class TeamSync:
    """The sync engine over one workspace."""

    def __init__(self, workspace: Workspace, passwords: PasswordSource,
                 clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._passwords = passwords
        self._clock = clock

    # --- the local steps -------------------------------------------------------------------

    def link(self) -> tuple[ServerAddress, TeamLinkRow]:
        with UnitOfWork(self._workspace) as repos:
            link = TeamStore(repos.session).link()
            if link is None:
                raise TeamServerError("This workspace is not connected to a team server: "
                                      "run `contactmap team connect URL` first.")
            repos.session.expunge(link)
        address, _ = parse_address(link.url)
        return address, link

    def capture(self) -> int:
        """Take the records written since the last time into the outbox; how many changes."""
        with UnitOfWork(self._workspace) as repos:
            return _capture(TeamStore(repos.session), self._clock())

    def seed(self, session: Session, account_id: str) -> int:
        """Every record of a newly shared account into the outbox (caller's transaction)."""
        return _capture(TeamStore(session), self._clock(), seed_account=account_id)

    # --- a whole sync ----------------------------------------------------------------------

    def sync(self) -> SyncReport:
        address, link = self.link()
        report = SyncReport()
        self.capture()
        password = self._passwords(address)
        with server_connection(address, password, autocommit=True) as connection:
            check_schema(connection, address.place)
            role = role_of(connection, address.login)
            with UnitOfWork(self._workspace) as repos:
                outgoing = [_change(row) for row in TeamStore(repos.session).outgoing()]
            refused: dict[str, str] = {}
            if outgoing and not is_writer(role):
                refused = {c.account_id: f"{address.login} is a {role}" for c in outgoing}
            elif outgoing:
                with connection.transaction():
                    refused = push_by_account(connection, outgoing)
            with UnitOfWork(self._workspace) as repos:
                store = TeamStore(repos.session)
                sent = [c for c in outgoing if c.account_id not in refused]
                store.sent([c.change_id for c in sent])
                # The server signed them with this login: the history shows it here too.
                store.sign_grade_changes([c.record_key for c in sent
                                          if c.section == "grade_changes"], address.login)
                for account_id, reason in refused.items():
                    store.refuse([c.change_id for c in outgoing if c.account_id == account_id],
                                 reason)
                    report.refused_reason = reason
                fetched = store.synced_accounts()
                left = store.left_accounts()
            report.sent = sum(1 for c in outgoing if c.account_id not in refused)
            report.refused_there = len(outgoing) - report.sent
            with connection.transaction():
                one_snapshot(connection)
                visible = {a: name for a, name in visible_accounts(connection).items()
                           if a not in left}
                wanted = {a: fetched.get(a, 0) for a in visible}
                incoming, newest = pull(connection, wanted, link.laptop_id)
        with UnitOfWork(self._workspace) as repos:
            defer_foreign_keys(repos.session)
            store = TeamStore(repos.session)
            install_change_tracking(repos.session)
            _capture(store, self._clock())
            for account_id in visible:
                if account_id not in fetched:
                    report.new_accounts.append(visible[account_id])
                store.set_fetched(account_id, newest.get(account_id, wanted[account_id]))
            _Applier(store, link.laptop_id, self._clock(), report).apply(incoming)
            # What the sync itself wrote is agreed already, not a change to send back.
            store.clear_dirty()
        return report


def _change(row: TeamOutboxRow) -> Change:
    return Change(row.change_id, row.account_id, row.section, row.record_key,
                  json.loads(row.fields), json.loads(row.bases), row.stamp)


# --- taking local changes ----------------------------------------------------------------

def _capture(store: TeamStore, now: datetime, seed_account: str | None = None) -> int:
    """Compare written records with their shadow; each difference becomes a stamped change
    in the outbox and the shadow's new state (one stamp per record).

    ``seed_account``: every record of a newly shared account goes, those already synced
    (a team member on another shared account) as copies of the changes they carry."""
    link = store.link()
    if link is None:
        return 0
    accounts = [seed_account] if seed_account else list(store.synced_accounts())
    if not seed_account:
        for account_id in store.missing_accounts(accounts):  # deleted here: it leaves
            store.leave(account_id)
            accounts.remove(account_id)
    dirty = {} if seed_account else store.dirty_keys()
    outgoing: list[dict[str, Any]] = []
    changed_shadows: dict[tuple[str, str], Shadow] = {}
    for section in SYNCED_SECTIONS:
        keys = None if seed_account else dirty.get(section.name)
        if keys is None and not seed_account:
            continue
        fields = synced_fields(section)
        # A record may belong to several synced accounts (a team member): it goes to each.
        found: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for account_id in accounts:
            for record in store.records(section, keys, account_id):
                found.setdefault(record_key(section, record), (record, []))[1].append(account_id)
        shadows = store.shadows(section.name, list(found))
        for key, (record, owners) in found.items():
            shadow = shadows.get(key)
            if shadow is not None and seed_account:
                outgoing += _copy_out(section.name, key, owners, shadow)
                continue
            shadow = shadow or Shadow(owners[0], {}, {})
            back = shadow.stamps.pop(DELETED, None) is not None  # deleted, then restored here
            changed = {f: record[f] for f in fields
                       if back or f not in shadow.stamps or shadow.fields.get(f) != record[f]}
            if not changed:
                continue
            stamp = next_stamp(link.clock, _wall_ms(record, now), link.laptop_id)
            link.clock = stamp
            bases = {f: shadow.stamps.get(f, "") for f in changed}
            outgoing += [_outgoing(account_id, section.name, key, changed, bases, stamp)
                         for account_id in owners]
            shadow.fields.update(changed)
            shadow.stamps.update({f: stamp for f in changed})
            changed_shadows[(section.name, key)] = shadow
        if keys is not None and section.name not in NEVER_DELETED:
            outgoing += _tombstones(store, section, [k for k in keys if k not in found],
                                    set(accounts), link, now, changed_shadows)
    store.add_outgoing(outgoing)
    store.put_shadows(changed_shadows)
    if not seed_account:
        store.clear_dirty()
    store.session.flush()
    return len(outgoing)


def _tombstones(store: TeamStore, section: TableSection, keys: list[str], accounts: set[str],
                link: TeamLinkRow, now: datetime,
                changed_shadows: dict[tuple[str, str], Shadow]) -> list[dict[str, Any]]:
    """Synced records removed here (not moved out of sight): a change that deletes them."""
    if not keys:
        return []
    still_here = store.existing(section, keys)
    shadows = store.shadows(section.name, [k for k in keys if k not in still_here])
    result = []
    for key, shadow in shadows.items():
        if shadow.account_id not in accounts or DELETED in shadow.stamps:
            continue
        stamp = next_stamp(link.clock, _wall_ms({}, now), link.laptop_id)
        link.clock = stamp
        newest = max(shadow.stamps.values(), default="")
        result.append(_outgoing(shadow.account_id, section.name, key, {DELETED: True},
                                {DELETED: newest}, stamp))
        shadow.stamps[DELETED] = stamp
        changed_shadows[(section.name, key)] = shadow
    return result


def _outgoing(account_id: str, section: str, key: str, fields: dict[str, Any],
              bases: dict[str, str], stamp: str) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "account_id": account_id, "section": section,
            "record_key": key, "fields": _json(fields), "bases": _json(bases), "stamp": stamp,
            "refused": ""}


def _copy_out(section: str, key: str, owners: list[str], shadow: Shadow
              ) -> list[dict[str, Any]]:
    """A synced record sent to another account: one copy per stamp its fields carry."""
    by_stamp: dict[str, dict[str, Any]] = defaultdict(dict)
    for name, stamp in shadow.stamps.items():
        by_stamp[stamp][name] = shadow.fields.get(name)
    return [_outgoing(account_id, section, key, fields, dict.fromkeys(fields, COPY), stamp)
            for stamp, fields in by_stamp.items() for account_id in owners]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- applying arriving changes -----------------------------------------------------------

class _Applier:
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
        self._write_rows()
        self._refuse_out_of_scope()
        self.store.put_shadows(self.changed_shadows)
        session.expire_all()  # rows were written under the ORM's feet
        settled, conflicts = merge_histories(history_before, self.grade_changes)
        added = self.inserts["relationships"]
        new_grades = []
        with session.no_autoflush:
            for grade in settled:
                self.report.cells.add(grade.cell)
                letter = grade.grade.letter if grade.grade else None
                cell = grade.cell
                key = _json_key([cell.team_member_id, cell.stakeholder_id])
                if key in self.deletes["relationships"]:
                    continue  # the cell was removed after its grade was given
                if key in added:
                    new_grades.append((cell.team_member_id, cell.stakeholder_id, letter,
                                       grade.changed_at))
                else:
                    settle_grade(session, cell.team_member_id, cell.stakeholder_id, letter,
                                 grade.changed_at, self.now)
        settled_cells = {g.cell for g in settled}
        new_grades += self._grades_from_history(settled_cells)
        self.store.set_new_grades(new_grades)
        for conflict in conflicts:
            self._grade_conflict(conflict)
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
        people = sorted({c.stakeholder_id for c in cells})
        history: list[GradeChange] = []
        for start in range(0, len(people), 400):
            for row in self.store.session.scalars(select(GradeChangeRow).where(
                    GradeChangeRow.stakeholder_id.in_(people[start:start + 400]))):
                change = grade_change_from_row(row)
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
        cells = {CellRef(*_loads(key)) for key in self.inserts["relationships"]} - settled
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
            for key, values in self.updates[section.name].items():
                self.store.update_row(section, key, values)
        for section in reversed(SYNCED_SECTIONS):
            for key in self.deletes[section.name]:
                self.store.delete_row(section, key)
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
            inside = self.store.in_scope(section, keys, account_id)
            for key in set(keys) - inside:
                self.store.delete_row(section, key)  # it was not here before this sync
                self.changed_shadows.pop((section_name, key), None)
                self.report.refused_here += 1
                if section_name == "grade_changes":
                    refused_changes.add(_loads(key)[0])
        self.grade_changes = [g for g in self.grade_changes if g.id not in refused_changes]

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
        key = _json_key([cell.team_member_id, cell.stakeholder_id])
        account = self._account_of_cell(cell)
        kept = conflict.kept.letter if conflict.kept else None
        lost_grade = conflict.local_grade if conflict.incoming_won else conflict.incoming_grade
        lost_at = conflict.local_at if conflict.incoming_won else conflict.incoming_at
        kept_at = conflict.incoming_at if conflict.incoming_won else conflict.local_at
        self._conflict(account, "relationships", key, "grade", kept,
                       lost_grade.letter if lost_grade else None, kept_at.isoformat(),
                       lost_at.isoformat(), HERE if conflict.incoming_won else ELSEWHERE,
                       ELSEWHERE if conflict.incoming_won else HERE)

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


def _loads(key: str) -> list[Any]:
    value: list[Any] = json.loads(key)
    return value


def _json_key(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))
