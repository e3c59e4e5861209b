"""The one inbound gate: every record from outside is checked here before anything is written.

Account files (services/account_exchange.py) pass two checks, with the rules the window
applies; the team server's rows (services/team_sync.py) pass the first, record by record:

- ``admit_document`` (a whole account file) and ``admit_section`` (one table's records): each
  record decoded and read back as the app reads its row (types, enums, JSON fields, lengths,
  dates, numbers), without looking at the workspace; a file's plans each with a cell;
- ``admit_ownership``: against the workspace, inside the caller's transaction and before it
  merges anything: every record belongs to the account it travels with, no record of another
  account is touched or pointed at, and nothing is deleted.

Both raise InboundError with one line naming the record and the field; the caller then writes
nothing. The rules themselves are tables in services/inbound_rules.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from contactmap_desktop.domain.errors import ContactMapError, InboundError
from contactmap_desktop.services import inbound_rules as rules
from contactmap_desktop.storage.account_records import decode_record, record_label, shown_value
from contactmap_desktop.storage.account_sections import (
    ACCOUNT_SECTIONS,
    ACCOUNT_TABLE,
    TableSection,
    key_columns,
    record_key,
)
from contactmap_desktop.storage.account_tables import on_other_teams, stored_record, stored_records
from contactmap_desktop.storage.row_reading import read_back


@dataclass(frozen=True)
class InboundAccount:
    """An account's records as admitted: column values by section, in ``ACCOUNT_SECTIONS``
    order; ``not_imported`` counts the records this version does not take (unknown sections,
    settings it does not know)."""

    account: dict[str, Any]
    sections: dict[str, list[dict[str, Any]]]
    not_imported: dict[str, int] = field(default_factory=dict)


# --- content: each record on its own --------------------------------------------------------

def section_named(name: str) -> TableSection:
    """The section of the account file called ``name`` (``account`` for the account itself)."""
    if name == ACCOUNT_TABLE.name:
        return ACCOUNT_TABLE
    for section in ACCOUNT_SECTIONS:
        if section.name == name:
            return section
    raise KeyError(name)


def admit_document(document: Mapping[str, Any]) -> InboundAccount:
    """The account file's records, each checked as the window would check it."""
    [account] = admit_section(ACCOUNT_TABLE, [document.get("account")])
    raw_sections = document.get("sections")
    if not isinstance(raw_sections, dict):
        raise InboundError("The file has no sections.")
    known = {s.name for s in ACCOUNT_SECTIONS}
    not_imported = {name: len(records) if isinstance(records, list) else 0
                    for name, records in raw_sections.items() if name not in known}
    sections = {s.name: admit_section(s, raw_sections.get(s.name, []))
                for s in ACCOUNT_SECTIONS}
    settings = sections["settings"]
    sections["settings"] = [r for r in settings if rules.setting_travels(r["key"])]
    if len(sections["settings"]) < len(settings):
        not_imported["settings"] = len(settings) - len(sections["settings"])
    _check_plans_have_cells(sections)
    return InboundAccount(account, sections, not_imported)


def _check_plans_have_cells(sections: dict[str, list[dict[str, Any]]]) -> None:
    """A plan works on at least one relationship (the window reads it from its first cell),
    and a file carries every cell of each of its plans."""
    planned = {cell["blueprint_id"] for cell in sections["blueprint_cells"]}
    for number, plan in enumerate(sections["blueprints"]):
        if plan["id"] not in planned:
            raise InboundError(f"{record_label(section_named('blueprints'), number)} has no "
                               "relationship to work on: the file holds no cell of it.")


def admit_section(section: TableSection, records: Any) -> list[dict[str, Any]]:
    """One table's records decoded and checked; ``deleted_at`` never comes through."""
    if not isinstance(records, list):
        raise InboundError(f"The section {section.name} is not a list of records.")
    admitted = []
    for number, record in enumerate(records):
        where = record_label(section, number)
        values = decode_record(section, record, number)
        if values.pop("deleted_at", None) is not None:
            # Deletions do not travel: a set deleted_at would purge the record here.
            raise InboundError(f"{where}.deleted_at is set: an import never deletes anything.")
        _check_fields(section, values, where)
        _check_record(section, values, where)
        admitted.append(values)
    return admitted


def _check_fields(section: TableSection, values: dict[str, Any], where: str) -> None:
    for column, value in values.items():
        if value is None:
            continue
        problem = rules.field_problem(section.name, column, value)
        if problem is not None:
            raise InboundError(f"{where}.{column} holds “{shown_value(value)}”: {problem}.")


def _check_record(section: TableSection, values: dict[str, Any], where: str) -> None:
    """Read back as the app reads the row, then the window's own checks of the value."""
    try:
        value = read_back(section, values)
        problem = rules.record_problem(section.name, values, value)
    except ContactMapError as error:
        problem = str(error)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        problem = f"the app cannot read it ({shown_value(error)})"
    if problem is not None:
        raise InboundError(f"{where}: {problem.rstrip('.')}.")


# --- ownership: against the workspace ------------------------------------------------------

def admit_ownership(session: Session, inbound: InboundAccount) -> InboundAccount:
    """Refuse records that would create, change or point at another account's records here;
    return what may be merged.

    Runs in the caller's transaction, before the merge; reads only. A record's account is the
    one its owning column leads to (``rules.OWNERS``), in the file first, then here. Team
    members are shared by accounts: one known here who is on another account's team here, or
    on no team of this account here, may join this account's team, but the file does not
    change them (they are left out of what is returned), so that no other account's team
    changes.
    """
    return _Ownership(session, inbound).check()


