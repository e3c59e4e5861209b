"""Every coverage rule of the method run over a map: (map, thresholds, today) → findings,
most severe first, each lack said once.

The rules themselves are pure functions in ``coverage_rules`` (who covers whom today),
``history_rules`` (how grades moved) and ``plan_rules`` (key relationships and leverage); each
reads the map the way an experienced sales leader would and names the cells or columns it is
about, so the app can take the user there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_rules import (
    all_below_satisfied,
    below_satisfied,
    grade_shares,
    relationship_counts,
    seniors_without_seniors,
    too_many_keys,
    uncovered_roles,
)
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.history_rules import big_jumps, not_reviewed
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.plan_rules import cooled_leverage, keys_without_blueprint


def coverage_findings(
    contact_map: ContactMap,
    thresholds: CoverageThresholds,
    today: date,
    cells_with_blueprint: frozenset[CellRef] | None = None,
    keep_going: Callable[[], None] = lambda: None,
) -> list[Finding]:
    """Every finding of every rule, most severe first.

    ``cells_with_blueprint`` is None while the workspace has no blueprints feature: then the
    key-without-blueprint rule stays silent instead of flagging every key cell.
    ``keep_going`` is called after each rule and every few hundred cells of the history; it
    may raise to stop the work (the user is editing: the answer would be out of date).
    """
    rules: list[Callable[[], list[Finding]]] = [
        lambda: below_satisfied(contact_map),
        lambda: all_below_satisfied(contact_map),
        lambda: too_many_keys(contact_map, thresholds),
        lambda: relationship_counts(contact_map, thresholds),
        lambda: seniors_without_seniors(contact_map),
        lambda: uncovered_roles(contact_map),
        lambda: grade_shares(contact_map, thresholds),
        lambda: big_jumps(contact_map, keep_going),
        lambda: not_reviewed(contact_map, thresholds, today),
        lambda: keys_without_blueprint(contact_map, cells_with_blueprint),
        lambda: cooled_leverage(contact_map),
    ]
    found: list[Finding] = []
    for rule in rules:
        found += rule()
        keep_going()
    found = _without_repeats(found)
    keep_going()
    # By severity, then rank, then rule: stable sorts in place, least significant key first.
    # Their keys are small ints Python keeps once; a key tuple per finding was 0.9 MB at
    # 14,000 findings, on top of the findings themselves. The orders are looked up, not
    # worked out per finding (``Severity.order`` took 15 ms at 14,000).
    rule_order = {rule: number for number, rule in enumerate(Rule)}
    severity_order = {severity: severity.order for severity in Severity}
    found.sort(key=lambda f: rule_order[f.rule])
    found.sort(key=lambda f: f.rank)
    found.sort(key=lambda f: severity_order[f.severity])
    return found


def _without_repeats(found: list[Finding]) -> list[Finding]:
    """Each lack said once, by the broadest finding that says it.

    A stakeholder no one on the team knows is named by "no one covers the Power buyer" when
    they hold a role nobody covers, else by "nobody has a relationship with"; the narrower
    findings about the same person ("no relationship with a senior person", "nobody has a
    relationship with") would repeat it.
    """
    uncovered = {s for f in found if f.rule is Rule.UNCOVERED_ROLE for s in f.stakeholder_ids}
    unknown = uncovered | {s for f in found if f.rule is Rule.NO_RELATIONSHIP
                           for s in f.stakeholder_ids}
    narrower = {Rule.NO_RELATIONSHIP: uncovered, Rule.SENIOR_WITHOUT_SENIOR: unknown}
    return [f for f in found
            if not (f.rule in narrower and set(f.stakeholder_ids) <= narrower[f.rule])]
