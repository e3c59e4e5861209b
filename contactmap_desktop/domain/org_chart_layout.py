"""Tidy org-chart layout as a pure function: reports-to links in, card boxes and connectors out.

Each subtree owns a vertical band of its own width and a manager is centred over its band, so
bands never overlap and neither do cards. A manager with many reports who have no reports of
their own gets them stacked in columns (each with a spine on its left) instead of one very wide
row; people with no manager and no reports are stacked the same way beside the trees. The work
is iterative and linear in the number of people, so deep chains and 1,000-person charts are fine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class OrgNode:
    """One person: an id and the id of their manager (None, unknown or self: no manager)."""

    id: str
    manager_id: str | None = None


@dataclass(frozen=True)
class LayoutMetrics:
    """Sizes in scene units (pixels at 100 %, points in the PDF)."""

    card_width: float = 200.0
    card_height: float = 92.0
    sibling_gap: float = 20.0
    level_gap: float = 44.0
    stack_gap: float = 10.0
    stack_indent: float = 22.0
    # More reports without reports of their own than this are stacked in columns.
    stack_leaves_over: int = 3


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center_x(self) -> float:
        return self.x + self.width / 2

    def overlaps(self, other: Box) -> bool:
        """True when the interiors meet; touching edges do not count."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(frozen=True)
class Connector:
    """The line from a manager's card to one report's card, as an orthogonal polyline."""

    manager_id: str
    report_id: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class OrgLayout:
    boxes: Mapping[str, Box]
    connectors: tuple[Connector, ...]
    roots: tuple[str, ...]
    # Manager as drawn: links that are unknown, to oneself, or part of a cycle are dropped.
    managers: Mapping[str, str | None]
    width: float
    height: float


@dataclass
class _Group:
    """What sits under one manager: subtrees side by side, and maybe one stacked block."""

    subtrees: list[str]
    stacked: list[str]
    columns: int = 0
    rows: int = 0
    block_width: float = 0.0


def layout_org_chart(
    nodes: Sequence[OrgNode], metrics: LayoutMetrics = LayoutMetrics()
) -> OrgLayout:
    """Place every node; the result depends only on the nodes and their order."""
    ids = [node.id for node in nodes]
    managers = _effective_managers(nodes)
    children: dict[str | None, list[str]] = {node_id: [] for node_id in ids}
    children[None] = []
    for node_id in ids:
        children[managers[node_id]].append(node_id)

    groups: dict[str | None, _Group] = {}
    band: dict[str | None, float] = {}
    for sized in _post_order(children):
        groups[sized] = _group(sized, children, metrics)
        width = _children_width(sized, groups[sized], band, metrics)
        band[sized] = width if sized is None else max(metrics.card_width, width)

    boxes: dict[str, Box] = {}
    connectors: list[Connector] = []
    # (manager, left edge of its band, top of its card); None is the invisible top.
    pending: list[tuple[str | None, float, float]] = [(None, 0.0, -metrics.level_gap
                                                       - metrics.card_height)]
    while pending:
        manager_id, left, top = pending.pop()
        group = groups[manager_id]
        child_top = top + metrics.card_height + metrics.level_gap
        start = left + (band[manager_id] - _children_width(manager_id, group, band, metrics)) / 2
        manager_box = None
        if manager_id is not None:
            manager_box = Box(left + (band[manager_id] - metrics.card_width) / 2, top,
                              metrics.card_width, metrics.card_height)
            boxes[manager_id] = manager_box
        placed: list[tuple[str, float]] = []
        for child in group.subtrees:
            placed.append((child, start))
            start += band[child] + _gap(manager_id, metrics)
        # The stacked block (if any) follows the subtrees, after one more gap.
        for child, child_left in reversed(placed):
            pending.append((child, child_left, child_top))
            if manager_id is not None and manager_box is not None:
                child_x = child_left + band[child] / 2
                connectors.append(_elbow(manager_id, child, manager_box, child_x, child_top))
        for index, child in enumerate(group.stacked):
            column, row = divmod(index, group.rows)
            box = Box(
                start + column * (metrics.stack_indent + metrics.card_width + metrics.sibling_gap)
                + metrics.stack_indent,
                child_top + row * (metrics.card_height + metrics.stack_gap),
                metrics.card_width, metrics.card_height,
            )
            boxes[child] = box
            if manager_id is not None and manager_box is not None:
                connectors.append(_spine(manager_id, child, manager_box, box, metrics))

    width = max((box.right for box in boxes.values()), default=0.0)
    height = max((box.bottom for box in boxes.values()), default=0.0)
    return OrgLayout(
        boxes=boxes, connectors=tuple(connectors), roots=tuple(children[None]),
        managers=managers, width=width, height=height,
    )


