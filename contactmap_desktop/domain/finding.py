"""A coverage finding: the rule that found it, how urgent it is, its sentence and the cells
or columns it is about."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from contactmap_desktop.domain.model import CellRef


class Severity(Enum):
    """How urgently a finding asks for action; the order of the members is the display order."""

    CONCERN = "concern"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"concern": "Concerns", "warning": "Warnings", "info": "Notes"}[self.value]

    @property
    def order(self) -> int:
        return list(Severity).index(self)


class Rule(Enum):
    """The rules, by stable id (the id is part of the command line's JSON output)."""

    BELOW_SATISFIED = "below-satisfied"
    NO_RELATIONSHIP = "no-relationship"
    THIN_COVERAGE = "thin-coverage"
    TOO_MANY = "too-many-relationships"
    SENIOR_WITHOUT_SENIOR = "senior-without-senior"
    GENEROUS_TRUST = "generous-trust"
    FEW_OPEN = "few-open"
    BIG_JUMP = "big-jump"
    NOT_REVIEWED = "not-reviewed"
    KEY_WITHOUT_BLUEPRINT = "key-without-blueprint"
    UNCOVERED_ROLE = "uncovered-role"
    COOLED_LEVERAGE = "cooled-leverage"
    ALL_BELOW_SATISFIED = "all-below-satisfied"
    TOO_MANY_KEYS = "too-many-key-relationships"

    @property
    def id(self) -> str:
        return self.value

    @property
    def title(self) -> str:
        """What a list of this rule's findings is about, in a few words."""
        return _RULE_TITLES[self]


_RULE_TITLES = {
    Rule.BELOW_SATISFIED: "relationships below Satisfied",
    Rule.NO_RELATIONSHIP: "stakeholders nobody on our team knows",
    Rule.THIN_COVERAGE: "stakeholders known by one of us only",
    Rule.TOO_MANY: "stakeholders with more contacts than they need",
    Rule.SENIOR_WITHOUT_SENIOR: "senior stakeholders without a senior contact",
    Rule.GENEROUS_TRUST: "maps with a generous share of Trust",
    Rule.FEW_OPEN: "maps with few Open relationships",
    Rule.BIG_JUMP: "grades that moved more than one level at once",
    Rule.NOT_REVIEWED: "grades not reviewed for a long time",
    Rule.KEY_WITHOUT_BLUEPRINT: "key relationships without a blueprint",
    Rule.UNCOVERED_ROLE: "buying roles nobody covers",
    Rule.COOLED_LEVERAGE: "leverage links whose source is no longer Trust or Open",
    Rule.ALL_BELOW_SATISFIED: "stakeholders with every relationship below Satisfied",
    Rule.TOO_MANY_KEYS: "maps with more key relationships than one can focus on",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the map tells the executive, with where to look.

    Its sentence is put into words when it is read (``message``), from ``words`` (the names,
    grades, dates and counts it is made of, shared with the map): a 1,000 × 100 account has
    14,000 findings, most of them never read, and their sentences were two thirds of their
    memory (5.8 of 8.5 MB). ``words`` never holds the map itself, which it would keep alive.
    """

    rule: Rule
    severity: Severity
    say: Callable[..., str]  # words → sentence
    words: tuple[object, ...]
    cells: tuple[CellRef, ...] = ()
    stakeholder_ids: tuple[str, ...] = ()  # columns
    rank: int = 0  # order within a severity: lower is more severe

    @property
    def message(self) -> str:
        return self.say(*self.words)


def counts_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