class _Ownership:
    """The ownership check of one inbound account (caches what it has looked up)."""

    def __init__(self, session: Session, inbound: InboundAccount) -> None:
        self._session = session
        self._account_id: str = inbound.account["id"]
        self._inbound = inbound
        self._in_file: dict[str, dict[str, dict[str, Any]]] = {}
        for name, records in inbound.sections.items():
            id_column = _id_column(name)
            if id_column is not None:
                self._in_file[name] = {r[id_column]: r for r in records}
        self._in_file[ACCOUNT_TABLE.name] = {self._account_id: inbound.account}
        self._local_owner: dict[tuple[str, str], str | None] = {}
        self._here = self._stored_rows()
        self._shared = on_other_teams(
            session, self._account_id, [r["id"] for r in inbound.sections["team_members"]])

    def _stored_rows(self) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
        """The stored rows the check will look at, read a section at a time: the file's own
        records, those they name, and their team here."""
        wanted: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
        for section in ACCOUNT_SECTIONS:
            for values in self._inbound.sections[section.name]:
                wanted[section.name].add(record_key(section, values))
                owner = rules.OWNERS.get(section.name)
                if owner is not None and owner[1] != ACCOUNT_TABLE.name:
                    wanted[owner[1]].add((values[owner[0]],))
                for column, target, _, is_list in rules.references(section):
                    wanted[target].update((ref,) for ref in _named_ids(values, column, is_list))
                if section.name == "team_members":
                    wanted["account_team"].add((self._account_id, values["id"]))
        return {name: stored_records(self._session, section_named(name), keys)
                for name, keys in wanted.items()}

    def check(self) -> InboundAccount:
        ours = self._team_named()
        for section in ACCOUNT_SECTIONS:
            for number, values in enumerate(self._inbound.sections[section.name]):
                where = f"{section.name}[{number}]"
                if section.name == "team_members" and values["id"] not in ours:
                    raise InboundError(f"{where} is neither on the team of the account in the "
                                       "file nor named by its records.")
                self._check_owner(section, values, where)
                self._check_references(section, values, where)
        sections = dict(self._inbound.sections)
        sections["team_members"] = [r for r in sections["team_members"]
                                    if not self._kept_as_here(r["id"])]
        return replace(self._inbound, sections=sections)

    def _team_named(self) -> set[Any]:
        """The people of ours the file's account has: its team, and those its records name
        (a grade change of someone since taken off the team…)."""
        named = {r["team_member_id"] for r in self._inbound.sections["account_team"]}
        for section in ACCOUNT_SECTIONS:
            for column, target, _, is_list in rules.references(section):
                if target == "team_members" and section.name != "account_team":
                    for values in self._inbound.sections[section.name]:
                        named.update(_named_ids(values, column, is_list))
        return named

    def _kept_as_here(self, team_member_id: str) -> bool:
        """Known here and on another account's team here, or not on this account's team here:
        a change of their name or title would show in an account the file is not about."""
        return team_member_id in self._shared or (
            self._stored("team_members", team_member_id) is not None
            and (self._account_id, team_member_id) not in self._here["account_team"])

    def _check_owner(self, section: TableSection, values: dict[str, Any], where: str) -> None:
        owner = rules.OWNERS.get(section.name)
        if owner is None:
            return  # shared by every account: team members, settings
        column, parent = owner
        if self._account_of(parent, values[column]) != self._account_id:
            raise InboundError(f"{where}.{column} names “{shown_value(values[column])}”, which "
                               "is not part of the account in the file.")
        here = self._here[section.name].get(record_key(section, values))
        if here is not None and self._account_of(parent, here[column]) != self._account_id:
            raise InboundError(f"{where} is a record of another account in this workspace; "
                               "an import never moves records between accounts.")

    def _check_references(self, section: TableSection, values: dict[str, Any],
                          where: str) -> None:
        for column, target, required, is_list in rules.references(section):
            for ref in _named_ids(values, column, is_list):
                known = ref in self._in_file.get(target, {}) or \
                    self._stored(target, ref) is not None
                if not known:
                    if required:
                        raise InboundError(f"{where}.{column} names “{shown_value(ref)}”, "
                                           f"which is neither in the file nor in this workspace.")
                    continue  # a person deleted since, as the app itself leaves it
                if target in rules.OWNERS and \
                        self._account_of(target, ref) != self._account_id:
                    raise InboundError(f"{where}.{column} names “{shown_value(ref)}”, a record "
                                       "of another account in this workspace.")

    def _account_of(self, section_name: str, record_id: Any) -> str | None:
        """The account a record belongs to: through the file's record, else the stored one."""
        if section_name == ACCOUNT_TABLE.name:
            return str(record_id)
        column, parent = rules.OWNERS[section_name]
        incoming = self._in_file.get(section_name, {}).get(record_id)
        if incoming is not None:
            return self._account_of(parent, incoming[column])
        cache_key = (section_name, str(record_id))
        if cache_key not in self._local_owner:
            here = self._stored(section_name, record_id)
            self._local_owner[cache_key] = None if here is None else \
                self._account_of(parent, here[column])
        return self._local_owner[cache_key]

    def _stored(self, section_name: str, record_id: Any) -> dict[str, Any] | None:
        key = (record_id,)
        rows = self._here.get(section_name, {})
        if key in rows:
            return rows[key]
        # Not read up front (a parent's parent): read it now.
        return stored_record(self._session, section_named(section_name), key)


def _named_ids(values: dict[str, Any], column: str, is_list: bool) -> list[Any]:
    """The ids a column names: none, one, or those of a JSON list."""
    value = values.get(column)
    if value is None:
        return []
    return list(json.loads(value)) if is_list else [value]


def _id_column(section_name: str) -> str | None:
    """The single-column key of a section, when it has one (``id``, or ``key``)."""
    keys = key_columns(section_named(section_name))
    return keys[0] if len(keys) == 1 else None
