"""The rules about plans: a key relationship without a blueprint, and a leverage link whose
source is no longer Trust or Open."""

from __future__ import annotations

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.coverage_rules import cell_names
from contactmap_desktop.domain.finding import Finding, Rule, Severity
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.leverage import leverage_links
from contactmap_desktop.domain.model import CellRef


def keys_without_blueprint(
    contact_map: ContactMap, cells_with_blueprint: frozenset[CellRef] | None
) -> list[Finding]:
    """A key relationship needs a plan (its blueprint); None means blueprints are unknown.

    ``cells_with_blueprint`` holds the cells a plan still covers (see ``Blueprint.holds``):
    a plan Dropped, or Done while the grade is below its goal, does not silence the rule.
    """
    if cells_with_blueprint is None:
        return []
    members = {m.id for m in contact_map.team_members}
    stakeholders = {s.id for s in contact_map.stakeholders}
    found = []
    for relationship in contact_map.relationships.values():
        cell = relationship.cell
        if not relationship.is_key or cell in cells_with_blueprint:
            continue
        if cell.team_member_id not in members or cell.stakeholder_id not in stakeholders:
            continue
        found.append(Finding(
            Rule.KEY_WITHOUT_BLUEPRINT, Severity.WARNING, _key_without_blueprint,
            cell_names(contact_map, cell), cells=(cell,),
        ))
    return found


def _key_without_blueprint(member: str, stakeholder: str) -> str:
    return (f"{member} with {stakeholder} is a key relationship with no blueprint: plan how "
            "to move it up one level.")


def cooled_leverage(contact_map: ContactMap) -> list[Finding]:
    """A leverage link whose source relationship is no longer Trust or Open."""
    found = []
    for link in leverage_links(contact_map):
        if link.usable:
            continue
        found.append(Finding(
            Rule.COOLED_LEVERAGE, Severity.WARNING, _cooled_leverage,
            (*cell_names(contact_map, link.source), *cell_names(contact_map, link.target),
             link.source_grade),
            cells=(link.source, link.target),
        ))
    return found


def _cooled_leverage(source_member: str, source_stakeholder: str, target_member: str,
                     target_stakeholder: str, grade: Grade | None) -> str:
    now = grade.label if grade is not None else "blank"
    return (f"{source_member} with {source_stakeholder} is linked as leverage for "
            f"{target_member} with {target_stakeholder} but is now {now}: only a Trust or "
            "Open relationship can carry that weight — find another link or remove this one.")
