"""Seniority guessed from job titles."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.domain.seniority_guess import guess_seniority

EXEC, SR, MGR, IC = (Seniority.EXECUTIVE, Seniority.SENIOR_MANAGER, Seniority.MANAGER,
                     Seniority.INDIVIDUAL_CONTRIBUTOR)


@pytest.mark.parametrize(("title", "expected"), [
    ("CEO", EXEC), ("Chief Financial Officer", EXEC), ("cfo & co-founder", EXEC),
    ("Managing Director", EXEC), ("SVP Operations", EXEC), ("President", EXEC),
    ("VP, Supply Chain", SR), ("Vice President Sales", SR), ("Head of IT", SR),
    ("Director of IT", SR), ("Regional Director", SR),
    ("Warehouse Operations Manager", MGR), ("Procurement Lead", MGR),
    ("Data Analyst", IC), ("Dispatcher", IC), ("Directory Services Analyst", IC),
    ("Headhunter", IC), ("", MGR),
])
def test_guess(title: str, expected: Seniority) -> None:
    assert guess_seniority(title) is expected
