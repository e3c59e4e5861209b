"""The reference texts as rich text for the panels: every text escaped, links to our anchors."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from contactmap_desktop.domain.blueprints import BlueprintSummary
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.people import BuyingRole
from contactmap_desktop.domain.reference import Reference, Source, StrategyGuide
from contactmap_desktop.ui.blueprints.grade_chip import grade_chip_html

CELL_LINK = "cell:"


def cell_link(cell: CellRef) -> str:
    return f"{CELL_LINK}{cell.team_member_id}/{cell.stakeholder_id}"


def parse_cell_link(link: str) -> CellRef | None:
    if not link.startswith(CELL_LINK) or link.count("/") != 1:
        return None
    member, stakeholder = link[len(CELL_LINK):].split("/")
    return CellRef(member, stakeholder)


def role_anchor(role: BuyingRole) -> str:
    return f"role-{role.badge}"


def grade_anchor(grade: Grade) -> str:
    return f"grade-{grade.letter}"


def _items(texts: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"


def source_html(source: Source) -> str:
    """The article passage an entry comes from, small, under the entry."""
    return f"<p><small><i>From the method: {escape(source.citation)}</i></small></p>"


SUGGESTION = "the app's suggestion, not the method"


def strategy_html(guide: StrategyGuide, summaries: Sequence[BlueprintSummary]) -> str:
    using = [s for s in summaries if guide.strategy in s.blueprint.strategies]
    if using:
        uses = "<ul>" + "".join(
            f'<li><a href="{cell_link(s.blueprint.main_cell)}">{escape(s.stakeholder_name)}</a>'
            f" ↔ {escape(', '.join(s.team_names))} · {s.blueprint.status.label}</li>"
            for s in using) + "</ul>"
    else:
        uses = "<p><i>Not used in this account's blueprints yet.</i></p>"
    cautions = f"<h4>Cautions</h4>{_items(guide.cautions)}" if guide.cautions else ""
    suggested = _items(guide.suggested_cautions) if guide.suggested_cautions else ""
    return (f"<h3>{escape(guide.title)}</h3>"
            f"<p>{escape(guide.what_it_is)}</p>"
            f"<h4>Examples</h4>{_items(guide.examples)}"
            f"{cautions}{source_html(guide.source)}"
            f"<h4>When it may fit — {SUGGESTION}</h4>"
            f"<p>{escape(guide.suggested_use)}</p>{suggested}"
            f"<h4>In this account's blueprints</h4>{uses}")


def roles_and_grades_html(reference: Reference) -> str:
    roles = " · ".join(f'<a href="#{role_anchor(r.role)}">{escape(r.name)}</a>'
                       for r in reference.roles)
    grades = " · ".join(f'<a href="#{grade_anchor(g.grade)}">{escape(g.name)}</a>'
                        for g in reference.grades)
    parts = [f"<p>Buyer roles: {roles}<br/>Grades: {grades}</p>", "<h2>Buyer roles</h2>"]
    for role in reference.roles:
        parts.append(f'<a name="{role_anchor(role.role)}"></a>'
                     f"<h3>{escape(role.role.badge)} — {escape(role.name)}</h3>"
                     f"<p>{escape(role.summary)}</p>"
                     f"<h4>What to look for</h4>{_items(role.look_for)}"
                     f"<h4>What to watch out for</h4>{_items(role.watch_out_for)}"
                     f"{source_html(role.source)}")
    parts.append("<h2>Relationship grades</h2><p>Graded as the client sees the relationship, "
                 "from the top down. A blank cell means no relationship, which is not the "
                 "same as Indifferent.</p>")
    for grade in reference.grades:
        outlook = "What it opens up" if grade.opens_up else "What it puts at risk"
        parts.append(f'<a name="{grade_anchor(grade.grade)}"></a>'
                     f"<h3>{grade_chip_html(grade.grade)}</h3>"
                     f"<p>{escape(grade.definition)}</p>"
                     f"<h4>Signs</h4>{_items(grade.signs)}"
                     f"<h4>{outlook}</h4>{_items(grade.outlook)}"
                     f"{source_html(grade.source)}")
    return "".join(parts)
