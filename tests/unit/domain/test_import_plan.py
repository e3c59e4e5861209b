"""Planning an import: candidates from rows, matching, company filter, errors by line."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.csv_formats import ImportField as F
from contactmap_desktop.domain.csv_text import CsvFileError, Record
from contactmap_desktop.domain.import_plan import (
    Action,
    Candidate,
    merged,
    parse_roles,
    plan_import,
    read_candidates,
)
from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.domain.people import BuyingRole, Seniority

FIELDS = (F.FIRST_NAME, F.LAST_NAME, F.TITLE, F.COMPANY, F.EMAIL)


def records(*rows: tuple[str, ...]) -> list[Record]:
    return [Record(line, cells) for line, cells in enumerate(rows, start=2)]


def test_candidates_join_names_and_guess_seniority() -> None:
    [candidate] = read_candidates(records(("Ada", "Lovelace", "CTO", "Acme", "a@x")), FIELDS)
    assert isinstance(candidate, Candidate)
    assert candidate.name == "Ada Lovelace"
    assert candidate.seniority is Seniority.EXECUTIVE
    assert not candidate.seniority_given


def test_blank_rows_are_kept_as_their_line_and_short_rows_are_padded() -> None:
    result = read_candidates(records(("", "", "", "", ""), ("Bob", "Stone")), FIELDS)
    assert result[0] == 2
    assert isinstance(result[1], Candidate) and result[1].title == ""


@pytest.mark.parametrize(("row", "message"), [
    (("", "", "CEO", "Acme", ""), "Line 3: the row has no name"),
    (("A" * 130, "", "", "", ""), "Line 3: The stakeholder name is 130"),
    (("Ada", "L", "", "", "", "surplus"), "Line 3: the row has 6 fields"),
])
def test_a_bad_row_names_its_line(row: tuple[str, ...], message: str) -> None:
    rows = records(("Fine", "Person", "", "", ""), row)
    with pytest.raises(CsvFileError, match=message):
        read_candidates(rows, FIELDS)


def test_without_a_name_column_nothing_is_read() -> None:
    with pytest.raises(CsvFileError, match="no column is mapped to the name"):
        read_candidates(records(("x",)), (F.TITLE,), header_line=4)


def test_invalid_seniority_cell_is_an_error() -> None:
    with pytest.raises(CsvFileError, match="Line 2: .*not a seniority"):
        read_candidates(records(("Ada", "boss")), (F.NAME, F.SENIORITY))


@pytest.mark.parametrize(("text", "roles"), [
    ("Power, User", {BuyingRole.POWER, BuyingRole.USER}),
    ("PE", {BuyingRole.POWER, BuyingRole.EVANGELIST}),
    ("advisor/evangelist", {BuyingRole.ADVISOR, BuyingRole.EVANGELIST}),
])
def test_roles(text: str, roles: set[BuyingRole]) -> None:
    assert parse_roles(text) == roles


def _existing() -> list[Stakeholder]:
    return [
        Stakeholder("s1", "acc", "Ada Lovelace", title="CTO", email="ADA@x.example",
                    seniority=Seniority.SENIOR_MANAGER),
        Stakeholder("s2", "acc", "Bob Stone", title="Planner"),
    ]


def test_match_by_email_then_name_and_skip_duplicates_and_other_companies() -> None:
    candidates = read_candidates(records(
        ("Ada", "L.", "Chief Technology Officer", "Acme", "ada@x.example"),  # email match
        ("bob", "stone", "Planner", "Acme", ""),                             # name, unchanged
        ("Cy", "New", "Analyst", "Acme Inc", ""),                            # new
        ("Cy", "New", "Analyst", "Acme Inc", ""),                            # duplicate
        ("Di", "Else", "CEO", "Globex", ""),                                 # filtered out
        ("", "", "", "", ""),
    ), FIELDS)
    plan = plan_import(candidates, _existing(), company_filter="acme")
    assert [(p.line, p.action, p.existing_id) for p in plan] == [
        (2, Action.UPDATE, "s1"), (3, Action.SKIP, "s2"), (4, Action.ADD, None),
        (5, Action.SKIP, None), (6, Action.SKIP, None), (7, Action.SKIP, None),
    ]
    assert [p.reason for p in plan if p.action is Action.SKIP] == [
        "already up to date", "same person as line 4", "company “Globex” not selected",
        "blank row",
    ]


def test_a_guessed_seniority_never_overrides_a_stored_one_but_an_edit_does() -> None:
    [candidate] = read_candidates(records(("Ada", "X", "CEO", "", "ada@x.example")), FIELDS)
    assert isinstance(candidate, Candidate)
    ada = _existing()[0]
    after = merged(ada, candidate)
    assert after.seniority is Seniority.SENIOR_MANAGER
    assert after.name == "Ada Lovelace" and after.title == "CEO"
    plan = plan_import([candidate], [ada], seniority_overrides={2: Seniority.EXECUTIVE})
    assert plan[0].candidate is not None and plan[0].candidate.seniority_given
    assert merged(ada, plan[0].candidate).seniority is Seniority.EXECUTIVE
