"""Builders for test data: workspaces with a small known map."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contactmap_desktop.domain.model import (
    Account,
    CellRef,
    Stakeholder,
    TeamMember,
    new_id,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace


@dataclass
class SmallMap:
    """A workspace with one account, three stakeholders and two team members, all blank."""

    opened: OpenWorkspace
    account: Account
    stakeholders: list[Stakeholder]
    team_members: list[TeamMember]

    def cell(self, row: int, column: int) -> CellRef:
        return CellRef(self.team_members[row].id, self.stakeholders[column].id)


def build_small_map(path: Path) -> SmallMap:
    opened = open_workspace(path)
    account = opened.accounts.create_account("Acme Corp", "Manufacturing").value
    stakeholders = [
        opened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=account.id, name=name, title=title,
            seniority=seniority, roles=frozenset(roles), position=position,
        )).value
        for position, (name, title, seniority, roles) in enumerate([
            ("Ada Power", "CEO", Seniority.EXECUTIVE, {BuyingRole.POWER}),
            ("Uma User", "Planner", Seniority.INDIVIDUAL_CONTRIBUTOR, {BuyingRole.USER}),
            ("Abe Advisor", "CTO", Seniority.SENIOR_MANAGER,
             {BuyingRole.ADVISOR, BuyingRole.EVANGELIST}),
        ])
    ]
    team_members = [
        opened.contact_maps.add_team_member(account.id,
                                            TeamMember(new_id(), name, title, seniority)).value
        for name, title, seniority in [
            ("Rep One", "Account Executive", Seniority.SENIOR_MANAGER),
            ("Eng Two", "Solutions Engineer", Seniority.MANAGER),
        ]
    ]
    return SmallMap(opened, account, stakeholders, team_members)
