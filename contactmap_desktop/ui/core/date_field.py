"""A date typed as text and read the way it reads, with a calendar to pick from.

Qt's QDateEdit edits a date section by section: typing "11 Jan 2027" over "7 Dec 2026" gave
11 Dec 2027, and every keystroke was a new, often past, date. Here the text is read once, when
the user is done (Return, Tab, leaving the field), by the domain's date rules; text that is not
a date is marked and explained beside the field, and the last good date stays.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.ui.core.dates import WindowDates, from_qdate, to_qdate

HINT = "Type a date (11 Jan 2027, 2027-01-11, today) or pick one from the calendar (Alt+Down)."


class DateField(QLineEdit):
    """Text in, a date out: ``date_edited`` fires once per new date the user settles on."""

    date_edited = Signal(object)  # datetime.date

    def __init__(self, value: datetime.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = value or datetime.date.today()
        self.problem = ""  # why the text is not a date, or ""
        self.setPlaceholderText(WindowDates.style.format(datetime.date(2027, 1, 11)))
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = QAction(QIcon(icon), "Pick a date", self)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None  # made when first asked for
        self.editingFinished.connect(self.commit)
        self._show(self._date)

    def date(self) -> datetime.date:
        return self._date

    def setDate(self, value: datetime.date) -> None:
        self._date = value
        self._show(value)

    def commit(self) -> None:
        """Read the text: a new date is kept and announced; anything else is explained."""
        try:
            value = WindowDates.style.parse(self.text(), datetime.date.today())
        except ValidationError as error:
            self.show_problem(str(error))
            return
        self._settle(value)

    def show_problem(self, problem: str) -> None:
        """Mark the field and say what is wrong, without a dialog; the last good date stays."""
        self.problem = problem
        self.setProperty("invalid", True)
        self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")
        self.setToolTip(problem)

    @property
    def calendar(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setObjectName("dateFieldCalendar")
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        return self._calendar

    def show_calendar(self) -> None:
        self.calendar.setSelectedDate(to_qdate(self._date))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self._settle(from_qdate(day))

    def _settle(self, value: datetime.date) -> None:
        changed = value != self._date
        self._date = value
        self._show(value)
        if changed:
            self.date_edited.emit(value)

    def _show(self, value: datetime.date) -> None:
        self.problem = ""
        self.setProperty("invalid", False)
        self.setStyleSheet("")
        self.setToolTip(HINT)
        self.setText(WindowDates.style.format(value))
