"""The account, stakeholders and team members of an account file that this workspace already
has under other ids (made separately on two laptops under the same name), and the file's
records with those ids replaced by the local ones.

An id is replaced only in the columns that name a record of its kind: an account's id in
``account_id``, a stakeholder's in ``stakeholder_id``, ``reports_to_id`` or a list of client
attendees, and so on. A hostile file may give its account the id of one of its own people;
replacing that id wherever the text appears would rename the person to the account's id and
add a copy of them.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from contactmap_desktop.services import inbound_rules as rules
from contactmap_desktop.services.inbound_gate import section_named
from contactmap_desktop.storage.account_sections import ACCOUNT_TABLE
from contactmap_desktop.storage.account_tables import stored_records
from contactmap_desktop.storage.repositories import Repositories

# Section named ("account", "stakeholders", "team_members") -> incoming id -> local id.
IdRemap = dict[str, dict[str, str]]


def match_by_name(repos: Repositories, account: dict[str, Any],
                  sections: dict[str, list[dict[str, Any]]]) -> tuple[IdRemap, list[str]]:
    """The ids to replace, and a label for each match; names are unique where they live."""
    remap: IdRemap = {}
    matched: list[str] = []

    def match(kind: str, incoming_id: str, local_id: str | None, label: str) -> None:
        if local_id is not None and local_id != incoming_id:
            remap.setdefault(kind, {})[incoming_id] = local_id
            matched.append(label)

    if repos.session.get(ACCOUNT_TABLE.table, account["id"]) is None:
        local = repos.accounts.find_by_name(account["name"])
        match(ACCOUNT_TABLE.name, account["id"], local.id if local else None,
              f"account {account['name']}")
    account_id = remap.get(ACCOUNT_TABLE.name, {}).get(account["id"], account["id"])
    people = {s.name.casefold(): s.id for s in repos.stakeholders.list_for_account(account_id)}
    for record in _not_here(repos, "stakeholders", sections):
        match("stakeholders", record["id"], people.get(record["name"].casefold()),
              f"stakeholder {record['name']}")
    team = {m.name.casefold(): m.id for m in repos.team_members.list_all()}
    for record in _not_here(repos, "team_members", sections):
        match("team_members", record["id"], team.get(record["name"].casefold()),
              f"team member {record['name']}")
    return remap, matched


def remapped(section_name: str, values: dict[str, Any], remap: IdRemap) -> dict[str, Any]:
    """The record of ``section_name`` with matched ids replaced where they name their kind."""
    if not remap:
        return values
    changed = dict(values)
    for column, kind, is_list in _id_columns(section_name):
        ids, value = remap.get(kind), values.get(column)
        if not ids or value is None:
            continue
        if not is_list:
            changed[column] = ids.get(value, value)
            continue
        named = json.loads(value)  # the gate has read it as a list of ids
        if any(one in ids for one in named):
            changed[column] = json.dumps([ids.get(one, one) for one in named],
                                         ensure_ascii=False)
    return changed


@functools.cache
def _id_columns(section_name: str) -> tuple[tuple[str, str, bool], ...]:
    """(column, section it names, a JSON list) for each column of the section holding ids;
    asked for every record of a file, worked out once per section."""
    columns: list[tuple[str, str, bool]] = []
    if section_name in (ACCOUNT_TABLE.name, "stakeholders", "team_members"):
        columns.append(("id", section_name, False))
    owner = rules.OWNERS.get(section_name)
    if owner is not None:
        columns.append((owner[0], owner[1], False))
    if section_name != ACCOUNT_TABLE.name:
        columns += [(column, target, is_list) for column, target, _, is_list
                    in rules.references(section_named(section_name))]
    return tuple(columns)


def _not_here(repos: Repositories, section_name: str,
              sections: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The section's records whose id this workspace does not have."""
    records = sections[section_name]
    here = stored_records(repos.session, section_named(section_name),
                          [(r["id"],) for r in records])
    return [r for r in records if (r["id"],) not in here]
