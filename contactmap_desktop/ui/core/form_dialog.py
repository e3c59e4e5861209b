"""A dialog with a form, OK/Cancel, and a line that says what is wrong with the input.

OK runs ``submit``; a ContactMapError from it is shown above the buttons and the dialog
stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.form_focus import start_on_first_field
from contactmap_desktop.ui.core.plain_text import plain_label


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = plain_label(QLabel())
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: palette(bright-text); background: #b3261e;"
                                       " padding: 4px; border-radius: 3px;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.submit: Callable[[], None] = lambda: None
        self._fields_chained = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fields_chained:  # the subclass has filled the form by now
            self._fields_chained = True
            start_on_first_field(self.form, self.buttons)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def accept(self) -> None:
        # A date typed but not yet read (OK clicked from inside the field) is read now; one
        # that is not a date stops the dialog with its reason rather than keeping the old date.
        for field in self.findChildren(DateField):
            if field.isEnabled():
                field.commit()
                if field.problem:
                    self.show_error(field.problem)
                    field.setFocus()
                    return
        try:
            self.submit()
        except ContactMapError as error:
            self.show_error(str(error))
            return
        super().accept()
