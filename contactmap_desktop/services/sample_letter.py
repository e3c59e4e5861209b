"""A sponsor letter for the sample account, so the composer and the PDF show something real."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from contactmap_desktop.domain.letters import Milestone, PainStatement
from contactmap_desktop.services.contact_map_service import ContactMapService
from contactmap_desktop.services.letters import LetterService


def create_sample_letter(letters: LetterService, contact_maps: ContactMapService,
                         account_id: str) -> str:
    """Draft and save the sample letter (to the account's sponsor); return its id."""
    draft = letters.draft(contact_maps.load_map(account_id))
    day = draft.letter_date
    letter = replace(
        draft,
        subject="Route optimisation for Northwind: from pilot to three-year rollout",
        sender_title="Account Executive",
        signature="Mobile +44 20 7946 0000 · jordan.blake@ours.example",
        pains=(
            PainStatement("Every Monday my planners rebuild the week's routes by hand, and by "
                          "Wednesday the plan is already wrong.", "Zoë Müller, Warehouse "
                          "Operations Manager"),
            PainStatement("We pay for empty kilometres on almost one truck in five.",
                          "李伟, Transport Planning Manager"),
        ),
        current_method="Routes are planned in spreadsheets kept by each depot, copied from the "
                       "previous week and corrected by phone as orders change.",
        results="In the two pilot depots, 18% of kilometres were driven empty last quarter and "
                "late deliveries rose to 7% of drops.",
        impact="Volumes are expected to grow by a quarter next year. Without a change the same "
               "team would need two more planners, and late deliveries put the renewal of the "
               "retail contracts at risk.",
        solution="Our route optimisation service plans every depot's week overnight from the "
                 "live order book and re-plans within minutes when an order changes. Planners "
                 "review and approve rather than rebuild.",
        value="In the pilot depots, empty kilometres fell from 18% to 11% in six weeks. Across "
              "all depots that is about £1.2 million a year in fuel and driver hours, and it "
              "frees planners for exceptions and customers.",
        milestones=(
            Milestone("Pilot results reviewed with Operations", "Priya Raman, Northwind",
                      day + timedelta(days=14), "Empty kilometres below 12% in both depots"),
            Milestone("Security and data review", "Tomás Herrera, Northwind",
                      day + timedelta(days=28), "Review signed off without open findings"),
            Milestone("Commercial proposal to Finance", "Jordan Blake, our team",
                      day + timedelta(days=35), "Proposal accepted for the budget round"),
            Milestone("Purchase order issued", "Daniel Okafor, Northwind", None,
                      "PO received for the three-year contract"),
        ),
        closing_note="We are one team on this now. With your help in guiding the proposal "
                     "through Finance and Purchasing, we can have all depots planning with the "
                     "new service before the peak season.",
    )
    return letters.save(letter).value.id
