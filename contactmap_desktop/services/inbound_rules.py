"""The inbound gate's rules as tables: what each field must hold, how each record is checked
as the window checks it, and which column makes a record part of an account.

The enums, limits and checks are the domain's own; only which field meets which is said here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

from contactmap_desktop.domain.blueprints import BlueprintStatus, Strategy
from contactmap_desktop.domain.commitments import CommitmentKind, Side, StepStatus
from contactmap_desktop.domain.engagements import EngagementKind, EngagementStatus, Verdict
from contactmap_desktop.domain.errors import ContactMapError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.metrics import Direction, Metric
from contactmap_desktop.domain.model import MAX_AMOUNT, AccountStage, FocusPeriod
from contactmap_desktop.domain.money import ISO_4217
from contactmap_desktop.domain.people import BuyingRole, Seniority
from contactmap_desktop.domain.review_cadence import MOST_DAYS_BETWEEN_REVIEWS
from contactmap_desktop.domain.validation import (
    LONG_TEXT_MAX,
    clean_long_text,
    clean_name,
    clean_short_text,
)
from contactmap_desktop.services.csv_import import MAPPING_KEY_PREFIX
from contactmap_desktop.services.report_settings import COMPANY_NAME, LETTER_TEMPLATE, PAPER_SIZE
from contactmap_desktop.services.settings_service import (
    COVERAGE_THRESHOLDS,
    LIFECYCLE_SETTINGS,
    REVIEW_TIERS,
    Setting,
)
from contactmap_desktop.storage.account_sections import TableSection
from contactmap_desktop.storage.schema import EPOCH

# --- single fields ---------------------------------------------------------------------------

ENUMS: dict[tuple[str, str], type[Enum]] = {
    ("account", "stage"): AccountStage,
    ("stakeholders", "seniority"): Seniority,
    ("team_members", "seniority"): Seniority,
    ("relationships", "grade"): Grade,
    ("relationships", "focus_days"): FocusPeriod,
    ("grade_changes", "old_grade"): Grade,
    ("grade_changes", "new_grade"): Grade,
    ("blueprints", "goal"): Grade,
    ("blueprints", "status"): BlueprintStatus,
    ("blueprint_strategies", "strategy"): Strategy,
    ("account_stage_changes", "stage"): AccountStage,
    ("engagements", "kind"): EngagementKind,
    ("engagements", "status"): EngagementStatus,
    ("delivery_reviews", "verdict"): Verdict,
    ("commitments", "side"): Side,
    ("commitments", "kind"): CommitmentKind,
    ("commitments", "status"): StepStatus,
    ("metrics", "direction"): Direction,
}
# Their values, gathered once: a first sync checks hundreds of thousands of fields.
_ENUM_VALUES = {key: frozenset(member.value for member in enum) for key, enum in ENUMS.items()}

# The window's limits on the texts its services clean, with the words it names them by (the
# lifecycle values and letters check their own texts, in ``_VALUE_CHECKS``).
_NAME, _SHORT, _LONG = "name", "short", "long"
TEXTS: dict[tuple[str, str], tuple[str, str]] = {
    ("account", "name"): (_NAME, "account"),
    ("account", "industry"): (_SHORT, "The industry"),
    ("account", "notes"): (_LONG, "The notes"),
    ("stakeholders", "name"): (_NAME, "stakeholder"),
    ("stakeholders", "title"): (_SHORT, "The title"),
    ("stakeholders", "department"): (_SHORT, "The department"),
    ("stakeholders", "email"): (_SHORT, "The email address"),
    ("stakeholders", "phone"): (_SHORT, "The phone number"),
    ("team_members", "name"): (_NAME, "team member"),
    ("team_members", "title"): (_SHORT, "The title"),
    ("team_members", "email"): (_SHORT, "The email address"),
    ("blueprints", "closed_reason"): (_LONG, "The reason"),
}
_CLEANERS: dict[str, Callable[[str, str], str]] = {
    _NAME: clean_name, _SHORT: clean_short_text, _LONG: clean_long_text}

# Columns holding a JSON list (kept inside their row); their items are checked on reading.
JSON_LISTS = frozenset({
    ("sponsor_letters", "pains"), ("sponsor_letters", "milestones"),
    ("success_criteria", "agreed_by"), ("metrics", "measurements"),
    ("review_meetings", "our_attendees"), ("review_meetings", "client_attendees"),
    ("review_meetings", "metrics_reviewed"),
})
# Those lists that hold ids (of stakeholders, team members, metrics).
ID_LISTS = frozenset({
    ("success_criteria", "agreed_by"), ("review_meetings", "our_attendees"),
    ("review_meetings", "client_attendees"), ("review_meetings", "metrics_reviewed"),
})
# A whole letter's quotes and milestones at their limits fit well within this.
JSON_TEXT_MAX = 8_000_000
# Amounts the window's value boxes hold; other whole numbers (positions) fit a Qt int.
AMOUNTS = frozenset({("account", "annual_value"), ("engagements", "value")})
_QT_INT = (-(2**31), 2**31 - 1)
# Plain dates (due, renewal, held on…) in a range the calendar and the PDFs handle; record
# times (changed, updated) from the epoch, which stands for "older than any change", on.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))
TIME_RANGE = (EPOCH, dt.datetime(2200, 1, 1))


# Whole numbers with a range of their own, as the window's boxes hold them.
_RANGES = {("account", "review_interval_days"): (1, MOST_DAYS_BETWEEN_REVIEWS)}


def integer_range(section: str, column: str) -> tuple[int, int]:
    if (section, column) in AMOUNTS:
        return 0, MAX_AMOUNT
    return _RANGES.get((section, column), _QT_INT)


def field_problem(section: str, column: str, value: Any) -> str | None:
    """What is wrong with one decoded value, or None."""
    allowed = _ENUM_VALUES.get((section, column))
    if allowed is not None:
        if value not in allowed:
            return "not one of " + ", ".join(str(m.value) for m in ENUMS[(section, column)])
        return None
    if (section, column) == ("account", "currency"):
        return None if value == "" or value in ISO_4217 else \
            "not an ISO 4217 currency code (USD, EUR, GBP…)"
    if (section, column) == ("stakeholders", "roles"):
        badges = [role.badge for role in BuyingRole]
        if any(c not in badges for c in value) or len(set(value)) != len(value):
            return "buying roles are some of the badges " + ", ".join(badges)
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        low, high = integer_range(section, column)
        return None if low <= value <= high else f"not a whole number from {low} to {high}"
    if isinstance(value, dt.datetime):
        low_time, high_time = TIME_RANGE
        return None if low_time <= value < high_time else \
            f"not a time from {low_time.year} to {high_time.year - 1}"
    if isinstance(value, dt.date):
        low_date, high_date = DATE_RANGE
        return None if low_date <= value <= high_date else \
            f"not a date from {low_date.year} to {high_date.year}"
    if isinstance(value, str):
        return _text_problem(section, column, value)
    return None


def _text_problem(section: str, column: str, value: str) -> str | None:
    if "\x00" in value:  # no text of PostgreSQL's (the team server's) holds one
        return "a NUL character, which cannot be stored"
    if (section, column) in JSON_LISTS or (section, column) == ("settings", "value"):
        if len(value) > JSON_TEXT_MAX:
            return "too long"
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):  # RecursionError: nested past Python's limit
            return "not JSON"
        if (section, column) in JSON_LISTS and not isinstance(parsed, list):
            return "not a JSON list"
        if (section, column) in ID_LISTS and not all(isinstance(i, str) for i in parsed):
            return "not a JSON list of ids"
        return None
    text_rule = TEXTS.get((section, column))
    if text_rule is not None:
        kind, label = text_rule
        try:
            _CLEANERS[kind](value, label)
        except ContactMapError as error:
            return str(error).rstrip(".")
        return None
    if len(value) > LONG_TEXT_MAX:
        return f"longer than {LONG_TEXT_MAX:,} characters"
    return None


# --- whole records, read back as the app reads them ------------------------------------------

# The window refuses reviews, stage changes and sightings dated after today; from another
# computer (another time zone, another clock) that is no reason to refuse a record.
_NO_TODAY = DATE_RANGE[1]


def _letter(letter: SponsorLetter) -> str | None:
    letter.checked()
    return _dates_problem([m.due for m in letter.milestones], "a milestone's due date") or \
        _dates_problem([m.done_on for m in letter.milestones], "a milestone's done date")


def _metric(metric: Metric) -> str | None:
    metric.checked()
    return _dates_problem([m.on for m in metric.measurements], "a measured value's date")


def _dates_problem(dates: list[dt.date | None], what: str) -> str | None:
    low, high = DATE_RANGE
    for day in dates:
        if day is not None and not low <= day <= high:
            return f"{what} {day.isoformat()} is not from {low.year} to {high.year}"
    return None


def _checked(value: Any) -> None:
    value.checked()


def _checked_any_day(value: Any) -> None:
    value.checked(_NO_TODAY)


# The window's own checks of each kind of value (they raise ValidationError, or say why).
_VALUE_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "sponsor_letters": _letter,
    "metrics": _metric,
    "engagements": _checked,
    "success_criteria": _checked,
    "commitments": _checked,
    "review_meetings": _checked,
    "delivery_reviews": _checked_any_day,
    "competitors": _checked_any_day,
    "account_stage_changes": _checked_any_day,
}


def record_problem(section: str, values: dict[str, Any], value: Any) -> str | None:
    """What the window would refuse in a record read back as ``value``, or None; may raise
    ValidationError (the domain's own words) or the errors of reading JSON."""
    if section == "settings":
        setting = SETTINGS.get(values["key"])
        if setting is not None:
            setting.decode(json.loads(values["value"]))
        elif values["key"].startswith(MAPPING_KEY_PREFIX):
            mapping = json.loads(values["value"])
            if not isinstance(mapping, list) or not all(isinstance(f, str) for f in mapping):
                return "a remembered CSV mapping is a list of field names"
        return None
    check = _VALUE_CHECKS.get(section)
    return check(value) if check is not None else None


# --- settings ------------------------------------------------------------------------------

# The workspace settings an account file carries; the logo path never travels (it names a
# file on the computer that wrote it), nor do settings this version does not know.
SETTINGS: dict[str, Setting[Any]] = {s.key: s for s in (
    COVERAGE_THRESHOLDS, LIFECYCLE_SETTINGS, REVIEW_TIERS, PAPER_SIZE, COMPANY_NAME,
    LETTER_TEMPLATE)}


def setting_travels(key: str) -> bool:
    return key in SETTINGS or key.startswith(MAPPING_KEY_PREFIX)


# --- ownership -------------------------------------------------------------------------------

# The column that makes a record part of an account, and the section it names (the account
# itself, or a record that is part of it). Team members and settings are shared by accounts.
OWNERS: dict[str, tuple[str, str]] = {
    "stakeholders": ("account_id", "account"),
    "account_team": ("account_id", "account"),
    "relationships": ("stakeholder_id", "stakeholders"),
    "leverage_links": ("source_stakeholder_id", "stakeholders"),
    "grade_changes": ("stakeholder_id", "stakeholders"),
    "blueprints": ("account_id", "account"),
    "blueprint_cells": ("blueprint_id", "blueprints"),
    "blueprint_strategies": ("blueprint_id", "blueprints"),
    "sponsor_letters": ("account_id", "account"),
    "account_stage_changes": ("account_id", "account"),
    "engagements": ("account_id", "account"),
    "success_criteria": ("engagement_id", "engagements"),
    "delivery_reviews": ("engagement_id", "engagements"),
    "commitments": ("engagement_id", "engagements"),
    "metrics": ("engagement_id", "engagements"),
    "review_meetings": ("account_id", "account"),
    "competitors": ("account_id", "account"),
}

# Other columns that name records (one id, or a JSON list of ids in ``JSON_LISTS``).
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "stakeholders": (("reports_to_id", "stakeholders"),),
    "account_team": (("team_member_id", "team_members"),),
    "relationships": (("team_member_id", "team_members"),),
    "leverage_links": (("source_team_member_id", "team_members"),
                       ("target_team_member_id", "team_members"),
                       ("target_stakeholder_id", "stakeholders")),
    "grade_changes": (("team_member_id", "team_members"),),
    "blueprints": (("stakeholder_id", "stakeholders"), ("owner_id", "team_members")),
    "blueprint_cells": (("team_member_id", "team_members"), ("stakeholder_id", "stakeholders")),
    "sponsor_letters": (("addressee_id", "stakeholders"), ("sender_id", "team_members"),
                        ("based_on_id", "sponsor_letters")),
    "engagements": (("origin_review_id", "delivery_reviews"),),
    "success_criteria": (("agreed_by", "stakeholders"),),
    "delivery_reviews": (("stakeholder_id", "stakeholders"),),
    "commitments": (("stakeholder_id", "stakeholders"), ("team_member_id", "team_members")),
    "review_meetings": (("our_attendees", "team_members"), ("client_attendees", "stakeholders"),
                        ("metrics_reviewed", "metrics")),
}


def references(section: TableSection) -> Iterator[tuple[str, str, bool, bool]]:
    """(column, section named, required, a JSON list) for each column naming other records;
    required when the database itself insists the record exists (a foreign key)."""
    for column, target in _REFERENCES.get(section.name, ()):
        required = bool(section.table.__table__.c[column].foreign_keys)
        yield column, target, required, (section.name, column) in JSON_LISTS
