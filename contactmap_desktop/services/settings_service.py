"""Typed workspace settings (thresholds, later company name, paper size…) over stored JSON.

To add a setting: declare a ``Setting`` below with its key, default and conversions, then read
it with ``settings.get(MY_SETTING)`` and write it with ``settings.set(MY_SETTING, value)``.
Settings that belong to the data live in the workspace; window state stays in QSettings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from contactmap_desktop.domain.account_watch import LifecycleSettings
from contactmap_desktop.domain.changes import SETTINGS, Changes
from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.errors import ContactMapError, ValidationError
from contactmap_desktop.domain.review_cadence import DEFAULT_TIERS, CadenceTier, checked_tiers
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One named, typed setting: how it is stored as JSON and what it is when absent."""

    key: str
    default: T
    encode: Callable[[T], Any]
    # Raises ContactMapError (or ValueError/TypeError) for a stored value it cannot read.
    decode: Callable[[Any], T]


COVERAGE_THRESHOLDS: Setting[CoverageThresholds] = Setting(
    "coverage.thresholds", CoverageThresholds(),
    CoverageThresholds.to_json, CoverageThresholds.from_json,
)

LIFECYCLE_SETTINGS: Setting[LifecycleSettings] = Setting(
    "lifecycle.settings", LifecycleSettings(),
    LifecycleSettings.to_json, LifecycleSettings.from_json,
)


def _tiers_from_json(value: Any) -> tuple[CadenceTier, ...]:
    if not isinstance(value, list):
        raise ValidationError("The stored review tiers are not a JSON list.")
    return checked_tiers([CadenceTier.from_json(raw) for raw in value])


REVIEW_TIERS: Setting[tuple[CadenceTier, ...]] = Setting(
    "lifecycle.review_tiers", DEFAULT_TIERS,
    lambda tiers: [t.to_json() for t in checked_tiers(tiers)], _tiers_from_json,
)


def read_setting(repos: Repositories, setting: Setting[T]) -> T:
    """A setting read inside a unit of work that reads more; a damaged value is its default."""
    stored = repos.settings.get(setting.key)
    if stored is None:
        return setting.default
    try:
        return setting.decode(stored)
    except (ContactMapError, ValueError, TypeError) as error:
        # A hand-edited or newer file must not stop the app: fall back, and say so in the log.
        log.warning("Setting %s unreadable (%s); using its default", setting.key, error)
        return setting.default


class SettingsService:
    """Reads and writes settings, one unit of work each; a damaged value reads as its default."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self, setting: Setting[T]) -> T:
        with UnitOfWork(self._workspace) as repos:
            return read_setting(repos, setting)

    def set(self, setting: Setting[T], value: T) -> Changes:
        encoded = setting.encode(value)
        with UnitOfWork(self._workspace) as repos:
            repos.settings.set(setting.key, encoded)
        return SETTINGS

    def reset(self, setting: Setting[T]) -> Changes:
        return self.set(setting, setting.default)

    # Shorthands for the settings read most often.

    def coverage_thresholds(self) -> CoverageThresholds:
        return self.get(COVERAGE_THRESHOLDS)

    def set_coverage_thresholds(self, thresholds: CoverageThresholds) -> Changes:
        return self.set(COVERAGE_THRESHOLDS, thresholds)
