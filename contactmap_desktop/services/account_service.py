"""Use cases on accounts: list, create, rename, edit, delete and undelete."""

from __future__ import annotations

from dataclasses import replace

from contactmap_desktop.domain.changes import Changes, Saved, account_changed
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import Account, AccountStage, new_id
from contactmap_desktop.domain.money import clean_currency
from contactmap_desktop.domain.review_cadence import check_review_interval
from contactmap_desktop.domain.validation import (
    clean_long_text,
    clean_name,
    clean_short_text,
    ensure_unique_name,
)
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


class AccountService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def list_accounts(self) -> list[Account]:
        with UnitOfWork(self._workspace) as repos:
            return repos.accounts.list()

    def get(self, account_id: str) -> Account:
        with UnitOfWork(self._workspace) as repos:
            return repos.accounts.get(account_id)

    def find_by_name(self, name: str) -> Account:
        """The account called ``name`` (any case), or a ValidationError listing what exists."""
        with UnitOfWork(self._workspace) as repos:
            account = repos.accounts.find_by_name(name.strip())
            if account is None:
                known = ", ".join(a.name for a in repos.accounts.list()) or "none"
                raise ValidationError(f"No account called “{name}” (accounts: {known}).")
            return account

    def create_account(
        self, name: str, industry: str = "", stage: AccountStage = AccountStage.PROSPECT,
        account_id: str | None = None,
    ) -> Saved[Account]:
        account = Account(
            id=account_id or new_id(),
            name=clean_name(name, "account"),
            industry=clean_short_text(industry, "Industry"),
            stage=stage,
        )
        with UnitOfWork(self._workspace) as repos:
            self._ensure_unique(repos.accounts.list(), account)
            repos.accounts.save(account, self._clock())
        return Saved(account, account_changed(account.id))

    def update_account(self, account: Account) -> Saved[Account]:
        cleaned = replace(
            account,
            name=clean_name(account.name, "account"),
            industry=clean_short_text(account.industry, "Industry"),
            notes=clean_long_text(account.notes, "Notes"),
            currency=clean_currency(account.currency),
        )
        if cleaned.annual_value < 0:
            raise ValidationError("The annual contract value cannot be negative.")
        check_review_interval(cleaned.review_interval_days)
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.get(account.id)
            self._ensure_unique(repos.accounts.list(), cleaned)
            repos.accounts.save(cleaned, self._clock())
        return Saved(cleaned, account_changed(cleaned.id))

    def delete_account(self, account_id: str) -> Changes:
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.mark_deleted(account_id, self._clock())
        return account_changed(account_id)

    def undelete_account(self, account_id: str) -> Changes:
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.mark_deleted(account_id, None)
        return account_changed(account_id)

    def purge_deleted(self) -> None:
        """Drop what was deleted in an earlier session, while the workspace opens; no view
        shows deleted records, so there is no change set to return."""
        with UnitOfWork(self._workspace) as repos:
            repos.accounts.purge_deleted()

    @staticmethod
    def _ensure_unique(existing: list[Account], account: Account) -> None:
        others = [a.name for a in existing if a.id != account.id]
        ensure_unique_name(account.name, others, "account", "this workspace")
