"""Writing many stakeholders at once (imports of thousands of rows) in the caller's session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from contactmap_desktop.domain.model import Stakeholder
from contactmap_desktop.domain.people import roles_to_badges

_COLUMNS = ("id", "account_id", "name", "title", "department", "seniority", "roles", "email",
            "phone", "reports_to_id", "notes", "position", "updated_at", "deleted_at")
_INSERT = (f"INSERT INTO stakeholders ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('{0}' for _ in _COLUMNS)})")
# The driver's own placeholder: sqlite3 takes "?", psycopg "%s".
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
# SQLAlchemy's own text form of a DateTime on SQLite, so both paths read back the same.
_STAMP = "%Y-%m-%d %H:%M:%S.%f"


def insert_stakeholders(session: Session, stakeholders: Sequence[Stakeholder],
                        now: datetime) -> None:
    """One driver-level executemany: building SQLAlchemy parameters per row cost more than
    the insert itself for 100,000 people."""
    stamp = now.strftime(_STAMP)
    rows = [
        (s.id, s.account_id, s.name, s.title, s.department, s.seniority.value,
         roles_to_badges(s.roles), s.email, s.phone, s.reports_to_id, s.notes, s.position,
         stamp, None)
        for s in stakeholders
    ]
    if rows:
        connection = session.connection()
        placeholder = _PLACEHOLDERS[connection.dialect.paramstyle]
        connection.exec_driver_sql(_INSERT.format(placeholder), rows)
