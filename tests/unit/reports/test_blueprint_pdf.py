"""The printed blueprints: user text escaped and in Unicode, one page per plan, colored grades."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from contactmap_desktop.domain.blueprints import (
    Blueprint,
    BlueprintStatus,
    BlueprintSummary,
    Strategy,
    goal_warning,
)
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.paper import PaperSize
from contactmap_desktop.reports.blueprint_pdf import BlueprintsDocument, write_blueprints_pdf
from tests.helpers.pdf_checks import ink_share, needs_poppler, page_count, pdf_text, rendered_page


def _summary(name: str, current: Grade | None, goal: Grade, *, overdue: bool = False,
             **fields: object) -> BlueprintSummary:
    blueprint = Blueprint(id=name, account_id="a", stakeholder_id="s-" + name,
                          cells=(CellRef("t1", "s-" + name),), goal=goal, **fields)  # type: ignore[arg-type]
    return BlueprintSummary(blueprint, name, ("José Núñez",), current, "Ann <Lead>", overdue,
                            goal_warning(current, goal))


def _write(tmp_path: Path, summaries: list[BlueprintSummary]) -> Path:
    out = tmp_path / "blueprints.pdf"
    write_blueprints_pdf(out, BlueprintsDocument("Northwind & <Sons>", summaries,
                                                 date(2026, 3, 5), PaperSize.A4))
    return out


@needs_poppler
def test_user_text_with_markup_characters_and_non_latin_names_prints_intact(
        tmp_path: Path) -> None:
    summaries = [
        _summary("李伟 & <Partners>", Grade.SATISFIED, Grade.OPEN,
                 strategies=(Strategy.RECIPROCITY, Strategy.SOCIAL_PROOF),
                 tactics="Share the Q3 <benchmark> & the R&D roadmap",
                 messages="Costs down > 10%\nfaster audits", resources="<b>Dr. Ōta</b>",
                 due=date(2026, 3, 1), status=BlueprintStatus.IN_PROGRESS,
                 notes="Ирина знает"),
        _summary("Zoë Müller", None, Grade.OPEN, overdue=False),
    ]
    out = _write(tmp_path, summaries)
    text = " ".join(pdf_text(out).split())
    for expected in ["Contact Blueprints — Northwind & <Sons>", "5 March 2026", "2 blueprints",
                     "Blueprint — 李伟 & <Partners>", "Share the Q3 <benchmark> & the R&D roadmap",
                     "• Costs down > 10% • faster audits", "<b>Dr. Ōta</b>", "Ирина знает",
                     "Ann <Lead>", "José Núñez", "IOU, Everybody's doing it", "In progress",
                     "From Satisfied to Open", "Blueprint — Zoë Müller",
                     "From no relationship yet to Open", "levels above"]:
        assert expected in text, expected
    assert page_count(out) == 3  # the overview, then one page per blueprint


@needs_poppler
def test_an_account_without_blueprints_says_so(tmp_path: Path) -> None:
    out = _write(tmp_path, [])
    assert "no blueprints yet" in pdf_text(out)
    assert page_count(out) == 1


@needs_poppler
def test_the_overview_page_renders_with_ink(tmp_path: Path) -> None:
    out = _write(tmp_path, [_summary("Ada", Grade.INDIFFERENT, Grade.SATISFIED, overdue=True,
                                     due=date(2026, 3, 1))])
    assert "1 Mar 2026 (overdue)" in pdf_text(out)
    assert 0.005 < ink_share(rendered_page(out, 1, tmp_path)) < 0.6


@needs_poppler
def test_tactics_are_bulleted_and_a_long_plan_says_whose_it_is_on_every_page(
        tmp_path: Path) -> None:
    tactics = "\n".join(f"Tactic {n}: invite the finance team to the quarterly review of the "
                        "pilot's savings, with the figures they asked for" for n in range(1, 40))
    out = _write(tmp_path, [_summary("Ελένη Παπαδοπούλου", Grade.SATISFIED, Grade.OPEN,
                                     tactics=tactics, notes="Short note.")])
    text = pdf_text(out)
    assert text.count("•") >= 39  # one bullet per tactic, none for the wrapped lines
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 3
    assert "Blueprint — Ελένη Παπαδοπούλου (continued)" not in pages[1]  # its first page
    for page in pages[2:]:
        assert "Blueprint — Ελένη Παπαδοπούλου (continued)" in page
        assert "Northwind & <Sons> · Contact Blueprints" in page
    # The plan's first page is filled, not left three-quarters empty.
    assert "Tactic 1:" in pages[1] and "Tactic 12:" in pages[1]


@needs_poppler
def test_a_long_owner_name_breaks_with_a_hyphen_not_mid_word(tmp_path: Path) -> None:
    summary = _summary("Ann", Grade.SATISFIED, Grade.OPEN)
    out = _write(tmp_path, [replace(summary, owner_name="Ελένη Παπαδοπούλου")])
    pieces = [word for line in pdf_text(out, layout=True).splitlines() for word in line.split()]
    assert "Παπα-" in pieces and "δοπούλου" in pieces  # was Παπαδ / οπούλου, no hyphen
