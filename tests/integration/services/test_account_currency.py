"""An account keeps its currency: saved, checked, carried in account files and checked there."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.services.account_exchange import AccountExchangeService
from contactmap_desktop.services.workspace_service import open_workspace


def test_the_currency_is_saved_checked_and_travels_in_account_files(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "a.cmap")
    account = opened.accounts.create_account("Acme", "Retail").value
    assert account.currency == ""  # none chosen yet
    opened.accounts.update_account(replace(account, annual_value=90_000, currency="eur"))
    with pytest.raises(ValidationError, match="not an ISO 4217 currency code"):
        opened.accounts.update_account(replace(account, currency="Euro"))
    file = tmp_path / "acme.cmacct"
    AccountExchangeService(opened.workspace).export_account(account.id, file)
    opened.close()
    reopened = open_workspace(tmp_path / "a.cmap")
    assert reopened.accounts.get(account.id).currency == "EUR"
    reopened.close()

    other = open_workspace(tmp_path / "b.cmap")
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["account"]["currency"] == "EUR"
    bad = json.loads(json.dumps(document))
    bad["account"]["currency"] = "EURO"
    (tmp_path / "bad.cmacct").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValidationError, match="currency"):
        AccountExchangeService(other.workspace).import_account(tmp_path / "bad.cmacct")
    AccountExchangeService(other.workspace).import_account(file)
    [imported] = other.accounts.list_accounts()
    assert (imported.annual_value, imported.currency) == (90_000, "EUR")
    other.close()


def test_the_sample_account_counts_in_dollars(tmp_path: Path) -> None:
    opened = open_workspace(tmp_path / "s.cmap", with_sample=True)
    [sample] = opened.accounts.list_accounts()
    assert (sample.annual_value, sample.currency) == (240_000, "USD")
    opened.close()
