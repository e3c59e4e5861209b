"""Amounts in the window, written the system locale's way with the account's currency."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from contactmap_desktop.domain import money


def locale_currency(locale: QLocale | None = None) -> str:
    """The ISO 4217 code of the locale's own currency, or "" (the C locale has none)."""
    code = (locale or QLocale()).currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if code in money.ISO_4217 else ""


def money_text(amount: int, currency: str, locale: QLocale | None = None) -> str:
    """"$240,000" in the US for dollars, "240.000 USD" in Germany, "USD 240,000" in the C
    locale; the locale's own symbol only for its own currency, the code for any other."""
    shown = locale or QLocale()
    if shown.language() == QLocale.Language.C or not currency:
        return money.money_text(amount, currency)
    symbol = (shown.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
              if currency == locale_currency(shown) else currency)
    text = shown.toCurrencyString(float(amount), symbol, 0)
    if symbol == currency and text.startswith(currency):
        text = f"{currency} {text[len(currency):].lstrip()}"  # "USD 240,000", not "USD240,000"
    return text