def _effective_managers(nodes: Sequence[OrgNode]) -> dict[str, str | None]:
    """Managers that lead to a root; the first person of a cycle (input order) becomes a root."""
    known = {node.id for node in nodes}
    managers: dict[str, str | None] = {
        node.id: node.manager_id if node.manager_id in known and node.manager_id != node.id
        else None
        for node in nodes
    }
    order = {node.id: index for index, node in enumerate(nodes)}
    state: dict[str, int] = {}  # 1: being walked, 2: reaches a root
    for node in nodes:
        path: list[str] = []
        current: str | None = node.id
        while current is not None and state.get(current) is None:
            state[current] = 1
            path.append(current)
            current = managers[current]
        if current is not None and state[current] == 1:
            # The walk came back to itself: cut the link of the earliest person in the loop.
            loop = path[path.index(current):]
            managers[min(loop, key=order.__getitem__)] = None
        for walked in path:
            state[walked] = 2
    return managers


def _post_order(children: Mapping[str | None, list[str]]) -> list[str | None]:
    order: list[str | None] = []
    stack: list[str | None] = [None]
    while stack:
        node_id = stack.pop()
        order.append(node_id)
        stack.extend(children[node_id])
    order.reverse()
    return order


def _group(node_id: str | None, children: Mapping[str | None, list[str]],
           metrics: LayoutMetrics) -> _Group:
    reports = children[node_id]
    leaves = [child for child in reports if not children[child]]
    if len(leaves) <= metrics.stack_leaves_over:
        return _Group(subtrees=list(reports), stacked=[])
    # Roughly three rows per column keeps a stacked block about as wide as it is tall.
    columns = max(1, math.ceil(math.sqrt(len(leaves) / 3)))
    rows = math.ceil(len(leaves) / columns)
    columns = math.ceil(len(leaves) / rows)
    block_width = (columns * (metrics.stack_indent + metrics.card_width)
                   + (columns - 1) * metrics.sibling_gap)
    return _Group(
        subtrees=[child for child in reports if children[child]], stacked=leaves,
        columns=columns, rows=rows, block_width=block_width,
    )


def _gap(node_id: str | None, metrics: LayoutMetrics) -> float:
    # Separate trees (and the people with no manager) a little more than siblings.
    return metrics.sibling_gap * (3 if node_id is None else 1)


def _children_width(node_id: str | None, group: _Group, band: Mapping[str | None, float],
                    metrics: LayoutMetrics) -> float:
    widths = [band[child] for child in group.subtrees]
    if group.stacked:
        widths.append(group.block_width)
    return sum(widths) + max(0, len(widths) - 1) * _gap(node_id, metrics)


def _elbow(manager_id: str, report_id: str, manager: Box, child_x: float,
           child_top: float) -> Connector:
    bus = (manager.bottom + child_top) / 2
    return Connector(manager_id, report_id, _dedupe((
        (manager.center_x, manager.bottom), (manager.center_x, bus),
        (child_x, bus), (child_x, child_top),
    )))


def _spine(manager_id: str, report_id: str, manager: Box, report: Box,
           metrics: LayoutMetrics) -> Connector:
    bus = manager.bottom + metrics.level_gap / 2
    spine_x = report.x - metrics.stack_indent / 2
    middle = report.y + report.height / 2
    return Connector(manager_id, report_id, _dedupe((
        (manager.center_x, manager.bottom), (manager.center_x, bus),
        (spine_x, bus), (spine_x, middle), (report.x, middle),
    )))


def _dedupe(points: tuple[Point, ...]) -> tuple[Point, ...]:
    kept = [points[0]]
    for point in points[1:]:
        if point != kept[-1]:
            kept.append(point)
    return tuple(kept)
