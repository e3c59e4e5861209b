"""Counted nouns agree with their count, in every sentence that uses the helper."""

import pytest

from contactmap_desktop.domain.wording import counted, noun_for


@pytest.mark.parametrize(("count", "noun", "plural", "expected"), [
    (0, "team member", None, "0 team members"),
    (1, "team member", None, "1 team member"),
    (2, "team member", None, "2 team members"),
    (8, "stakeholder", None, "8 stakeholders"),
    (1, "person", "people", "1 person"),
    (3, "person", "people", "3 people"),
    (-1, "day", None, "-1 days"),
])
def test_counted_agrees_with_the_count(count: int, noun: str, plural: str | None,
                                       expected: str) -> None:
    assert counted(count, noun, plural) == expected


def test_zero_can_read_as_a_word() -> None:
    assert counted(0, "grade change", zero="no") == "no grade changes"
    assert counted(1, "grade change", zero="no") == "1 grade change"


def test_noun_alone() -> None:
    assert noun_for(1, "page") == "page"
    assert noun_for(2, "page") == "pages"
    assert noun_for(2, "criterion", "criteria") == "criteria"
