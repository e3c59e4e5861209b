"""The org-chart layout: exact positions for a small tree, and properties of any forest."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from contactmap_desktop.domain.org_chart_layout import (
    Box,
    LayoutMetrics,
    OrgLayout,
    OrgNode,
    compact_org_chart,
    layout_org_chart,
)

M = LayoutMetrics(card_width=100, card_height=40, sibling_gap=10, level_gap=20,
                  stack_gap=5, stack_indent=12, stack_over=3)


def test_a_manager_is_centred_over_two_reports_and_levels_step_down() -> None:
    layout = layout_org_chart([OrgNode("boss"), OrgNode("a", "boss"), OrgNode("b", "boss")], M)
    assert layout.boxes["a"] == Box(0, 60, 100, 40)
    assert layout.boxes["b"] == Box(110, 60, 100, 40)
    assert layout.boxes["boss"] == Box(55, 0, 100, 40)
    assert (layout.width, layout.height) == (210, 100)
    assert layout.roots == ("boss",)
    elbow = next(c for c in layout.connectors if c.report_id == "b")
    assert elbow.points == ((105, 40), (105, 50), (160, 50), (160, 60))


def test_several_roots_sit_side_by_side_with_a_wider_gap_between_trees() -> None:
    layout = layout_org_chart([OrgNode("r1"), OrgNode("r2"), OrgNode("c", "r2")], M)
    assert layout.roots == ("r1", "r2")
    assert layout.boxes["r1"] == Box(0, 0, 100, 40)
    assert layout.boxes["r2"] == Box(130, 0, 100, 40)
    assert layout.boxes["c"] == Box(130, 60, 100, 40)


def test_many_reports_without_reports_are_stacked_in_columns_with_a_spine() -> None:
    nodes = [OrgNode("boss")] + [OrgNode(f"p{i}", "boss") for i in range(7)]
    layout = layout_org_chart(nodes, M)
    # Seven people: two columns of four, filled top to bottom.
    assert layout.boxes["p0"] == Box(12, 60, 100, 40)
    assert layout.boxes["p3"] == Box(12, 60 + 3 * 45, 100, 40)
    assert layout.boxes["p4"] == Box(12 + 122, 60, 100, 40)
    assert layout.width == 2 * 112 + 10
    spine = next(c for c in layout.connectors if c.report_id == "p5")
    assert spine.points[-1] == (134, 60 + 45 + 20)  # into the middle of the card's left side
    assert spine.points[-2][0] == 134 - 6  # the spine runs in the indent


def test_unknown_or_self_managers_and_cycles_become_roots_without_losing_anyone() -> None:
    nodes = [OrgNode("a", "c"), OrgNode("b", "a"), OrgNode("c", "b"),
             OrgNode("d", "gone"), OrgNode("e", "e")]
    layout = layout_org_chart(nodes, M)
    assert set(layout.boxes) == {"a", "b", "c", "d", "e"}
    assert layout.managers == {"a": None, "b": "a", "c": "b", "d": None, "e": None}
    assert layout.roots == ("a", "d", "e")


def test_a_chain_of_two_thousand_does_not_recurse_too_deep() -> None:
    nodes = [OrgNode("0")] + [OrgNode(str(i), str(i - 1)) for i in range(1, 2000)]
    layout = layout_org_chart(nodes, M)
    assert layout.boxes["1999"].y == 1999 * 60
    assert layout.width == 100


def test_an_empty_chart_has_no_size() -> None:
    layout = layout_org_chart([], M)
    assert (layout.width, layout.height, dict(layout.boxes)) == (0, 0, {})


@st.composite
def forests(draw: st.DrawFn) -> list[OrgNode]:
    count = draw(st.integers(min_value=1, max_value=60))
    nodes = []
    for index in range(count):
        # Managers may point forward, backward, to nobody or to someone unknown.
        manager = draw(st.one_of(st.none(), st.integers(0, count), st.just(index)))
        nodes.append(OrgNode(f"n{index}", None if manager is None else f"n{manager}"))
    return draw(st.permutations(nodes))


def _segment_cuts_box(start: tuple[float, float], end: tuple[float, float], box: Box) -> bool:
    """An axis-parallel segment that enters the interior of the box."""
    (x1, y1), (x2, y2) = start, end
    if y1 == y2:
        return box.y < y1 < box.bottom and min(x1, x2) < box.right and box.x < max(x1, x2)
    return box.x < x1 < box.right and min(y1, y2) < box.bottom and box.y < max(y1, y2)


def _check(layout: OrgLayout, nodes: list[OrgNode]) -> None:
    assert set(layout.boxes) == {node.id for node in nodes}
    for first, second in itertools.combinations(layout.boxes.values(), 2):
        assert not first.overlaps(second)
    for node_id, manager in layout.managers.items():
        if manager is not None:
            assert layout.boxes[manager].bottom < layout.boxes[node_id].y
    assert len(layout.connectors) == sum(m is not None for m in layout.managers.values())
    for connector in layout.connectors:
        for start, end in itertools.pairwise(connector.points):
            assert start[0] == end[0] or start[1] == end[1]  # orthogonal
            for box in layout.boxes.values():
                assert not _segment_cuts_box(start, end, box)
    assert all(box.x >= 0 and box.y >= 0 for box in layout.boxes.values())
    assert layout.width == max(box.right for box in layout.boxes.values())


@settings(max_examples=150, deadline=None)
@given(forests(), st.integers(min_value=1, max_value=3), st.integers(min_value=0, max_value=4))
def test_any_forest_is_laid_out_without_overlaps_or_lines_through_cards(
    nodes: list[OrgNode], hang_levels: int, stack_over: int,
) -> None:
    metrics = replace(M, hang_levels=hang_levels, stack_over=stack_over)
    layout = layout_org_chart(nodes, metrics)
    _check(layout, nodes)
    assert layout_org_chart(list(nodes), metrics) == layout  # deterministic


def test_the_compact_chart_trades_a_long_strip_for_a_page_shape() -> None:
    # Six directors, each with three leads of two people: a strip when hung one level deep.
    nodes = [OrgNode("ceo")]
    for d in range(6):
        nodes.append(OrgNode(f"d{d}", "ceo"))
        for lead in range(3):
            nodes.append(OrgNode(f"l{d}{lead}", f"d{d}"))
            nodes += [OrgNode(f"p{d}{lead}{i}", f"l{d}{lead}") for i in range(2)]
    strip = layout_org_chart(nodes, M)
    compact = compact_org_chart(nodes, M)
    assert strip.width / strip.height > 3
    assert compact.width < strip.width and compact.width / compact.height < 3
    _check(compact, nodes)
    small = [OrgNode("a"), OrgNode("b", "a")]
    assert compact_org_chart(small, M) == layout_org_chart(small, M)


def test_many_small_teams_hang_as_indented_lists_in_columns() -> None:
    # boss has four leads, each with one report: the four teams hang in two columns.
    nodes = [OrgNode("boss")]
    for lead in range(4):
        nodes += [OrgNode(f"lead{lead}", "boss"), OrgNode(f"ic{lead}", f"lead{lead}")]
    layout = layout_org_chart(nodes, M)
    lead0, ic0, lead1 = (layout.boxes[k] for k in ("lead0", "ic0", "lead1"))
    assert (ic0.x - lead0.x, ic0.y - lead0.y) == (12, 45)  # indented under its lead
    assert lead1.y == ic0.bottom + 5 and lead1.x == lead0.x  # next team below, same column
    assert layout.boxes["lead2"].x > lead0.right  # second column
    hook = next(c for c in layout.connectors if c.report_id == "ic0")
    assert hook.points == (
        (lead0.x + 6, lead0.bottom), (lead0.x + 6, ic0.y + 20), (ic0.x, ic0.y + 20))


def test_a_forest_of_many_trees_is_wrapped_into_rows() -> None:
    nodes = []
    for tree in range(12):
        nodes += [OrgNode(f"r{tree}"), OrgNode(f"c{tree}", f"r{tree}")]
    layout = layout_org_chart(nodes, M)
    assert len({layout.boxes[f"r{t}"].y for t in range(12)}) > 1
    assert layout.width < 12 * 100
