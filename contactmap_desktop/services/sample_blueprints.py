"""Contact Blueprints for the sample account, so the Blueprint panel, the Blueprints tab and
the blueprint PDF show real plans at once.

Two of the sample's three key relationships get a plan, each one level up and due when its
focus period ends: the COO who has drifted to Indifferent, and the transport planner who is
Dissatisfied. The third, the CFO who is Motivated to change, is left without one on purpose:
the findings then point a new user at the most urgent relationship, and the Blueprint panel
offers to plan it.
"""

from __future__ import annotations

from datetime import date, timedelta

from contactmap_desktop.domain.blueprints import Blueprint, BlueprintStatus, Strategy
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, new_id
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.contact_map_service import ContactMapService

# (team member, stakeholder, goal, status, strategies, tactics, messages, resources, notes)
_PLANS = [
    (
        "Jordan Blake", "Helena Vogt", Grade.SATISFIED, BlueprintStatus.IN_PROGRESS,
        (Strategy.SOCIAL_PROOF, Strategy.RECIPROCITY),
        "Ask Priya Raman to show the pilot depots' results at Helena's monthly operations "
        "review, with Jordan in the room to answer questions.\n"
        "Within a week, send Helena a one-page summary written for her: empty kilometres, "
        "late drops and planner hours, before and after.\n"
        "Offer, with nothing asked in return, our comparison of planning costs across "
        "twelve regional carriers, prepared for Northwind and not published.\n"
        "Invite her to visit a peer carrier that runs the service in every depot.",
        "The pilot already pays for itself in two depots.\n"
        "Carriers of your size have moved every depot within one season.\n"
        "We plan the rollout around your peak season, not ours.",
        "Priya Raman (Open with Jordan) to bring the results to Helena; Rita Sandoval for the "
        "peer visit; the pilot dashboard; a reference call with the operations director of a "
        "peer carrier; the planning cost comparison.",
        "Helena was Satisfied after the assessment but has heard of the pilot only second-hand "
        "since: nothing went wrong, she simply has no reason to think of us. Give her one.",
    ),
    (
        "Alex Novak", "李伟", Grade.INDIFFERENT, BlueprintStatus.PLANNED,
        (Strategy.COMMITMENT, Strategy.LIKING),
        "Meet 李伟 in person, listen first, and write down the three problems that cost his "
        "planners most since the pilot began.\n"
        "Agree one fix for each with a date, send the list the same day, and report against "
        "it every Friday until all three are closed.\n"
        "Bring Sam Patel, whom he is Open with, to the first two meetings.",
        "We heard you, and here is what we will do, by when.\n"
        "Your planners know the routes better than any tool: the service should follow them.",
        "Sam Patel (Open with 李伟); Morgan Chen for the fixes to the order import; the "
        "pilot's exception log.",
        "The overnight plans ignored the Leeds depot's loading times, and his team redid them "
        "by hand for two weeks. He is not against the service; he is tired of cleaning up "
        "after it. Indifferent is the realistic next step; Satisfied comes once the fixes hold.",
    ),
]


def create_sample_blueprints(blueprints: BlueprintService, contact_maps: ContactMapService,
                             account_id: str, today: date) -> list[str]:
    """Save the sample's blueprints, due at the end of their cells' focus periods counted
    from ``today``; return their ids."""
    loaded = contact_maps.load_map(account_id)
    who = {s.name: s.id for s in loaded.stakeholders} | {t.name: t.id
                                                         for t in loaded.team_members}
    saved = []
    for (member, person, goal, status, strategies, tactics, messages, resources,
         notes) in _PLANS:
        cell = CellRef(who[member], who[person])
        period = loaded.relationship(cell).focus_period
        saved.append(blueprints.create(Blueprint(
            id=new_id(), account_id=account_id, stakeholder_id=who[person], cells=(cell,),
            goal=goal, strategies=strategies, tactics=tactics, messages=messages,
            resources=resources, owner_id=who[member],
            due=today + timedelta(days=period.value) if period else None, status=status,
            notes=notes,
        )).value.id)
    return saved
