"""The declarative base all tables share, and the time of rows older than their stamps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase

# The time of rows that predate their table's ``updated_at``: any real change is newer.
EPOCH = datetime(1970, 1, 1)


class Base(DeclarativeBase):
    pass
