"""Where the keyboard starts in a form dialog: on its first field, with Tab walking the
fields row by row and only then the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLayoutItem, QWidget

ROLES = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
         QFormLayout.ItemRole.SpanningRole)


def start_on_first_field(form: QFormLayout, buttons: QDialogButtonBox) -> None:
    """Chain the form's fields, then the buttons, and focus the first enabled field.

    The buttons are built before the fields (by the dialog's base class), so Qt's own chain
    put OK first: typing did nothing and Space closed the dialog."""
    fields = [w for row in range(form.rowCount()) for role in ROLES
              for w in _takers(form.itemAt(row, role))]
    chain = fields + buttons.buttons()
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    first_field = next((w for w in fields if w.isEnabled()), None)
    if first_field is not None:
        first_field.setFocus(Qt.FocusReason.TabFocusReason)


def _takers(item: QLayoutItem | None) -> list[QWidget]:
    """The widgets in ``item`` that Tab stops at, in order."""
    if item is None:
        return []
    layout = item.layout()
    if layout is not None:
        return [w for i in range(layout.count()) for w in _takers(layout.itemAt(i))]
    widget = item.widget()
    return [] if widget is None else _widget_takers(widget)


def _widget_takers(widget: QWidget) -> list[QWidget]:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    # A compound field (a check box and a date) is stopped at part by part.
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [w for child in children for w in _widget_takers(child)]
