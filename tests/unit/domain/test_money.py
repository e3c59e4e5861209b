"""An account's currency is an ISO 4217 code; amounts are written with it."""

from __future__ import annotations

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.money import ISO_4217, clean_currency, money_text


@pytest.mark.parametrize(("typed", "expected"), [
    ("USD", "USD"), (" eur ", "EUR"), ("jpy", "JPY"), ("", ""), ("  ", ""),
])
def test_a_currency_is_an_iso_4217_code(typed: str, expected: str) -> None:
    assert clean_currency(typed) == expected


@pytest.mark.parametrize("typed", ["US$", "EURO", "XYZ", "€", "12"])
def test_anything_else_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValidationError, match="not an ISO 4217 currency code"):
        clean_currency(typed)


@pytest.mark.parametrize(("amount", "currency", "expected"), [
    (240_000, "USD", "USD 240,000"), (0, "EUR", "EUR 0"), (1_500, "", "1,500"),
])
def test_printed_amounts_name_their_currency(amount: int, currency: str, expected: str) -> None:
    assert money_text(amount, currency) == expected


def test_the_table_holds_the_common_codes() -> None:
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR"} <= ISO_4217
    assert all(len(code) == 3 and code.isupper() for code in ISO_4217)
