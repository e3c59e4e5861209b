"""The Contact Map grid: keyboard grading as in a spreadsheet, a grade picker on Enter or
double-click, and a context menu with the cell's marks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.ui.delegates.grade_delegate import GradeDelegate
from contactmap_desktop.ui.models.contact_map_model import ContactMapModel
from contactmap_desktop.ui.views.person_header import StakeholderHeader

GRADE_KEYS = {Qt.Key.Key_T, Qt.Key.Key_O, Qt.Key.Key_S, Qt.Key.Key_I, Qt.Key.Key_D, Qt.Key.Key_M}
CLEAR_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}
# Letters that are not grades toggle the cell's marks.
MARK_KEYS = {Qt.Key.Key_K: "is_key", Qt.Key.Key_N: "needs_filling"}


class ContactMapView(QTableView):
    """Emits ``grades_requested`` for typed grades and cleared cells; commands do the rest."""

    grades_requested = Signal(object)  # dict[CellRef, Grade | None]
    current_cell_changed = Signal(object)  # CellRef | None
    mark_toggle_requested = Signal(str)  # "is_key" | "needs_filling", for the current cell
    # Lets features add their actions to a cell's menu: (menu, cell or None).
    context_menu_about_to_show = Signal(QMenu, object)

    def __init__(self, model: ContactMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactMapGrid")
        self.setAccessibleName("Contact Map")
        self.setHorizontalHeader(StakeholderHeader(self))
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
        self._model = model
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._reconnect_after_reset)

    @property
    def contact_map_model(self) -> ContactMapModel:
        return self._model

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

    # --- keys ----------------------------------------------------------------------------

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
        cell = self._model.cell_at(current.row(), current.column()) if current.isValid() else None
        self.current_cell_changed.emit(cell)

    def _reconnect_after_reset(self) -> None:
        self.current_cell_changed.emit(self.current_cell())
