"""Copy and paste of grade blocks between the Contact Map grid and spreadsheets.

Copy puts the selected rectangle on the clipboard as tab-separated letters. Paste reads a
block (letters or grade words), grades the cells from the current one down and right — or
fills the selection with a single value — as one undo step, run like every other edit: a bad
value or a failed write (a full disk) changes nothing, is reported, and adds no undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableView

from contactmap_desktop.domain.errors import ContactMapError, ValidationError
from contactmap_desktop.domain.grade_block import format_block, parse_block
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.domain.wording import counted
from contactmap_desktop.ui.core.edit_runner import EditRunner, ReportError
from contactmap_desktop.ui.grid.commands import SetGradesCommand

if TYPE_CHECKING:  # imported by the services, which load after the window's first paint
    from contactmap_desktop.services.grade_batch import GradeBatchService

CellAt = Callable[[int, int], CellRef | None]


class GridClipboard(QObject):
    """Adds Copy and Paste to a grid view; the grid tells it which cell each index is."""

    def __init__(self, view: QTableView, runner: EditRunner, service: GradeBatchService,
                 cell_at: CellAt, report_error: ReportError) -> None:
        super().__init__(view)
        self._view = view
        self._runner = runner
        self._service = service
        self._cell_at = cell_at
        self._report_error = report_error
        self.copy_action = self._action("&Copy grades", QKeySequence.StandardKey.Copy, self.copy)
        self.paste_action = self._action("&Paste grades", QKeySequence.StandardKey.Paste,
                                         self.paste)

    def _action(self, text: str, key: QKeySequence.StandardKey,
                slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._view)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self._view.addAction(action)
        return action

    # --- copy ----------------------------------------------------------------------------

    def copy(self) -> None:
        indexes = self._view.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        top, left = min(rows), min(columns)
        selected = {(i.row(), i.column()) for i in indexes}
        cells = [[self._cell_at(r, c) if (r, c) in selected else None
                  for c in range(left, max(columns) + 1)]
                 for r in range(top, max(rows) + 1)]
        wanted = [cell for row in cells for cell in row if cell is not None]
        grades = self._service.grades(wanted)
        block = [[grades.get(cell) if cell else None for cell in row] for row in cells]
        QGuiApplication.clipboard().setText(format_block(block))

    # --- paste ---------------------------------------------------------------------------

    def paste(self) -> None:
        try:
            targets = self._targets(parse_block(QGuiApplication.clipboard().text()))
            before = self._service.relationships(list(targets))
        except ContactMapError as error:
            self._report_error(str(error))
            return
        if all(before[cell].grade is None and grade is None for cell, grade in targets.items()):
            return  # blanks over blanks change and confirm nothing: no empty undo step
        self._runner.run(SetGradesCommand(lambda: self._service, before, targets,
                                          f"Paste {counted(len(targets), 'grade')}",
                                          "pasted", "paste undone"))

    def _targets(self, block: list[list[Grade | None]]) -> dict[CellRef, Grade | None]:
        selection = self._view.selectionModel().selectedIndexes()
        if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
            # One value into a selection fills it, as spreadsheets do.
            return {cell: block[0][0] for cell in self._cells(selection)}
        current: QModelIndex = self._view.currentIndex()
        if not current.isValid():
            raise ValidationError("Choose the cell where the pasted block should start.")
        model = self._view.model()
        height, width = len(block), len(block[0])
        if current.row() + height > model.rowCount() or \
                current.column() + width > model.columnCount():
            raise ValidationError(
                f"Nothing was pasted: the block is {height} × {width} cells and does not fit "
                "from the current cell; start it higher or further left.")
        targets: dict[CellRef, Grade | None] = {}
        for r, row in enumerate(block):
            for c, grade in enumerate(row):
                cell = self._cell_at(current.row() + r, current.column() + c)
                if cell is None:
                    raise ValidationError("Nothing was pasted: the block covers cells that "
                                          "are not relationships (headers or totals).")
                targets[cell] = grade
        return targets

    def _cells(self, indexes: list[QModelIndex]) -> list[CellRef]:
        cells = [self._cell_at(i.row(), i.column()) for i in indexes]
        return [cell for cell in cells if cell is not None]
