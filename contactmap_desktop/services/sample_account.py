"""The sample account a new workspace starts with, so the method is visible at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import (
    AccountStage,
    CellRef,
    FocusPeriod,
    Relationship,
    Stakeholder,
    TeamMember,
    new_id,
)
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.services.account_service import AccountService
from contactmap_desktop.services.contact_map_service import ContactMapService

P, U, A, E = BuyingRole.POWER, BuyingRole.USER, BuyingRole.ADVISOR, BuyingRole.EVANGELIST
EXEC, SR, MGR, IC = (
    Seniority.EXECUTIVE, Seniority.SENIOR_MANAGER, Seniority.MANAGER,
    Seniority.INDIVIDUAL_CONTRIBUTOR,
)

SAMPLE_ACCOUNT_NAME = "Northwind Logistics"

# name, title, department, seniority, roles, reports to (by name)
_STAKEHOLDERS = [
    ("Helena Vogt", "Chief Operating Officer", "Operations", EXEC, {P}, None),
    ("Marcus Reid", "Chief Financial Officer", "Finance", EXEC, {P, A}, None),
    ("Priya Raman", "VP Supply Chain", "Operations", SR, {P, E}, "Helena Vogt"),
    ("Tomás Herrera", "Director of IT", "IT", SR, {A}, "Marcus Reid"),
    ("Zoë Müller", "Warehouse Operations Manager", "Operations", MGR, {U, E}, "Priya Raman"),
    ("Daniel Okafor", "Procurement Lead", "Purchasing", MGR, {A}, "Marcus Reid"),
    ("李伟", "Transport Planning Manager", "Operations", MGR, {U}, "Priya Raman"),
    ("Sara Lindqvist", "Data Analyst", "IT", IC, {U}, "Tomás Herrera"),
    ("Ken Adeyemi", "Legal Counsel", "Legal", SR, {A}, "Marcus Reid"),
    ("Ana Ruiz", "Dispatcher", "Operations", IC, {U}, "李伟"),
]

_TEAM = [
    ("Jordan Blake", "Account Executive", SR),
    ("Morgan Chen", "Solutions Engineer", MGR),
    ("Alex Novak", "Customer Success Manager", MGR),
    ("Rita Sandoval", "VP Sales", EXEC),
    ("Sam Patel", "Implementation Consultant", IC),
]

# (team member, stakeholder) -> grade history, oldest first; the last one is current.
_GRADES: dict[tuple[str, str], list[Grade]] = {
    ("Jordan Blake", "Priya Raman"): [Grade.SATISFIED, Grade.OPEN],
    ("Jordan Blake", "Zoë Müller"): [Grade.OPEN, Grade.TRUST],
    ("Jordan Blake", "Daniel Okafor"): [Grade.INDIFFERENT],
    ("Jordan Blake", "Helena Vogt"): [Grade.SATISFIED, Grade.INDIFFERENT],
    ("Morgan Chen", "Tomás Herrera"): [Grade.SATISFIED],
    ("Morgan Chen", "Sara Lindqvist"): [Grade.SATISFIED, Grade.OPEN],
    ("Morgan Chen", "Zoë Müller"): [Grade.SATISFIED],
    ("Alex Novak", "Zoë Müller"): [Grade.OPEN],
    ("Alex Novak", "李伟"): [Grade.SATISFIED, Grade.DISSATISFIED],
    ("Alex Novak", "Ana Ruiz"): [Grade.SATISFIED],
    ("Alex Novak", "Sara Lindqvist"): [Grade.SATISFIED],
    ("Alex Novak", "Priya Raman"): [Grade.SATISFIED],
    ("Rita Sandoval", "Marcus Reid"): [Grade.INDIFFERENT, Grade.MOTIVATED],
    ("Sam Patel", "李伟"): [Grade.OPEN],
    ("Sam Patel", "Ana Ruiz"): [Grade.OPEN],
}


def create_sample_account(accounts: AccountService, contact_maps: ContactMapService) -> str:
    """Create the sample account with its people, grades, history and marks; return its id."""
    account = accounts.create_account(SAMPLE_ACCOUNT_NAME, "Freight and logistics",
                                      AccountStage.PILOT).value
    accounts.update_account(replace(
        account,
        annual_value=240_000,
        currency="USD",
        renewal_date=date.today() + timedelta(days=150),
        notes="Pilot of route optimisation in two regional depots; decision on a "
              "three-year contract expected next quarter.",
    ))
    # Ids first, so that managers can be referred to before they are saved.
    ids = {row[0]: new_id() for row in _STAKEHOLDERS}
    for position, (name, title, department, seniority, roles, manager) in enumerate(_STAKEHOLDERS):
        contact_maps.add_stakeholder(Stakeholder(
            id=ids[name], account_id=account.id, name=name, title=title, department=department,
            seniority=seniority, roles=frozenset(roles), position=position,
            email=_email(name, "northwind.example"),
            reports_to_id=ids[manager] if manager else None,
        ))
    for name, title, seniority in _TEAM:
        member = contact_maps.add_team_member(
            account.id, TeamMember(new_id(), name, title, seniority, _email(name, "ours.example"))
        ).value
        ids[name] = member.id
    for (member_name, stakeholder_name), grades in _GRADES.items():
        cell = CellRef(ids[member_name], ids[stakeholder_name])
        for grade in grades:
            contact_maps.set_grade(cell, grade)
    _mark(contact_maps, CellRef(ids["Rita Sandoval"], ids["Marcus Reid"]), FocusPeriod.DAYS_30)
    _mark(contact_maps, CellRef(ids["Jordan Blake"], ids["Helena Vogt"]), FocusPeriod.DAYS_30)
    _mark(contact_maps, CellRef(ids["Alex Novak"], ids["李伟"]), FocusPeriod.DAYS_60)
    _mark(contact_maps, CellRef(ids["Rita Sandoval"], ids["Ken Adeyemi"]), needs_filling=True)
    _mark(contact_maps, CellRef(ids["Jordan Blake"], ids["Marcus Reid"]), needs_filling=True)
    # Sam's Open relationship with 李伟 is the way back in for Alex, whom 李伟 is unhappy with.
    contact_maps.update_marks(Relationship(
        cell=CellRef(ids["Sam Patel"], ids["李伟"]),
        leverage_for=(CellRef(ids["Alex Novak"], ids["李伟"]),)))
    return account.id


def _mark(
    contact_maps: ContactMapService, cell: CellRef, key_for: FocusPeriod | None = None,
    needs_filling: bool = False,
) -> None:
    """Mark a cell key for a focus period starting today, or as one that needs filling."""
    contact_maps.update_marks(Relationship(
        cell=cell, is_key=key_for is not None, focus_period=key_for,
        focus_due=date.today() + timedelta(days=key_for.value) if key_for else None,
        needs_filling=needs_filling,
    ))


# How names not written in Latin letters are spelled in e-mail addresses.
_ROMANIZED = {"李伟": "Li Wei"}


def _email(name: str, domain: str) -> str:
    latin = _ROMANIZED.get(name, name)
    ascii_name = latin.lower().replace(" ", ".").encode("ascii", "ignore").decode()
    return f"{ascii_name}@{domain}"
