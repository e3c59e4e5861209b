"""Cell details in plain words, the Focus filter's cells, and the grade timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from contactmap_desktop.domain.cell_details import GRADE_MEANINGS, cell_details, focus_text
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.dates import ISO
from contactmap_desktop.domain.findings import coverage_findings
from contactmap_desktop.domain.focus import focus_cells
from contactmap_desktop.domain.grade_timeline import grade_distribution
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import FocusPeriod, GradeChange
from contactmap_desktop.domain.people import BuyingRole, Seniority
from tests.helpers.map_values import build_map, cell, member, stakeholder

TODAY = date(2026, 3, 11)


def _two_by_two():  # type: ignore[no-untyped-def]
    return build_map(
        [stakeholder("Ada", Seniority.EXECUTIVE, {BuyingRole.POWER, BuyingRole.ADVISOR}),
         stakeholder("Bo")],
        [member("Rep"), member("Eng")],
        {("Rep", "Ada"): "O", ("Eng", "Ada"): "I", ("Rep", "Bo"): "S"},
    )


def test_details_of_a_graded_key_cell_with_leverage() -> None:
    contact_map = _two_by_two()
    source, target = cell("Rep", "Ada"), cell("Eng", "Ada")
    contact_map.put(replace(contact_map.relationship(source), leverage_for=(target,)))
    contact_map.put(replace(contact_map.relationship(target), is_key=True,
                            focus_period=FocusPeriod.DAYS_30, focus_due=TODAY + timedelta(9)))
    details = cell_details(contact_map, target, TODAY)
    assert details.grade is Grade.INDIFFERENT
    assert details.meaning == GRADE_MEANINGS[Grade.INDIFFERENT]
    assert details.roles == "Power, Advisor"
    assert details.reviewed == "Last reviewed 1 Mar 2026 (10 days ago)."
    assert details.focus == "Key relationship for 30 days, due in 9 days (20 Mar 2026)."
    assert details.leveraged_by == ("Rep ↔ Ada",)
    assert cell_details(contact_map, source, TODAY).leverage_for == ("Eng ↔ Ada",)
    in_window = cell_details(contact_map, target, TODAY, ISO)  # the window's date style
    assert in_window.reviewed == "Last reviewed 2026-03-01 (10 days ago)."
    assert in_window.focus.endswith("(2026-03-20).")
    lines = details.lines()
    assert lines[0] == "Eng ↔ Ada" and "Helped by: Rep ↔ Ada" in lines


def test_a_blank_cell_is_not_indifferent() -> None:
    details = cell_details(_two_by_two(), cell("Eng", "Bo"), TODAY)
    assert details.grade is None
    assert "not the same as Indifferent" in details.meaning
    assert details.reviewed == "Not graded yet."
    assert details.focus == ""


@pytest.mark.parametrize(("due_in", "text"), [
    (None, "Key relationship for 60 days."),
    (2, "due in 2 days"), (1, "due tomorrow"), (0, "due today"), (-3, "overdue by 3 days"),
])
def test_focus_text(due_in: int | None, text: str) -> None:
    due = None if due_in is None else TODAY + timedelta(due_in)
    assert text in focus_text(True, 60, due, TODAY)
    assert focus_text(False, 60, due, TODAY) == ""


@pytest.mark.parametrize(("due_in", "period", "in_focus"), [
    (30, FocusPeriod.DAYS_30, True),  # exactly at the horizon
    (31, FocusPeriod.DAYS_30, False),
    (31, FocusPeriod.DAYS_60, True),
    (75, FocusPeriod.DAYS_60, False),
    (75, FocusPeriod.DAYS_90, True),
    (-5, FocusPeriod.DAYS_30, True),  # overdue stays in focus
    (None, FocusPeriod.DAYS_30, True),
])
def test_key_cells_in_focus_by_due_date(due_in: int | None, period: FocusPeriod,
                                        in_focus: bool) -> None:
    contact_map = _two_by_two()
    key = cell("Rep", "Bo")
    due = None if due_in is None else TODAY + timedelta(due_in)
    contact_map.put(replace(contact_map.relationship(key), is_key=True, focus_due=due))
    findings = coverage_findings(contact_map, CoverageThresholds(), TODAY)
    chosen = focus_cells(contact_map, findings, TODAY, period)
    assert (key in chosen) is in_focus
    assert cell("Eng", "Ada") in chosen  # Indifferent: a concern is always in focus
    assert cell("Rep", "Ada") not in chosen  # Open, not key


def test_grade_distribution_replays_history_per_day() -> None:
    a, b, gone = cell("m", "A"), cell("m", "B"), cell("x", "A")
    start = datetime(2026, 1, 1, 9)
    changes = [
        GradeChange("1", a, None, Grade.SATISFIED, start),
        GradeChange("2", b, None, Grade.INDIFFERENT, start + timedelta(hours=1)),
        GradeChange("3", gone, None, Grade.TRUST, start + timedelta(days=1)),
        GradeChange("4", a, Grade.SATISFIED, Grade.OPEN, start + timedelta(days=2)),
        GradeChange("5", b, Grade.INDIFFERENT, None, start + timedelta(days=2, hours=1)),
    ]
    points = grade_distribution(reversed(changes), frozenset({a, b}))
    assert [p.day for p in points] == [date(2026, 1, 1), date(2026, 1, 3)]
    assert points[0].counts[Grade.SATISFIED] == 1 and points[0].counts[Grade.INDIFFERENT] == 1
    assert points[1].counts[Grade.OPEN] == 1 and points[1].total == 1
    assert grade_distribution([]) == []
