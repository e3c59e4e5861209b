"""The Contact Map grid: keyboard grading as in a spreadsheet, a grade picker on Enter or
double-click, a context menu with the cell's marks, and people reordered by dragging their
headers."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QLineF,
    QModelIndex,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder, TeamMember
from contactmap_desktop.palette import LEVERAGE, LEVERAGE_COOLED
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.grid.contact_map_model import ContactMapModel
from contactmap_desktop.ui.grid.grade_delegate import GradeDelegate
from contactmap_desktop.ui.grid.person_header import StakeholderHeader, TeamHeader

GRADE_KEYS = {Qt.Key.Key_T, Qt.Key.Key_O, Qt.Key.Key_S, Qt.Key.Key_I, Qt.Key.Key_D, Qt.Key.Key_M}
CLEAR_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}
# Letters that are not grades toggle the cell's marks.
MARK_KEYS = {Qt.Key.Key_K: "is_key", Qt.Key.Key_N: "needs_filling"}


SEPARATOR_WIDTH = 3


def separator_color(palette: QPalette) -> QColor:
    """The line between departments: the text color, so it reads in both schemes."""
    return palette.color(QPalette.ColorRole.WindowText)


class ContactMapView(QTableView):
    """Emits ``grades_requested`` for typed grades and cleared cells; commands do the rest."""

    grades_requested = Signal(object)  # dict[CellRef, Grade | None]
    current_cell_changed = Signal(object)  # CellRef | None
    mark_toggle_requested = Signal(str)  # "is_key" | "needs_filling", for the current cell
    # Lets features add their actions to a cell's menu: (menu, cell or None).
    context_menu_about_to_show = Signal(QMenu, object)
    # A header was dragged: the ids in their new order (the view itself goes back to the
    # model's order; the saved order comes back through the model).
    stakeholder_order_requested = Signal(list)
    team_order_requested = Signal(list)

    def __init__(self, model: ContactMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactMapGrid")
        self.setAccessibleName("Contact Map")
        self.setHorizontalHeader(StakeholderHeader(self))
        self.team_header = TeamHeader(self)
        self.setVerticalHeader(self.team_header)
        self.setModel(model)
        self.setItemDelegate(GradeDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the grid, arrows move inside it
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setShowGrid(True)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(40)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumWidth(150)
        self.horizontalHeader().setStretchLastSection(False)
        corner = self.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:  # the blank button where the headers meet selects all
            corner.setAccessibleName("Select the whole map")
            corner.setToolTip("Select the whole map")
        self._model = model
        model.leverage_changed.connect(self.viewport().update)
        model.counts_changed.connect(self._repaint_counts)
        self._restoring_order = False
        self.group_starts: frozenset[int] = frozenset()  # columns that begin a department
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionsMovable(True)
            header.sectionMoved.connect(
                lambda _logical, _old, _new, h=header: self._section_moved(h))
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._reconnect_after_reset)

    def current_cell(self) -> CellRef | None:
        index = self.currentIndex()
        return self._model.cell_at(index.row(), index.column()) if index.isValid() else None

    def selected_cells(self) -> list[CellRef]:
        cells = (self._model.cell_at(i.row(), i.column())
                 for i in self.selectionModel().selectedIndexes())
        found = [cell for cell in cells if cell is not None]
        current = self.current_cell()
        return found or ([current] if current else [])

    def go_to(self, cell: CellRef) -> None:
        index = self._model.index_of(cell)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
            self.setFocus()

    # --- order ---------------------------------------------------------------------------

    def set_movable(self, movable: bool) -> None:
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionsMovable(movable)

    def _section_moved(self, header: QHeaderView) -> None:
        if self._restoring_order:
            return
        horizontal = header.orientation() == Qt.Orientation.Horizontal
        role = MapRole.STAKEHOLDER if horizontal else MapRole.TEAM_MEMBER
        people = [self._model.headerData(header.logicalIndex(visual), header.orientation(), role)
                  for visual in range(header.count())]
        ids = [p.id for p in people if isinstance(p, (Stakeholder, TeamMember))]
        # Finish after the header is done with its mouse event: the model is read anew then.
        QTimer.singleShot(0, lambda: self._finish_move(header, horizontal, ids))

    def _finish_move(self, header: QHeaderView, horizontal: bool, ids: list[str]) -> None:
        self._restoring_order = True
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        self._restoring_order = False
        (self.stakeholder_order_requested if horizontal else self.team_order_requested).emit(ids)

    # --- department groups ---------------------------------------------------------------

    def set_group_starts(self, columns: frozenset[int]) -> None:
        """Columns that begin another department get a separator line on their left."""
        if columns == self.group_starts:
            return  # nothing to repaint
        self.group_starts = columns
        header = self.horizontalHeader()
        if isinstance(header, StakeholderHeader):
            header.group_starts = columns
        header.viewport().update()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        if self.group_starts:
            painter.setPen(QPen(separator_color(self.palette()), SEPARATOR_WIDTH))
            height = min(self.viewport().height(), self.verticalHeader().length())
            for column in self.group_starts:
                if not self.isColumnHidden(column):
                    x = self.columnViewportPosition(column)
                    painter.drawLine(x, 0, x, height)
        self._draw_leverage(painter)
        painter.end()

    def _draw_leverage(self, painter: QPainter) -> None:
        """An arrow from each leverage source to the cell it should help (article 004: link
        them visually); dashed red once the source is no longer Trust or Open."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for link in self._model.leverage_links():
            ends = [self._cell_centre(link.source), self._cell_centre(link.target)]
            start, end = ends
            if start is None or end is None:
                continue  # a hidden row or column
            color = QColor(LEVERAGE if link.usable else LEVERAGE_COOLED)
            pen = QPen(color, 2)
            if not link.usable:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            whole = QLineF(start, end)
            if whole.length() < 30:
                continue
            # Leave both letters readable: start and stop 12 pixels from the centres.
            clear = 12 / whole.length()
            line = QLineF(whole.pointAt(clear), whole.pointAt(1 - clear))
            painter.drawLine(line)
            head = QLineF(line.p2(), line.p1())
            painter.setBrush(color)
            points = []
            for turn in (25, -25):
                wing = QLineF(head)
                wing.setLength(8)
                wing.setAngle(head.angle() + turn)
                points.append(wing.p2())
            painter.setPen(QPen(color, 1))
            painter.drawPolygon(QPolygonF([line.p2(), *points]))
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _cell_centre(self, cell: CellRef) -> QPointF | None:
        index = self._model.index_of(cell)
        if not index.isValid() or self.isRowHidden(index.row()) \
                or self.isColumnHidden(index.column()):
            return None
        rect = self.visualRect(index)
        return QPointF(rect.center())

    # --- keys ----------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # makes the first cell current if none is
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().hasSelection():
            # Tabbing in: the current cell shows, selected as a click would leave it.
            self.selectionModel().select(current, QItemSelectionModel.SelectionFlag.Select)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier
                                          | Qt.KeyboardModifier.MetaModifier))
        if plain and key in GRADE_KEYS and self.state() != QAbstractItemView.State.EditingState:
            try:
                grade = Grade.parse(event.text())
            except ValidationError:
                grade = None
            if grade is not None:
                self._request(grade)
                event.accept()
                return
        if plain and key in MARK_KEYS and self.currentIndex().isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            self.mark_toggle_requested.emit(MARK_KEYS[key])
            event.accept()
            return
        if plain and key in CLEAR_KEYS and self.state() != QAbstractItemView.State.EditingState:
            self._request(None)
            event.accept()
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) \
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            # As in a spreadsheet, the first (last) cell becomes the selection too; Qt would
            # move the current cell and leave the old selection, its row header still bold.
            action = QAbstractItemView.CursorAction.MoveHome if key == Qt.Key.Key_Home \
                else QAbstractItemView.CursorAction.MoveEnd
            target = self.moveCursor(action, event.modifiers())
            if target.isValid():
                self.selectionModel().setCurrentIndex(
                    target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(target)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            self.edit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _request(self, grade: Grade | None) -> None:
        cells = self.selected_cells()
        if cells:
            self.grades_requested.emit({cell: grade for cell in cells})

    # --- menu ----------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        cell = self._model.cell_at(index.row(), index.column()) if index.isValid() else None
        menu = QMenu(self)
        self.context_menu_about_to_show.emit(menu, cell)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(event.pos()) if event.pos() != QPoint()
                      else self.viewport().mapToGlobal(self.visualRect(index).center()))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.team_header.current_row = current.row() if current.isValid() else -1
        self.team_header.viewport().update()
        cell = self._model.cell_at(current.row(), current.column()) if current.isValid() else None
        self.current_cell_changed.emit(cell)

    def _repaint_counts(self, columns: list[int]) -> None:
        header = self.horizontalHeader()
        for column in columns:
            header.updateSection(column)

    def _reconnect_after_reset(self) -> None:
        self.current_cell_changed.emit(self.current_cell())
