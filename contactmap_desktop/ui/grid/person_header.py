"""The headers of the grid: for each stakeholder their name, title, department, buying-role
badges, seniority and the column's count of relationships (red when there are none, amber
when only one); for each team member their name and seniority."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

from contactmap_desktop.domain.model import Stakeholder, TeamMember
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.core.theme import is_dark

LINES = 6
NO_COVERAGE = "#b3261e"
THIN_COVERAGE = "#8a5a00"


def depth_text(depth: int) -> str:
    return counted(depth, "relationship")


class StakeholderHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultSectionSize(132)
        self.setMinimumSectionSize(72)
        self.group_starts: frozenset[int] = frozenset()  # set by the view

    def sizeHint(self) -> QSize:
        # Only the height counts (the view lays the header out by it), and it is fixed:
        # Qt's own hint asks up to 200 sections for their contents after every grade edit.
        line = QFontMetrics(self.font()).lineSpacing()
        return QSize(self.defaultSectionSize(), line * LINES + 14)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        painter.save()
        super().paintSection(painter, rect, logical_index)  # the native frame and background
        painter.restore()
        model = self.model()
        stakeholder = model.headerData(logical_index, Qt.Orientation.Horizontal,
                                       MapRole.STAKEHOLDER) if model else None
        if not isinstance(stakeholder, Stakeholder):
            return
        depth = int(model.headerData(logical_index, Qt.Orientation.Horizontal, MapRole.DEPTH))
        painter.save()
        # Cover the native label so that only our lines show.
        background = self.palette().color(QPalette.ColorRole.Button)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), background)
        text_color = self.palette().color(QPalette.ColorRole.ButtonText)
        area = rect.adjusted(6, 4, -6, -4)
        metrics = QFontMetrics(self.font())
        line = metrics.lineSpacing()
        bold = QFont(self.font())
        bold.setBold(True)
        rows = [
            (bold, text_color, stakeholder.name),
            (self.font(), text_color, stakeholder.title),
            (self.font(), text_color, stakeholder.department),
            (bold, text_color, roles_to_badges(stakeholder.roles) or "–"),
            (self.font(), text_color, stakeholder.seniority.short_label),
            (bold, self._depth_color(depth, text_color), depth_text(depth)),
        ]
        for number, (font, color, text) in enumerate(rows):
            painter.setFont(font)
            painter.setPen(color)
            line_rect = QRect(area.left(), area.top() + number * line, area.width(), line)
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                   area.width())
            painter.drawText(line_rect, Qt.AlignmentFlag.AlignHCenter
                             | Qt.AlignmentFlag.AlignVCenter, elided)
        if logical_index in self.group_starts:
            painter.setPen(QPen(text_color, 3))
            painter.drawLine(rect.left() + 1, rect.top(), rect.left() + 1, rect.bottom())
        painter.restore()

    def _depth_color(self, depth: int, normal: QColor) -> QColor:
        if depth == 0:
            return QColor("#ff8a80") if is_dark(self.palette()) else QColor(NO_COVERAGE)
        if depth == 1:
            return QColor("#ffd180") if is_dark(self.palette()) else QColor(THIN_COVERAGE)
        return normal


class TeamHeader(QHeaderView):
    """Our team down the side, each name over its seniority (so that senior stakeholders
    facing senior people can be checked by eye); the current cell's row in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)
        self.current_row = -1  # set by the view as the current cell moves

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        painter.save()
        super().paintSection(painter, rect, logical_index)  # the native frame and background
        painter.restore()
        model = self.model()
        member = model.headerData(logical_index, Qt.Orientation.Vertical,
                                  MapRole.TEAM_MEMBER) if model else None
        if not isinstance(member, TeamMember):
            return
        painter.save()
        painter.fillRect(rect.adjusted(1, 1, -1, -1),
                         self.palette().color(QPalette.ColorRole.Button))
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        area = rect.adjusted(6, 2, -6, -2)
        name_font = QFont(self.font())
        name_font.setBold(logical_index == self.current_row)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        half = area.height() // 2
        for font, text, part in (
                (name_font, member.name, QRect(area.left(), area.top(), area.width(), half)),
                (small, member.seniority.short_label,
                 QRect(area.left(), area.top() + half, area.width(), area.height() - half))):
            painter.setFont(font)
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                   area.width())
            painter.drawText(part, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             elided)
        painter.restore()
