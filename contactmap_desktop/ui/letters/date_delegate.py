"""Editing a milestone's date in place with a calendar picker."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

DATE_FORMAT = "d MMM yyyy"


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar popup.

    An undated step opens at today's date, but keeps having no date unless the user picks one
    (a day clicked in the calendar, or another date typed): opening the editor and leaving it
    must not invent a date the method would take as agreed. QDateEdit also announces an
    unchanged date when Return is pressed, so "picked" is not the same as "changed".
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QDateEdit(parent)
        editor.setObjectName("milestoneDateEditor")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(DATE_FORMAT)

        def moved(day: QDate) -> None:
            if day != editor.property("opened_at"):
                editor.setProperty("picked", True)

        editor.dateChanged.connect(moved)
        editor.calendarWidget().clicked.connect(lambda _day: editor.setProperty("picked", True))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        current = index.data(Qt.ItemDataRole.EditRole)
        opened_at = current if isinstance(current, QDate) else QDate.currentDate()
        editor.setProperty("opened_at", opened_at)
        editor.setProperty("picked", isinstance(current, QDate))
        editor.setDate(opened_at)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        if editor.property("picked"):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
