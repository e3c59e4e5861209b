"""Assembling a printable sponsor letter: the letter plus the printing settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from contactmap_desktop.domain.errors import NotFoundError, ValidationError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.storage.inbound_files import check_ordinary_file

MAX_LOGO_BYTES = 20 * 1024 * 1024

if TYPE_CHECKING:  # ReportLab is imported when a letter is printed, not at start-up
    from contactmap_desktop.reports.sponsor_letter_pdf import SponsorLetterDocument


def usable_logo(logo: str) -> Path | None:
    """The logo to print, or None (printed without one) when the setting names no ordinary
    image file of a sane size: a pipe or a device would hang the letter's every preview."""
    if not logo.strip():
        return None
    try:
        check_ordinary_file(Path(logo), MAX_LOGO_BYTES, "a logo")
    except ValidationError:
        return None
    return Path(logo)


@dataclass(frozen=True)
class Letterhead:
    """The printing settings a letter needs, read once (the composer's preview is rebuilt at
    every keystroke and should not query the workspace each time)."""

    template: LetterTemplate
    company_name: str
    logo: Path | None
    paper_size: PaperSize

    @classmethod
    def read(cls, settings: ReportSettings) -> Letterhead:
        return cls(settings.template(), settings.company_name(), usable_logo(settings.logo_path()),
                   settings.paper_size())


def letter_document(letter: SponsorLetter, letterhead: Letterhead) -> SponsorLetterDocument:
    from contactmap_desktop.reports.sponsor_letter_pdf import SponsorLetterDocument

    return SponsorLetterDocument(letter, letterhead.template, letterhead.company_name,
                                 letterhead.logo, letterhead.paper_size)


def letter_pdf_bytes(letter: SponsorLetter, settings: ReportSettings) -> bytes:
    from contactmap_desktop.reports.sponsor_letter_pdf import build_sponsor_letter_pdf

    return build_sponsor_letter_pdf(letter_document(letter, Letterhead.read(settings)))


def export_letter(letter: SponsorLetter, settings: ReportSettings, out: Path) -> None:
    from contactmap_desktop.reports.sponsor_letter_pdf import write_sponsor_letter_pdf

    write_sponsor_letter_pdf(out, letter_document(letter, Letterhead.read(settings)))


def pick_letter(letters: list[SponsorLetter], letter_id: str | None,
                account_name: str) -> SponsorLetter:
    """The letter named by id (or a unique id prefix), else the newest; a clear error if none."""
    if not letters:
        raise NotFoundError(f"{account_name} has no sponsor letters yet.")
    if letter_id is None:
        return letters[0]
    matches = [letter for letter in letters if letter.id.startswith(letter_id.strip())]
    if len(matches) != 1 or not letter_id.strip():
        listed = ", ".join(f"{letter.id[:8]} ({letter.title})" for letter in letters[:5])
        raise NotFoundError(f"No single letter of {account_name} has the id {letter_id[:40]}; "
                            f"its letters: {listed}.")
    return matches[0]
