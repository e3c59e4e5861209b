"""The power map as a graphics scene: one card item per stakeholder and the reporting lines.

The positions come from the same tidy layout the printed power map uses, so screen and paper
look alike. All ordinary reporting lines are one path item and the highlighted chain another,
which keeps a chart of a thousand people to about a thousand items. The colors follow the
window's light or dark scheme, also when it changes while the chart is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.org_chart_layout import Connector, OrgLayout, compact_org_chart
from contactmap_desktop.domain.power_map import (
    PowerCard,
    chain_to_top,
    org_nodes,
    power_cards,
    uncovered_chains,
)
from contactmap_desktop.palette import POWER_MAP_LIGHT, PowerMapColors
from contactmap_desktop.ui.core.theme import power_map_colors
from contactmap_desktop.ui.power_map.card_item import PowerCardItem

MARGIN = 40.0


class PowerMapScene(QGraphicsScene):
    """Cards and lines of one account; highlights are switched on and off in place."""

    def __init__(self) -> None:
        super().__init__()
        self.colors = power_map_colors(self.palette())
        self.setBackgroundBrush(QColor(self.colors.canvas))
        self.org_layout: OrgLayout = compact_org_chart([])
        self.cards: dict[str, PowerCard] = {}
        self._items: dict[str, PowerCardItem] = {}
        self._reports: dict[str | None, list[str]] = {}  # manager (None: top) -> reports
        self._uncovered: frozenset[str] = frozenset()
        self._chain: list[str] = []
        self._chain_from: str | None = None
        self._show_uncovered = True
        self._lines = QGraphicsPathItem()
        self._chain_lines = QGraphicsPathItem()
        self._note: QGraphicsSimpleTextItem | None = None

    # --- content -------------------------------------------------------------------------

    def set_map(self, contact_map: ContactMap | None) -> None:
        """Lay out and draw the map's stakeholders (None: no account); the chain start is
        kept if that person is still there."""
        self.clear()
        self.cards = power_cards(contact_map) if contact_map else {}
        self.org_layout = compact_org_chart(org_nodes(contact_map.stakeholders)
                                            if contact_map else [])
        self._uncovered = uncovered_chains(self.cards, self.org_layout.managers)
        self._reports = {}
        for person_id, manager_id in self.org_layout.managers.items():
            self._reports.setdefault(manager_id, []).append(person_id)
        self._lines = self._path_item(self.org_layout.connectors, 1.2, z=0)
        self._chain_lines = self._path_item((), 3.0, z=1)
        self._items = {}
        for person_id, box in self.org_layout.boxes.items():
            item = PowerCardItem(self.cards[person_id], QRectF(box.x, box.y, box.width,
                                                                box.height), self.colors)
            item.setZValue(2)
            self.addItem(item)
            self._items[person_id] = item
        self._note = None
        if not self._items:
            self._note = QGraphicsSimpleTextItem("This account has no stakeholders yet."
                                                 if contact_map else "No account is open.")
            self.addItem(self._note)
        self._paint_lines_and_note()
        bounds = QRectF(0, 0, self.org_layout.width, self.org_layout.height)
        self.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        chain_from = self._chain_from if self._chain_from in self._items else None
        self._chain_from, self._chain = None, []
        self.show_chain_from(chain_from)
        self.show_uncovered(self._show_uncovered)

    def update_cards(self, contact_map: ContactMap) -> None:
        """Relationships changed, not people: repaint the cards whose grade, count or marks
        changed, and the uncovered chains; the layout stays as it is."""
        cards = power_cards(contact_map)
        uncovered = uncovered_chains(cards, self.org_layout.managers)
        for person_id, item in self._items.items():
            card = cards.get(person_id)
            if card is not None and card != item.card:
                item.card = card
                item.update()
        for person_id in self._uncovered - uncovered:
            self._items[person_id].set_marks(uncovered=False)
        self.cards, self._uncovered = cards, uncovered
        self.show_uncovered(self._show_uncovered)

    def item(self, stakeholder_id: str) -> PowerCardItem | None:
        return self._items.get(stakeholder_id)

    def card_items(self) -> list[PowerCardItem]:
        return list(self._items.values())

    def card_at(self, point: QPointF) -> PowerCardItem | None:
        for found in self.items(point):
            if isinstance(found, PowerCardItem):
                return found
        return None

    def neighbour(self, person_id: str, direction: str) -> str | None:
        """For keyboard moves: ``up`` the manager, ``down`` the first report, ``left`` and
        ``right`` the colleagues under the same manager (or the other people at the top)."""
        managers = self.org_layout.managers
        if direction == "up":
            return managers.get(person_id)
        if direction == "down":
            return next(iter(self._reports.get(person_id, [])), None)
        siblings = self._reports.get(managers.get(person_id), [])
        index = siblings.index(person_id) + (1 if direction == "right" else -1)
        return siblings[index] if 0 <= index < len(siblings) else None

    def manages_indirectly(self, person_id: str, other_id: str) -> bool:
        """True when ``other_id`` is ``person_id`` or anyone below them in the chart."""
        return person_id in chain_to_top(self.org_layout.managers, other_id)

    # --- highlights ----------------------------------------------------------------------

    @property
    def chain(self) -> list[str]:
        """The highlighted person, their manager, and so on to the top."""
        return list(self._chain)

    @property
    def uncovered(self) -> frozenset[str]:
        return self._uncovered

    def show_chain_from(self, stakeholder_id: str | None) -> None:
        """Highlight the chain of command from ``stakeholder_id`` up (None: no chain)."""
        for person_id in self._chain:
            self._items[person_id].set_marks(in_chain=False)
        self._chain_from = stakeholder_id
        self._chain = chain_to_top(self.org_layout.managers, stakeholder_id) if stakeholder_id \
            else []
        links = set(zip(self._chain[1:], self._chain, strict=False))  # (manager, report)
        self._chain_lines.setPath(self._path(
            c for c in self.org_layout.connectors if (c.manager_id, c.report_id) in links))
        for person_id in self._chain:
            self._items[person_id].set_marks(in_chain=True)

    def show_uncovered(self, shown: bool) -> None:
        """Outline (or not) the people above a key person whom nobody on our team knows."""
        self._show_uncovered = shown
        for person_id in self._uncovered:
            self._items[person_id].set_marks(uncovered=shown)

    # --- colors --------------------------------------------------------------------------

    def set_colors(self, colors: PowerMapColors) -> None:
        """Paint the canvas, lines and cards in ``colors`` (repainting only what changes)."""
        if colors == self.colors:
            return
        self.colors = colors
        self.setBackgroundBrush(QColor(colors.canvas))
        self._paint_lines_and_note()
        for item in self._items.values():
            item.set_colors(colors)

    @contextmanager
    def on_paper(self) -> Iterator[None]:
        """Light colors while a picture is made, whatever the window's scheme: a picture
        is shared and printed, like the PDF."""
        shown = self.colors
        self.set_colors(POWER_MAP_LIGHT)
        try:
            yield
        finally:
            self.set_colors(shown)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:  # the window's scheme changed
            self.set_colors(power_map_colors(self.palette()))
        return super().event(event)

    def _paint_lines_and_note(self) -> None:
        colors = self.colors
        self._lines.setPen(QPen(QColor(colors.border), self._lines.pen().widthF()))
        self._chain_lines.setPen(QPen(QColor(colors.chain), self._chain_lines.pen().widthF()))
        if self._note is not None:
            self._note.setBrush(QColor(colors.muted))

    # --- drawing helpers -----------------------------------------------------------------

    def _path_item(self, connectors: Iterable[Connector], width: float, z: float
                   ) -> QGraphicsPathItem:
        item = QGraphicsPathItem(self._path(connectors))
        pen = QPen()
        pen.setWidthF(width)  # the color comes from _paint_lines_and_note
        item.setPen(pen)
        item.setZValue(z)
        self.addItem(item)
        return item

    @staticmethod
    def _path(connectors: Iterable[Connector]) -> QPainterPath:
        path = QPainterPath()
        for connector in connectors:
            first, *rest = connector.points
            path.moveTo(*first)
            for point in rest:
                path.lineTo(*point)
        return path
