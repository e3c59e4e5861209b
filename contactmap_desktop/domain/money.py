"""Amounts of money: an account's currency (ISO 4217) and amounts written with it."""

from __future__ import annotations

from contactmap_desktop.domain.errors import ValidationError

# The active ISO 4217 currency codes (funds and precious metals left out).
ISO_4217 = frozenset((
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
))
# Offered first when choosing, the rest follow alphabetically.
COMMON = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "SEK", "NOK", "DKK")


def clean_currency(code: str) -> str:
    """The ISO 4217 code ``code`` names, upper-cased; "" means none chosen yet."""
    cleaned = code.strip().upper()
    if cleaned and cleaned not in ISO_4217:
        raise ValidationError(f"“{code.strip()[:20]}” is not an ISO 4217 currency code "
                              "(for example USD, EUR, GBP, JPY).")
    return cleaned


def money_text(amount: int, currency: str) -> str:
    """An amount as printed and on the command line: "USD 240,000", or "240,000" with no
    currency chosen (the window writes amounts the system locale's way instead)."""
    return f"{currency} {amount:,}" if currency else f"{amount:,}"
