"""Paints a Contact Map cell — the grade's color and letter, the key corner, the dashed
outline of a cell that needs a relationship — and offers a grade picker as its editor."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from contactmap_desktop.domain.grades import GRADES_TOP_DOWN, Grade
from contactmap_desktop.domain.model import Relationship
from contactmap_desktop.palette import KEY_MARK, NEEDS_FILLING_OUTLINE, NEEDS_FILLING_OUTLINE_DARK
from contactmap_desktop.ui.core.roles import MapRole
from contactmap_desktop.ui.core.theme import grade_colors, is_dark

AnyIndex = QModelIndex | QPersistentModelIndex
NO_GRADE = "— no relationship —"


class GradePicker(QComboBox):
    """The cell's drop-down; ``dismissed`` once its list closes, chosen from or not."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Esc closes the list's window itself, without QComboBox.hidePopup: watch the window.
        self.view().window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and watched is self.view().window():
            # After the choice (if any) is handled; never for a picker already gone.
            QTimer.singleShot(0, self, self.dismissed.emit)
        return False


class GradeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        relationship = index.data(MapRole.RELATIONSHIP)
        if not isinstance(relationship, Relationship):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = rect.adjusted(2, 2, -2, -2)
        grade = relationship.grade
        if grade is not None:
            background, letter = grade_colors(palette, grade)
            painter.fillRect(cell, background)
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            painter.setFont(font)
            painter.setPen(letter)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, grade.letter)
        elif relationship.needs_filling:
            outline = NEEDS_FILLING_OUTLINE_DARK if is_dark(palette) else NEEDS_FILLING_OUTLINE
            pen = QPen(QColor(outline), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(cell.adjusted(1, 1, -1, -1))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, "+")
        if relationship.is_key:
            self._paint_key_corner(painter, cell)
        if index.data(MapRole.HAS_PLAN):
            self._paint_plan_mark(painter, cell, letter if grade is not None
                                  else palette.color(QPalette.ColorRole.Text), option.font)
        if relationship.note:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(cell.adjusted(0, 0, -3, -1),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "…")
        if selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif option.state & QStyle.StateFlag.State_HasFocus:
            # The current cell outside the selection (Ctrl+arrows): where typing lands.
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    @staticmethod
    def _paint_key_corner(painter: QPainter, cell: QRect) -> None:
        """A filled triangle in the top-left corner: key relationships stand out in grayscale."""
        size = min(cell.width(), cell.height()) * 0.38
        corner = QPolygonF([QPointF(cell.left(), cell.top()),
                            QPointF(cell.left() + size, cell.top()),
                            QPointF(cell.left(), cell.top() + size)])
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.setBrush(QColor(KEY_MARK))
        painter.drawPolygon(corner)

    @staticmethod
    def _paint_plan_mark(painter: QPainter, cell: QRect, color: QColor, base: QFont) -> None:
        """A small "B" in the bottom-left corner: a Contact Blueprint works on this cell."""
        font = QFont(base)
        font.setBold(True)
        font.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(cell.adjusted(5, 0, 0, -2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "B")

    # --- the grade picker ----------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        picker = GradePicker(parent)
        picker.setAccessibleName("Grade")
        picker.addItem(NO_GRADE, None)
        for grade in GRADES_TOP_DOWN:
            picker.addItem(f"{grade.letter} — {grade.label}", grade)
        finished = [False]

        def finish(commit: bool) -> None:
            if finished[0]:
                return
            finished[0] = True
            if commit:
                self.commitData.emit(picker)
            self.closeEditor.emit(picker)
        picker.activated.connect(lambda _i: finish(True))
        # Esc, or a click elsewhere, closes the list: the cell stops editing too, rather
        # than leave a drop-down in it that a second Esc closes.
        picker.dismissed.connect(lambda: finish(False))
        view = self.parent()
        if isinstance(view, QWidget):
            # The list had the keyboard when it closed: give it back to the grid.
            picker.dismissed.connect(lambda: view.setFocus(Qt.FocusReason.PopupFocusReason))
        return picker

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        grade = index.data(MapRole.GRADE)
        editor.setCurrentIndex(max(0, editor.findData(grade)))
        editor.showPopup()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        grade = editor.currentData()
        if grade != index.data(MapRole.GRADE):
            model.setData(index, grade if isinstance(grade, Grade) else None)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        rect: QRect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 180), rect.height())
