"""Screenshots: the PDFs of an international account (every script the PDFs print)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from shots.common import OUT


def shoot_international(folder: Path) -> list[Path]:
    """The Contact Map, the power map and a sponsor letter of the 66-person international
    account (tests/helpers/international.py), first pages, on US Letter and A4."""
    from contactmap_desktop.domain.letter_template import LetterTemplate
    from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter
    from contactmap_desktop.domain.paper import PaperSize
    from contactmap_desktop.reports.contact_map_pdf import (
        ContactMapDocument,
        write_contact_map_pdf,
    )
    from contactmap_desktop.reports.power_map_pdf import PowerMapDocument, write_power_map_pdf
    from contactmap_desktop.reports.sponsor_letter_pdf import (
        SponsorLetterDocument,
        write_sponsor_letter_pdf,
    )
    from tests.helpers.international import CORPUS, NAMES, international_account

    account = international_account()
    letter = SponsorLetter(
        "intl", account.account.id, date(2026, 3, 12), subject="توسيع المشروع — next steps",
        addressee_name=CORPUS["japanese"][0], salutation="佐藤様",
        addressee_title=CORPUS["japanese"][1], addressee_company=account.account.name,
        sender_name="José Núñez", sender_title="Account Executive",
        pains=tuple(PainStatement(title, name) for name, title in list(CORPUS.values())[3:8]),
        current_method="Planners in " + ", ".join(NAMES[:6]) + " copy last week's routes.",
        solution="Overnight route planning for every depot.", value="Two days a week back.",
        milestones=tuple(Milestone(f"Review with {name}", name, date(2026, 4, n + 1), "Signed")
                         for n, name in enumerate(NAMES[3:9])))
    pdfs = {
        "intl-map-pdf": (folder / "map.pdf", 1),
        "intl-power-map-pdf": (folder / "power.pdf", 1),
        "intl-letter-pdf": (folder / "letter.pdf", 1),
    }
    write_contact_map_pdf(pdfs["intl-map-pdf"][0], ContactMapDocument(
        account, [], date(2026, 3, 12), PaperSize.LETTER))
    write_power_map_pdf(pdfs["intl-power-map-pdf"][0], PowerMapDocument.from_map(account))
    write_sponsor_letter_pdf(pdfs["intl-letter-pdf"][0], SponsorLetterDocument(
        letter, LetterTemplate(), "Meridian Routing Ltd", None, PaperSize.A4))
    shots = []
    for name, (pdf, page) in pdfs.items():
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(OUT / name)], check=True)
        shots.append(OUT / f"{name}.png")
    return shots
