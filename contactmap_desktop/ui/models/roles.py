"""Custom item-data roles of the Contact Map model, shared by its views and delegates."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_FIRST = int(Qt.ItemDataRole.UserRole) + 1


class MapRole(IntEnum):
    GRADE = _FIRST  # Grade | None of a cell
    RELATIONSHIP = _FIRST + 1  # Relationship of a cell (blank cells included)
    CELL = _FIRST + 2  # CellRef of a cell
    STAKEHOLDER = _FIRST + 3  # Stakeholder of a column (header data)
    TEAM_MEMBER = _FIRST + 4  # TeamMember of a row (header data)
    DEPTH = _FIRST + 5  # graded relationships in a column (header data)
    HAS_PLAN = _FIRST + 6  # bool: a Contact Blueprint works on this cell
