"""Typed dates in the window are read the way they read, one style writes every date on
screen, and a date that is not one is explained beside its field, never in a dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactmap_desktop.domain.dates import ISO
from contactmap_desktop.ui.accounts.account_dialog import AccountDialog
from contactmap_desktop.ui.appearance.appearance_page import AppearancePage
from contactmap_desktop.ui.core.date_field import DateField
from contactmap_desktop.ui.core.dates import WindowDates, date_text, locale_style
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.settings import UiSettings
from contactmap_desktop.ui.core.theme import ColorScheme
from tests.helpers.builders import SmallMap


@pytest.fixture(autouse=True)
def iso_afterwards() -> Iterator[None]:
    yield
    WindowDates.use(iso=True)


def _type(qtbot: QtBot, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("locale", ["en_US", "en_GB", "de_DE", "C"])
def test_11_jan_2027_is_the_11th_of_january_in_every_locale(qtbot: QtBot, locale: str) -> None:
    WindowDates.use(iso=False, locale=QLocale(locale))
    field = DateField(date(2026, 12, 7))
    qtbot.addWidget(field)
    field.show()
    with qtbot.waitSignal(field.date_edited) as edited:
        _type(qtbot, field, "11 Jan 2027")
    assert edited.args == [date(2027, 1, 11)]
    assert field.date() == date(2027, 1, 11)
    assert field.text() == WindowDates.style.format(date(2027, 1, 11))


def test_text_that_is_no_date_is_explained_beside_the_field(qtbot: QtBot) -> None:
    field = DateField(date(2027, 1, 11))
    qtbot.addWidget(field)
    field.show()
    with qtbot.assertNotEmitted(field.date_edited):
        _type(qtbot, field, "31 Feb 2027")
    assert "February 2027 has 28 days" in field.problem
    assert field.toolTip() == field.problem
    assert field.date() == date(2027, 1, 11)  # the last good date stays
    assert QApplication.activeModalWidget() is None
    _type(qtbot, field, "2027-02-28")
    assert field.problem == "" and field.date() == date(2027, 2, 28)


def test_a_date_picked_in_the_calendar(qtbot: QtBot) -> None:
    field = DateField(date(2027, 1, 11))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar.isVisible()
    with qtbot.waitSignal(field.date_edited) as edited:
        field.calendar.clicked.emit(field.calendar.selectedDate().addDays(3))
    assert edited.args == [date(2027, 1, 14)]
    assert not field.calendar.isVisible()


@pytest.mark.parametrize(("locale", "expected"), [
    ("en_US", "1/11/2027"), ("en_GB", "11/01/2027"), ("de_DE", "11.01.2027"),
    ("C", "2027-01-11"),
])
def test_the_window_writes_dates_the_system_locale_s_way(locale: str, expected: str) -> None:
    assert locale_style(QLocale(locale)).format(date(2027, 1, 11)) == expected
    WindowDates.use(iso=False, locale=QLocale(locale))
    assert date_text(date(2027, 1, 11)) == expected
    WindowDates.use(iso=True, locale=QLocale(locale))
    assert date_text(date(2027, 1, 11)) == "2027-01-11"


def test_iso_dates_chosen_in_preferences(qtbot: QtBot, ui_settings: UiSettings) -> None:
    WindowDates.use(iso=False, locale=QLocale("en_US"))
    page = AppearancePage(ui_settings, lambda _scheme: None)
    qtbot.addWidget(page)
    assert not page.iso_dates.isChecked()
    page.iso_dates.setChecked(True)
    page.buttons[ColorScheme.SYSTEM].setChecked(True)
    page.save()
    assert ui_settings.iso_dates()
    assert WindowDates.style == ISO


def test_a_dialog_with_a_date_that_is_not_one_stays_open_and_says_why(
        qtbot: QtBot, window: MainWindow, small_map: SmallMap) -> None:
    dialog = AccountDialog(window.document, small_map.account, window)
    qtbot.addWidget(dialog)
    dialog.has_renewal.setChecked(True)
    dialog.renewal.setText("30 Feb 2027")
    dialog.accept()
    assert "February 2027 has 28 days" in dialog.error_label.text()
    assert small_map.opened.accounts.get(small_map.account.id).renewal_date is None
    dialog.renewal.setText("11 Jan 2027")
    dialog.accept()
    assert small_map.opened.accounts.get(small_map.account.id).renewal_date == date(2027, 1, 11)
