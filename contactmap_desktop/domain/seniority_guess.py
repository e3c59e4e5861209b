"""Guessing a stakeholder's seniority from a job title, for imports (always editable)."""

from __future__ import annotations

import re

from contactmap_desktop.domain.people import Seniority

# Whole words only, so that "Directory Services Analyst" is not a director.
_EXECUTIVE = re.compile(
    r"\b(chief|ceo|cfo|coo|cto|cio|cmo|cro|cpo|ciso|cso|(?<!vice )president|founder|"
    r"co-founder|owner|managing director|general manager|partner|evp|svp|executive vice president|"
    r"senior vice president|board|chair|chairman|chairwoman)\b"
)
_SENIOR = re.compile(r"\b(vp|vice president|head|director|avp)\b")
_MANAGER = re.compile(r"\b(manager|lead|leader|supervisor|principal|team lead|mgr)\b")


def guess_seniority(title: str) -> Seniority:
    """C-level and owners are executives; VP, Head and Director are senior managers."""
    text = " ".join(title.casefold().replace("/", " ").replace(",", " ").split())
    if not text:
        return Seniority.MANAGER
    if _EXECUTIVE.search(text):
        return Seniority.EXECUTIVE
    if _SENIOR.search(text):
        return Seniority.SENIOR_MANAGER
    if _MANAGER.search(text):
        return Seniority.MANAGER
    return Seniority.INDIVIDUAL_CONTRIBUTOR
