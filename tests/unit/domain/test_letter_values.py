"""Sponsor letter values: undated milestones flagged, revisions, limits, the template."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.letter_template import LetterTemplate
from contactmap_desktop.domain.letters import Milestone, SponsorLetter, blank_letter
from contactmap_desktop.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX


def test_milestones_without_a_date_are_flagged() -> None:
    letter = SponsorLetter("l", "a", date(2026, 1, 5), milestones=(
        Milestone("Review", due=date(2026, 2, 1)), Milestone("PO"), Milestone("Go live")))
    assert letter.undated_milestones == [1, 2]
    assert not letter.milestones[0].needs_date


def test_a_revision_is_a_new_dated_copy_pointing_back() -> None:
    original = SponsorLetter("l1", "a", date(2026, 1, 5), subject="Plan",
                             milestones=(Milestone("Review"),))
    copy = original.revision(date(2026, 2, 1))
    assert copy.id != original.id and copy.based_on_id == "l1"
    assert copy.letter_date == date(2026, 2, 1)
    assert (copy.subject, copy.milestones) == (original.subject, original.milestones)


@pytest.mark.parametrize(("field", "limit"), [("subject", SHORT_TEXT_MAX),
                                              ("solution", LONG_TEXT_MAX)])
def test_too_long_text_names_the_field(field: str, limit: int) -> None:
    letter = SponsorLetter("l", "a", date(2026, 1, 5), **{field: "x" * (limit + 1)})
    with pytest.raises(ValidationError, match=field):
        letter.checked()


def test_milestone_json_round_trip() -> None:
    for milestone in (Milestone("a", "b", date(2026, 3, 1), "c"), Milestone()):
        assert Milestone.from_json(milestone.to_json()) == milestone


def test_blank_letter_has_one_empty_quote_to_fill() -> None:
    letter = blank_letter("a", date(2026, 1, 5), account_name="Northwind")
    assert letter.addressee_company == "Northwind" and len(letter.pains) == 1


def test_template_greeting_and_json() -> None:
    template = LetterTemplate(salutation="Hello {name}!")
    assert template.greeting("Zoë") == "Hello Zoë!"
    assert LetterTemplate(salutation="To whom it may concern,").greeting("Zoë") == \
        "To whom it may concern,"
    assert LetterTemplate.from_json(template.to_json()) == template
    assert LetterTemplate.from_json({"closing": "Best,", "unknown": 1}).closing == "Best,"
    with pytest.raises(ValidationError):
        LetterTemplate.from_json(["not", "a", "dict"])
    with pytest.raises(ValidationError):
        LetterTemplate(closing="x" * 401)


def test_a_letter_lacking_a_sender_a_recap_or_a_solution_says_so() -> None:
    from datetime import date

    from contactmap_desktop.domain.letters import PainStatement, SponsorLetter

    empty = SponsorLetter("l", "a", date(2026, 1, 5))
    assert empty.gaps() == ["it names no sender", "its recap is empty", "its solution is empty"]
    quoted = SponsorLetter("l", "a", date(2026, 1, 5), sender_name="Ann Lee",
                           pains=(PainStatement("Routes take days", "Priya"),), solution="Plan")
    assert quoted.gaps() == []
    assert SponsorLetter("l", "a", date(2026, 1, 5), sender_name=" ", impact="Late",
                         solution="Plan").gaps() == ["it names no sender"]


def test_a_template_s_dates_and_what_it_refuses() -> None:
    spanish = LetterTemplate(date_pattern="d 'de' MMMM 'de' yyyy",
                             month_names="enero febrero marzo abril mayo junio julio agosto "
                                         "septiembre octubre noviembre diciembre")
    assert spanish.long_dates().format(date(2027, 1, 11)) == "11 de enero de 2027"
    assert spanish.short_dates().format(date(2027, 1, 11)) == "11 de ene de 2027"
    assert LetterTemplate().long_dates().format(date(2027, 1, 11)) == "11 January 2027"
    with pytest.raises(ValidationError, match="twelve words"):
        LetterTemplate(month_names="Jan Feb")
    with pytest.raises(ValidationError, match="day, month and year"):
        LetterTemplate(date_pattern="MMMM yyyy")


def test_a_done_step_round_trips_and_is_never_overdue() -> None:
    from datetime import date

    from contactmap_desktop.domain.letters import Milestone

    step = Milestone("PO issued", "Daniel", date(2026, 3, 1), "PO received",
                     done_on=date(2026, 3, 2))
    assert Milestone.from_json(step.to_json()) == step
    assert not step.is_overdue(date(2026, 4, 1))
    assert Milestone("PO issued", due=date(2026, 3, 1)).is_overdue(date(2026, 3, 2))
    assert Milestone.from_json({"step": "old file, no done_on"}).done_on is None


def test_the_completeness_check_asks_for_the_articles_steps() -> None:
    """Article 002: "Then detail the next steps needed to reach the delivery. Use hard step
    dates." — and the purchase order is "typically handled through a purchasing agent"."""
    from datetime import date

    from contactmap_desktop.domain.letters import Milestone, PainStatement, SponsorLetter

    base = SponsorLetter("l", "a", date(2026, 3, 1), sender_name="Ann Lee",
                         pains=(PainStatement("It hurts", "Priya"),), solution="Ours")
    steps = (Milestone("Pilot review", "Priya", date(2026, 3, 20), "Go"),
             Milestone("Purchase order issued", "", None, ""))
    assert replace(base, milestones=steps).gaps() == [
        "step 2 has no hard date and no owner and no go/no-go criterion"]
    [gap] = replace(base, milestones=steps[:1]).gaps()
    assert "purchasing agent" in gap
