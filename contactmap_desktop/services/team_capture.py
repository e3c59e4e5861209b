"""Taking this laptop's edits for the team server: each written record compared with what
was last agreed; each differing field becomes a change stamped by the hybrid clock."""


from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from contactmap_desktop.domain.field_merge import COPY
from contactmap_desktop.domain.hybrid_clock import next_stamp
from contactmap_desktop.storage.account_sections import TableSection
from contactmap_desktop.storage.schema import (
    TeamLinkRow,
)
from contactmap_desktop.storage.team_local import (
    DELETED,
    NEVER_DELETED,
    SYNCED_SECTIONS,
    Shadow,
    TeamStore,
    record_key,
    synced_fields,
)


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


def capture(store: TeamStore, now: datetime, seed_account: str | None = None) -> int:
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
