"""Writing many stakeholders at once (imports of thousands of rows) in the caller's session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.domain.people import roles_to_badges
from contactmap_desktop.storage.schema import StakeholderRow

# SQLite's limit on bound parameters is 32766; 13 columns × 1000 rows stays well under it.
_BATCH = 1000


def insert_stakeholders(session: Session, stakeholders: Sequence[Stakeholder],
                        now: datetime) -> None:
    """One executemany per batch instead of one ORM object per person."""
    rows = [
        {
            "id": s.id, "account_id": s.account_id, "name": s.name, "title": s.title,
            "department": s.department, "seniority": s.seniority.value,
            "roles": roles_to_badges(s.roles), "email": s.email, "phone": s.phone,
            "reports_to_id": s.reports_to_id, "notes": s.notes, "position": s.position,
            "updated_at": now, "deleted_at": None,
        }
        for s in stakeholders
    ]
    for start in range(0, len(rows), _BATCH):
        session.execute(insert(StakeholderRow), rows[start:start + _BATCH])
