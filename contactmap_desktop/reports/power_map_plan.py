"""Which people each power-map sheet shows, so that every card prints whole and readable.

A chart that fits one sheet with its text at 7 points or more prints on one sheet. A larger
one is cut along the org chart, not across it: teams that fit a sheet whole are packed onto
sheets side by side; a team too large for one sheet prints its top levels, and each manager
at the cut is printed again at the top of a later sheet with their own team, the card on the
first sheet saying on which sheet that team continues. A manager with too many direct
reports for one sheet is repeated on as many sheets as they need. Cards are never cut by a
sheet's edge, because a sheet only ever shows whole cards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from contactmap_desktop.domain.org_chart_layout import (
    Box,
    LayoutMetrics,
    OrgLayout,
    OrgNode,
    compact_org_chart,
)

SMALLEST_TEXT = 8.0  # points: the smallest text on a card at full size (badges, counts)
READABLE = 7.0  # points: the smallest text we print
MIN_SCALE = READABLE / SMALLEST_TEXT
NOTE_BAND = 14.0  # a card's extra height for "team continues on sheet N"
SPLIT_METRICS = LayoutMetrics(card_width=170.0, card_height=LayoutMetrics().card_height + NOTE_BAND,
                              sibling_gap=14.0, level_gap=36.0)


@dataclass
class Sheet:
    """One sheet: its people laid out, the scale they print at, where teams continue."""

    layout: OrgLayout
    scale: float
    # Person on this sheet -> number (1-based) of the sheet where their team continues.
    continues: dict[str, int] = field(default_factory=dict)
    # Numbers of the sheets this one's top people come from (none: they head the chart).
    continued_from: tuple[int, ...] = ()


def scale_to_fit(layout: OrgLayout, area: Box) -> float:
    if not layout.boxes:
        return 1.0
    return min(1.0, area.width / layout.width, area.height / layout.height)


class _Planner:
    """Cuts the chart into sheets (see the module's docstring), in reading order."""

    def __init__(self, order: Sequence[str], managers: Mapping[str, str | None],
                 area: Box) -> None:
        self.order, self.managers, self.area = order, managers, area
        self.children: dict[str | None, list[str]] = {None: []}
        for person in order:
            self.children.setdefault(person, [])
        for person in order:
            self.children.setdefault(managers.get(person), []).append(person)
        self.sheets: list[Sheet] = []
        self.waiting: list[str] = list(self.children[None])  # heads of teams to place
        self.origin: dict[str, int] = {}  # a waiting head -> the sheet its card is on

    def layout(self, people: set[str]) -> OrgLayout:
        nodes = [OrgNode(person, self.managers.get(person)
                         if self.managers.get(person) in people else None)
                 for person in self.order if person in people]
        return compact_org_chart(nodes, SPLIT_METRICS)

    def fitting(self, people: set[str]) -> OrgLayout | None:
        laid = self.layout(people)
        return laid if scale_to_fit(laid, self.area) >= MIN_SCALE else None

    def team(self, person: str, depth: int | None = None) -> set[str]:
        """``person`` and everyone below, to ``depth`` levels down (all when None)."""
        found, level, current = {person}, 0, [person]
        while current and (depth is None or level < depth):
            current = [report for boss in current for report in self.children[boss]]
            found.update(current)
            level += 1
        return found

    def run(self) -> list[Sheet]:
        """Whole teams packed onto sheets in turn, heads of the chart first, then the teams
        continued from earlier sheets; a team too large for one sheet is split."""
        packed: list[str] = []
        laid: OrgLayout | None = None
        while self.waiting:
            head = self.waiting.pop(0)
            trial = self.fitting(set().union(*(self.team(h) for h in [*packed, head])))
            if trial is not None:
                packed, laid = [*packed, head], trial
                continue
            if packed and laid is not None:
                self.add(laid, packed, ())
            packed, laid = [], None
            whole = self.fitting(self.team(head))
            if whole is not None:
                packed, laid = [head], whole
            else:
                self.split(head)
        if packed and laid is not None:
            self.add(laid, packed, ())
        return self.sheets

    def add(self, layout: OrgLayout, heads: Sequence[str], cut: Sequence[str]) -> None:
        """A sheet headed by ``heads``; the teams of the managers at its ``cut`` wait for a
        later sheet, which their cards here name."""
        number = len(self.sheets) + 1
        sources = sorted({self.origin[head] for head in heads if head in self.origin})
        for head in heads:
            if head in self.origin:
                self.sheets[self.origin[head] - 1].continues.setdefault(head, number)
        self.sheets.append(Sheet(layout, scale_to_fit(layout, self.area),
                                 continued_from=tuple(sources)))
        for person in cut:
            if self.children[person]:
                self.origin[person] = number
                self.waiting.append(person)

    def depth(self, person: str) -> int:
        """How many levels there are below ``person``."""
        levels = 0
        while self.team(person, levels + 1) != self.team(person, levels):
            levels += 1
        return levels

    def split(self, head: str) -> None:
        for depth in range(self.depth(head) - 1, 0, -1):
            people = self.team(head, depth)
            laid = self.fitting(people)
            if laid is None:
                continue
            # Then, person by person at the cut, as many levels of their team as still fit.
            frontier = [person for person in self.order
                        if person in people and person not in self.team(head, depth - 1)]
            while frontier:
                person = frontier.pop(0)
                for levels in range(self.depth(person), 0, -1):
                    trial = self.fitting(people | self.team(person, levels))
                    if trial is not None:
                        added = self.team(person, levels) - self.team(person, levels - 1)
                        people, laid = people | self.team(person, levels), trial
                        frontier += [p for p in self.order if p in added]
                        break
            cut = [person for person in self.order if person in people
                   and any(report not in people for report in self.children[person])]
            self.add(laid, [head], cut)
            return
        # Too many direct reports for one sheet: the manager heads several sheets.
        reports = self.children[head]
        start = 0
        while start < len(reports):
            end = start + 1
            while end < len(reports) and self.fitting({head, *reports[start:end + 1]}):
                end += 1
            chunk = reports[start:end]
            self.add(self.layout({head, *chunk}), [head], chunk)
            start = end


def plan_sheets(whole: OrgLayout, order: Sequence[str], area: Box) -> list[Sheet]:
    """The sheets of a chart laid out as ``whole`` (people in ``order``), each ``area``
    big (in points, the chart's part of a sheet)."""
    if scale_to_fit(whole, area) >= MIN_SCALE:
        return [Sheet(whole, scale_to_fit(whole, area))]
    return _Planner(order, whole.managers, area).run()
