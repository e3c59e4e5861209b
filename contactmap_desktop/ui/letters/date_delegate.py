"""Editing a milestone's date in place: typed as text and read the way it reads, or picked
from the calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.dates import WindowDates, from_qdate, to_qdate


class DateDelegate(QStyledItemDelegate):
    """A date field for a step's date.

    An undated step opens with an empty field and keeps having no date unless the user types
    or picks one: opening the editor and leaving it must not invent a date the method would
    take as agreed. Text that is not a date leaves the step as it was.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = DateField(parent=parent)
        editor.setObjectName("milestoneDateEditor")
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        current = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(current, QDate):
            editor.setDate(from_qdate(current))
        else:
            editor.clear()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        if not editor.text().strip():
            return
        try:
            day = WindowDates.style.parse(editor.text(), date.today())
        except ValidationError:
            return
        current = index.data(Qt.ItemDataRole.EditRole)
        if not (isinstance(current, QDate) and from_qdate(current) == day):
            model.setData(index, to_qdate(day), Qt.ItemDataRole.EditRole)
