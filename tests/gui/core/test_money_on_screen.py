"""Amounts in the window: the system locale's way, with the account's currency."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from contactmap_desktop.ui.accounts.account_dialog import AccountDialog
from contactmap_desktop.ui.core.main_window import MainWindow
from contactmap_desktop.ui.core.money import locale_currency, money_text
from tests.helpers.builders import SmallMap


@pytest.mark.parametrize(("locale", "currency", "expected"), [
    ("en_US", "USD", "$240,000"),
    ("en_US", "EUR", "EUR 240,000"),
    ("de_DE", "EUR", "240.000\xa0€"),
    ("de_DE", "USD", "240.000\xa0USD"),
    ("C", "USD", "USD 240,000"),
    ("en_US", "", "240,000"),
])
def test_amounts_the_locale_s_way(locale: str, currency: str, expected: str) -> None:
    assert money_text(240_000, currency, QLocale(locale)) == expected


def test_the_locale_s_own_currency() -> None:
    assert locale_currency(QLocale("de_DE")) == "EUR"
    assert locale_currency(QLocale("C")) == ""


def test_the_account_dialog_sets_the_currency(qtbot: QtBot, window: MainWindow,
                                              small_map: SmallMap) -> None:
    dialog = AccountDialog(window.document, small_map.account, window)
    qtbot.addWidget(dialog)
    dialog.value_box.setValue(75_000)
    dialog.currency.setCurrentIndex(dialog.currency.findData("GBP"))
    dialog.submit()
    saved = small_map.opened.accounts.get(small_map.account.id)
    assert (saved.annual_value, saved.currency) == (75_000, "GBP")
