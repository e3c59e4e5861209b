"""Leverage links (article 004): drawn from Trust or Open cells; a cooled source is flagged."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contactmap_desktop.domain.finding import Rule, Severity
from contactmap_desktop.domain.leverage import leverage_links
from contactmap_desktop.domain.plan_rules import cooled_leverage
from tests.helpers.map_values import build_map, cell, member, stakeholder


def _linked(source_letter: str):  # type: ignore[no-untyped-def]
    contact_map = build_map([stakeholder("X"), stakeholder("Y")], [member("a"), member("b")],
                            {("a", "X"): source_letter, ("b", "X"): "D"})
    source = contact_map.relationships[cell("a", "X")]
    contact_map.relationships[source.cell] = replace(source, leverage_for=(cell("b", "X"),))
    return contact_map


@pytest.mark.parametrize(("letter", "usable"), [
    ("T", True), ("O", True), ("S", False), ("I", False), ("D", False), ("M", False),
])
def test_a_link_holds_while_its_source_is_trust_or_open(letter: str, usable: bool) -> None:
    """"Trust and Open relationships can often be leveraged to improve other relationships on
    the Client Contact Map. You might want to visually link those on the map." """
    contact_map = _linked(letter)
    [link] = leverage_links(contact_map)
    assert (link.source, link.target, link.usable) == (cell("a", "X"), cell("b", "X"), usable)
    found = cooled_leverage(contact_map)
    if usable:
        assert found == []
    else:
        [finding] = found
        assert (finding.rule, finding.severity) == (Rule.COOLED_LEVERAGE, Severity.WARNING)
        assert finding.cells == (cell("a", "X"), cell("b", "X"))
        assert "only a Trust or Open relationship" in finding.message


def test_links_to_people_no_longer_on_the_map_are_not_drawn() -> None:
    contact_map = _linked("O")
    source = contact_map.relationships[cell("a", "X")]
    contact_map.relationships[source.cell] = replace(
        source, leverage_for=(cell("b", "X"), cell("gone", "X")))
    assert [link.target for link in leverage_links(contact_map)] == [cell("b", "X")]
