"""Accounts are found and listed by their names in any case, alike on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.services.workspace_service import open_workspace


def test_an_account_is_found_by_its_name_in_any_case_beyond_ascii(tmp_path: Path) -> None:
    # SQLite's lower() folds only ASCII: "Ärzte Nord" was not found as typed in lower case.
    opened = open_workspace(tmp_path / "w.cmap")
    try:
        for name in ("Zeta", "Ärzte Nord", "Straße AG", "acme"):
            opened.accounts.create_account(name)
        assert opened.accounts.find_by_name("ärzte nord").name == "Ärzte Nord"
        assert opened.accounts.find_by_name("STRASSE AG").name == "Straße AG"
        assert [a.name for a in opened.accounts.list_accounts()] == [
            "acme", "Straße AG", "Zeta", "Ärzte Nord"]
        with pytest.raises(ValidationError):
            opened.accounts.create_account("ÄRZTE NORD")
    finally:
        opened.close()


def test_a_nul_character_is_refused_on_either_engine(tmp_path: Path) -> None:
    # PostgreSQL refused it with a database error, SQLite stored it.
    opened = open_workspace(tmp_path / "w.cmap")
    try:
        with pytest.raises(ValidationError, match="NUL character"):
            opened.accounts.create_account("Acme\x00 Corp")
        assert opened.accounts.list_accounts() == []
    finally:
        opened.close()
