"""Tidy org-chart layout as a pure function: reports-to links in, card boxes and connectors out.

Each subtree owns a vertical band of its own width and a manager is centred over its band, so
bands never overlap and neither do cards. Wide levels are folded: when a manager has more than
a few reports who head small teams (or nobody), those teams are hung as indented lists in
columns, each column with a spine on its left, instead of one very long row. People with no
manager and no reports are stacked the same way beside the trees, and a forest much wider than
it is tall is wrapped into rows. Sizing is iterative, so deep chains do not hit the recursion
limit, and the work is linear in the number of people.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

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
    # When more reports than this head small teams (at most ``hang_levels`` deep), those
    # teams are hung as indented lists in columns instead of spreading out in one row.
    stack_over: int = 3
    hang_levels: int = 1


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
class _Hanging:
    """A small subtree drawn as an indented list: its root card, everyone below hung under it."""

    width: float
    height: float
    cards: list[tuple[str, float, float]]  # person, offset from the item's top-left corner
    links: list[tuple[str, str]]  # (manager, report) inside the item


@dataclass
class _Group:
    """What sits under one manager: subtrees side by side, then columns of hanging items."""

    subtrees: list[str]
    columns: list[list[_Hanging]]

    def block_width(self, metrics: LayoutMetrics) -> float:
        widths = [metrics.stack_indent + max(item.width for item in column)
                  for column in self.columns]
        return sum(widths) + max(0, len(widths) - 1) * metrics.sibling_gap


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
    levels: dict[str | None, int] = {}  # how many levels below each person
    for sized in _post_order(children):
        levels[sized] = 1 + max((levels[c] for c in children[sized]), default=-1)
        groups[sized] = _group(sized, children, levels, metrics)
        width = _children_width(sized, groups[sized], band, metrics)
        band[sized] = width if sized is None else max(metrics.card_width, width)

    boxes: dict[str, Box] = {}
    connectors: list[Connector] = []
    # (manager, left edge of its band, top of its card); None is the invisible top.
    pending: list[tuple[str | None, float, float, str]] = [
        (None, 0.0, -metrics.level_gap - metrics.card_height, "")]
    unit_of: dict[str, str] = {}  # the separate tree (or column of loners) each card is in
    while pending:
        manager_id, left, top, unit = pending.pop()
        group = groups[manager_id]
        child_top = top + metrics.card_height + metrics.level_gap
        start = left + (band[manager_id] - _children_width(manager_id, group, band, metrics)) / 2
        manager_box = None
        if manager_id is not None:
            manager_box = Box(left + (band[manager_id] - metrics.card_width) / 2, top,
                              metrics.card_width, metrics.card_height)
            boxes[manager_id] = manager_box
            unit_of[manager_id] = unit
        placed: list[tuple[str, float]] = []
        for child in group.subtrees:
            placed.append((child, start))
            start += band[child] + _gap(manager_id, metrics)
        for child, child_left in reversed(placed):
            pending.append((child, child_left, child_top, unit or child))
            if manager_id is not None and manager_box is not None:
                child_x = child_left + band[child] / 2
                connectors.append(_elbow(manager_id, child, manager_box, child_x, child_top))
        # The columns of hanging items (if any) follow the subtrees, after one more gap.
        for number, column in enumerate(group.columns):
            y = child_top
            for item in column:
                origin_x = start + metrics.stack_indent
                for person, dx, dy in item.cards:
                    boxes[person] = Box(origin_x + dx, y + dy,
                                        metrics.card_width, metrics.card_height)
                    unit_of[person] = unit or f"\0column {number}"
                head = item.cards[0][0]
                if manager_id is not None and manager_box is not None:
                    connectors.append(_spine(manager_id, head, manager_box, boxes[head],
                                             metrics))
                for boss, report in item.links:
                    connectors.append(_hook(boss, report, boxes[boss], boxes[report], metrics))
                y += item.height + metrics.stack_gap
            start += (metrics.stack_indent + max(item.width for item in column)
                      + metrics.sibling_gap)

    units = list(dict.fromkeys(unit_of[person] for person in ids))
    if len(units) > 3:  # two or three trees read best side by side
        boxes, connectors = _wrap_units(units, unit_of, boxes, connectors, metrics)
    width = max((box.right for box in boxes.values()), default=0.0)
    height = max((box.bottom for box in boxes.values()), default=0.0)
    return OrgLayout(
        boxes=boxes, connectors=tuple(connectors), roots=tuple(children[None]),
        managers=managers, width=width, height=height,
    )


def _wrap_units(
    units: list[str], unit_of: Mapping[str, str], boxes: Mapping[str, Box],
    connectors: list[Connector], metrics: LayoutMetrics,
) -> tuple[dict[str, Box], list[Connector]]:
    """Put separate trees in rows, like words in a paragraph, so a forest is not one long strip.

    Nothing links two trees, so any arrangement of them keeps cards and lines apart.
    """
    bounds: dict[str, list[float]] = {}  # unit -> [left, right, bottom]
    for person, box in boxes.items():
        found = bounds.setdefault(unit_of[person], [box.x, box.right, box.bottom])
        found[0], found[1] = min(found[0], box.x), max(found[1], box.right)
        found[2] = max(found[2], box.bottom)
    area = sum((right - left) * bottom for left, right, bottom in bounds.values())
    widest = max(right - left for left, right, _ in bounds.values())
    # Aim for a landscape page shape, but never narrower than the widest tree.
    target = max(widest, math.sqrt(area * 1.6))
    if sum(right - left for left, right, _ in bounds.values()) <= 2 * target:
        return dict(boxes), connectors  # a short strip reads better than rows
    gap, row_gap = _gap(None, metrics), 2 * metrics.level_gap
    shift: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for unit in units:
        left, right, bottom = bounds[unit]
        if x > 0 and x + (right - left) > target:
            x, y, row_height = 0.0, y + row_height + row_gap, 0.0
        shift[unit] = (x - left, y)
        x += right - left + gap
        row_height = max(row_height, bottom)
    moved = {
        person: Box(box.x + shift[unit_of[person]][0], box.y + shift[unit_of[person]][1],
                    box.width, box.height)
        for person, box in boxes.items()
    }
    lines = []
    for connector in connectors:
        dx, dy = shift[unit_of[connector.report_id]]
        lines.append(Connector(connector.manager_id, connector.report_id,
                               tuple((px + dx, py + dy) for px, py in connector.points)))
    return moved, lines


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
           levels: Mapping[str | None, int], metrics: LayoutMetrics) -> _Group:
    reports = children[node_id]
    small = [child for child in reports if levels[child] <= metrics.hang_levels]
    if len(small) <= metrics.stack_over:
        return _Group(subtrees=list(reports), columns=[])
    items = [_hang(child, children, metrics) for child in small]
    # Roughly three cards per column for each column keeps the block about square.
    card_count = sum(len(item.cards) for item in items)
    column_count = min(len(items), max(1, math.ceil(math.sqrt(card_count / 3))))
    per_column = sum(item.height for item in items) / column_count
    columns: list[list[_Hanging]] = [[] for _ in range(column_count)]
    above = 0.0
    for item in items:  # an item goes to the column where its top edge falls
        columns[min(column_count - 1, int(above // per_column))].append(item)
        above += item.height
    return _Group(subtrees=[child for child in reports if levels[child] > metrics.hang_levels],
                  columns=[column for column in columns if column])


def _hang(node_id: str, children: Mapping[str | None, list[str]],
          metrics: LayoutMetrics) -> _Hanging:
    """Lay a subtree out as an indented list (its depth is at most ``hang_levels``)."""
    cards: list[tuple[str, float, float]] = [(node_id, 0.0, 0.0)]
    links: list[tuple[str, str]] = []
    width, y = metrics.card_width, metrics.card_height + metrics.stack_gap
    for child in children[node_id]:
        below = _hang(child, children, metrics)
        cards.extend((person, metrics.stack_indent + dx, y + dy) for person, dx, dy in below.cards)
        links.append((node_id, child))
        links.extend(below.links)
        width = max(width, metrics.stack_indent + below.width)
        y += below.height + metrics.stack_gap
    return _Hanging(width, y - metrics.stack_gap, cards, links)


def _gap(node_id: str | None, metrics: LayoutMetrics) -> float:
    # Separate trees (and the people with no manager) a little more than siblings.
    return metrics.sibling_gap * (3 if node_id is None else 1)


def _children_width(node_id: str | None, group: _Group, band: Mapping[str | None, float],
                    metrics: LayoutMetrics) -> float:
    widths = [band[child] for child in group.subtrees]
    if group.columns:
        widths.append(group.block_width(metrics))
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


def _hook(manager_id: str, report_id: str, manager: Box, report: Box,
          metrics: LayoutMetrics) -> Connector:
    """Inside a hanging item: down the manager's left indent, then right into the report."""
    spine_x = manager.x + metrics.stack_indent / 2
    middle = report.y + report.height / 2
    return Connector(manager_id, report_id, (
        (spine_x, manager.bottom), (spine_x, middle), (report.x, middle),
    ))


def compact_org_chart(nodes: Sequence[OrgNode], metrics: LayoutMetrics = LayoutMetrics(),
                      aspect: float = 1.6) -> OrgLayout:
    """The layout, with teams hung up to one, two or three levels deep, that best fits a
    screen or a landscape page: the smallest area once a shape far from ``aspect`` is
    penalised in proportion."""
    best: tuple[float, OrgLayout] | None = None
    for hang_levels in (1, 2, 3):
        layout = layout_org_chart(nodes, replace(metrics, hang_levels=hang_levels))
        if not layout.boxes:
            return layout
        shape = (layout.width / layout.height) / aspect
        score = layout.width * layout.height * max(shape, 1 / shape)
        if best is None or score < best[0] * 0.9:  # keep the simpler chart unless clearly better
            best = (score, layout)
    assert best is not None
    return best[1]
