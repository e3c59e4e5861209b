"""Work asked for out of sight waits until its widget is shown, and is done once."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.core.when_shown import WhenShown


def test_work_waits_for_the_widget_to_be_shown_and_runs_once(qtbot: QtBot) -> None:
    done: list[bool] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    when_shown = WhenShown(widget, lambda: done.append(widget.isVisible()))

    when_shown.request()
    when_shown.request()
    assert done == []
    widget.show()
    assert done == [True]

    when_shown.request()  # on screen: at once
    assert done == [True, True]
    widget.hide()
    widget.show()  # nothing was asked for meanwhile
    assert done == [True, True]
