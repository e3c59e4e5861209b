"""Selections that several repositories share, used as subqueries so that a read over every
account stays one statement whatever the number of accounts."""

from __future__ import annotations

from sqlalchemy import Select, select

from contactmap_desktop.storage.schema import AccountRow, StakeholderRow


def live_account_ids() -> Select[str]:
    """The ids of the accounts not deleted (a deleted one waits for undo or its purge)."""
    return select(AccountRow.id).where(AccountRow.deleted_at.is_(None))


def live_stakeholder_ids(account_id: str) -> Select[str]:
    """The ids of the account's stakeholders not deleted."""
    return select(StakeholderRow.id).where(
        StakeholderRow.account_id == account_id, StakeholderRow.deleted_at.is_(None)
    )
