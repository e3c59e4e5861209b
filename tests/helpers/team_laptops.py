"""Laptops for team sync tests: each a workspace connected to the private team server."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.team_service import TeamService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.storage.account_sections import ACCOUNT_SECTIONS, ACCOUNT_TABLE
from contactmap_desktop.storage.account_tables import export_section
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.team_logins import new_login, prepared

# Kept per laptop by design: the settings of a workspace, and when a change was fetched.
_LOCAL = {"settings"}


@dataclass
class Laptop:
    """One person's workspace, connected to the team server."""

    opened: OpenWorkspace
    team: TeamService
    team_url: str = ""

    @classmethod
    def join(cls, path: Path, url: str, clock: Clock = utc_now) -> Laptop:
        """``clock``: the laptop's own clock (a FakeClock set hours off, say)."""
        opened = open_workspace(path, backups_root=path.parent / f"{path.stem}-backups",
                                clock=clock)
        laptop = cls(opened, opened.services.team, url)
        laptop.team.connect(url)
        return laptop

    def grade(self, cell: CellRef, letter: str | None, note: str = "") -> None:
        self.opened.contact_maps.set_grade(cell, Grade(letter) if letter else None, note)

    def account_id(self, name: str) -> str:
        account = self.opened.accounts.list_accounts()
        return next(a.id for a in account if a.name == name)

    def snapshot(self, account_id: str) -> dict[str, Any]:
        """Everything of the account as an account file would carry it."""
        with UnitOfWork(self.opened.workspace) as repos:
            session = repos.session
            result = {"account": export_section(session, ACCOUNT_TABLE, account_id)}
            result |= {s.name: export_section(session, s, account_id)
                       for s in ACCOUNT_SECTIONS if s.name not in _LOCAL}
        return json.loads(json.dumps(result, sort_keys=True))

    def close(self) -> None:
        self.opened.close()


def ann_and_bob(team_database: str, folder: Path) -> tuple[Laptop, Laptop, SmallMap]:
    """Two reps' laptops: Ann's holds the small map (Acme Corp) and shares it with Bob,
    whose laptop has fetched it."""
    prepared(team_database)
    _, ann_url = new_login(team_database, "rep")
    bob, bob_url = new_login(team_database, "rep")
    small = build_small_map(folder / "ann.cmap")
    small.opened.close()
    ann = Laptop.join(folder / "ann.cmap", ann_url)
    ann.team.share("Acme Corp", [bob])
    bob_laptop = Laptop.join(folder / "bob.cmap", bob_url)
    bob_laptop.team.sync()
    return ann, bob_laptop, small
