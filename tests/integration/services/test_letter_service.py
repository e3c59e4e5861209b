"""Sponsor letters stored in a real workspace file: round trip, revisions, deletion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import NotFoundError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import Milestone, PainStatement
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.services.letters import LetterService
from contactmap_desktop.services.report_settings import ReportSettings
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock


def test_a_letter_survives_reopening_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "w.cmap"
    small = build_small_map(path)
    clock = FakeClock()
    service = LetterService(small.opened.workspace, clock)
    contact_map = small.opened.contact_maps.load_map(small.account.id)
    letter = replace(
        service.draft(contact_map),
        subject='R&D <Team> "quoted"', signature="Line one\nLine two",
        pains=(PainStatement("It takes <b>days</b>", "李伟"), PainStatement("Too slow", "")),
        current_method="Spreadsheets", results="Late", impact="Lost deals",
        solution="Ours", value="Time", closing_note="Thanks", salutation="佐藤様",
        milestones=(Milestone("Review", "Zoë Müller", date(2026, 2, 1), "Signed"),
                    Milestone("PO", "José Núñez", None, "PO issued")),
    )
    saved = service.save(letter).value
    assert saved.created_at == clock.now
    small.opened.close()

    reopened = open_workspace(path)
    try:
        [stored] = LetterService(reopened.workspace).list_for_account(small.account.id)
    finally:
        reopened.close()
    assert replace(stored, created_at=None, updated_at=None) == letter
    assert stored.undated_milestones == [1]


def test_revisions_are_kept_newest_first_and_deletion_returns_the_letter(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    clock = FakeClock()
    service = LetterService(small.opened.workspace, clock)
    first = service.save(service.draft(small.opened.contact_maps.load_map(small.account.id))).value
    clock.advance(days=10)
    second = service.new_revision(first.id).value
    assert second.based_on_id == first.id and second.letter_date == clock.now.date()
    assert [letter.id for letter in service.list_for_account(small.account.id)] == \
        [second.id, first.id]
    deleted = service.delete(second.id).value
    assert service.latest(small.account.id) == first
    service.save(deleted)  # what an undo does
    assert service.get(second.id).based_on_id == first.id
    with pytest.raises(NotFoundError):
        service.get("nope")
    small.opened.close()


def test_printing_settings_round_trip(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    settings = ReportSettings(SettingsService(small.opened.workspace))
    assert settings.paper_size() is PaperSize.A4 and settings.company_name() == ""
    settings.save(paper_size=PaperSize.LETTER, company_name=" Meridian ",
                  template=LetterTemplate(closing="Kind regards,"))
    assert settings.paper_size() is PaperSize.LETTER
    assert settings.company_name() == "Meridian"
    assert settings.template().closing == "Kind regards,"
    small.opened.close()
