"""Every custom item-data role of the app's models, in one place so that no two collide.

Each model has its own range above Qt's UserRole; views and delegates read a model's data
through these names only.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)


class MapRole(IntEnum):
    """The Contact Map grid (cells and headers)."""

    GRADE = _USER + 1  # Grade | None of a cell
    RELATIONSHIP = _USER + 2  # Relationship of a cell (blank cells included)
    CELL = _USER + 3  # CellRef of a cell
    STAKEHOLDER = _USER + 4  # Stakeholder of a column (header data)
    TEAM_MEMBER = _USER + 5  # TeamMember of a row (header data)
    DEPTH = _USER + 6  # graded relationships in a column (header data)
    HAS_PLAN = _USER + 7  # bool: a Contact Blueprint works on this cell


class AccountRole(IntEnum):
    ACCOUNT = _USER + 20  # Account of a row of the accounts list


class LetterRole(IntEnum):
    LETTER_ID = _USER + 30  # id of a letter in the Letters list


class FindingRole(IntEnum):
    FINDING = _USER + 40  # Finding (finding rows only)
    SEVERITY = _USER + 41  # Severity (both kinds of rows)
    COUNT = _USER + 42  # int (group rows only)


class HistoryRole(IntEnum):
    CHANGE = _USER + 50  # GradeChange of a row of a cell's history


class StrategyRole(IntEnum):
    STRATEGY = _USER + 60  # Strategy
    SEARCH_TEXT = _USER + 61  # str: every text of the guide, for filtering
    USAGE = _USER + 62  # int: blueprints of the account using it


class OverviewRole(IntEnum):
    SORT = _USER + 70  # a value that sorts the blueprints overview's column sensibly
    SUMMARY = _USER + 71  # BlueprintSummary
    OVERDUE = _USER + 72  # bool


class RecordRole(IntEnum):
    """Rows of the Lifecycle tab's tables."""

    RECORD = _USER + 80  # the value of a row
    ID = _USER + 81  # its id, for selection and "go to"
    FLAGGED = _USER + 82  # bool: the row needs attention


class ChoiceRole(IntEnum):
    """Items of a list to tick (ui/lifecycle/form_widgets.py, ChecklistView)."""

    KEY = _USER + 90  # str: the id of what an item stands for


ALL_ROLES: tuple[type[IntEnum], ...] = (MapRole, AccountRole, LetterRole, FindingRole,
                                        HistoryRole, StrategyRole, OverviewRole, RecordRole,
                                        ChoiceRole)
