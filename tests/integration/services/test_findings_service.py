"""Settings and findings services on a real workspace file, reopened to prove persistence."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from contactmap_desktop.domain.coverage_settings import CoverageThresholds
from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Relationship
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.settings_service import (
    COVERAGE_THRESHOLDS,
    Setting,
    SettingsService,
)
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.builders import build_small_map
from tests.helpers.fake_clock import FakeClock


def test_thresholds_default_then_persist_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "w.cmap"
    opened = open_workspace(path)
    settings = SettingsService(opened.workspace)
    assert settings.coverage_thresholds() == CoverageThresholds()
    settings.set_coverage_thresholds(CoverageThresholds(trust_share_limit=45, stale_after_days=30))
    opened.close()

    reopened = open_workspace(path)
    try:
        thresholds = SettingsService(reopened.workspace).coverage_thresholds()
        assert (thresholds.trust_share_limit, thresholds.stale_after_days) == (45, 30)
        assert thresholds.open_share_floor == 25
    finally:
        reopened.close()


@pytest.mark.parametrize("stored", [[1, 2], {"stale_after_days": -5}, "thirty"])
def test_a_damaged_stored_value_reads_as_the_default(tmp_path: Path, stored: object) -> None:
    opened = open_workspace(tmp_path / "w.cmap")
    try:
        with UnitOfWork(opened.workspace) as repos:
            repos.settings.set(COVERAGE_THRESHOLDS.key, stored)
        assert SettingsService(opened.workspace).coverage_thresholds() == CoverageThresholds()
    finally:
        opened.close()


def test_any_typed_setting_can_be_declared_and_reset(tmp_path: Path) -> None:
    company: Setting[str] = Setting("company.name", "", str, str)
    opened = open_workspace(tmp_path / "w.cmap")
    try:
        settings = SettingsService(opened.workspace)
        settings.set(company, "Ours Ltd")
        assert settings.get(company) == "Ours Ltd"
        settings.reset(company)
        assert settings.get(company) == ""
    finally:
        opened.close()


def test_findings_follow_the_thresholds_and_the_clock(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 1, 5, 9, 0))
    small = build_small_map(tmp_path / "w.cmap")
    opened = small.opened
    try:
        maps = opened.contact_maps
        maps._clock = clock  # the grades below are reviewed "now" by this clock
        maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
        clock.advance(minutes=1)  # history is ordered by time
        maps.set_grade(small.cell(0, 0), Grade.TRUST)  # two levels at once
        maps.set_grade(small.cell(1, 1), Grade.OPEN)
        settings = SettingsService(opened.workspace)
        # Two graded cells: the share rules speak only when allowed from one graded cell.
        settings.set_coverage_thresholds(CoverageThresholds(fewest_graded_for_shares=1))
        service = FindingsService(maps, settings, clock=clock)

        rules = {f.rule for f in service.findings_for_account(small.account.id).findings}
        assert Rule.BIG_JUMP in rules and Rule.GENEROUS_TRUST in rules
        assert Rule.NOT_REVIEWED not in rules

        clock.advance(days=91)
        settings.set_coverage_thresholds(CoverageThresholds(trust_share_limit=50,
                                                            fewest_graded_for_shares=1))
        result = service.findings_for_account(small.account.id)
        rules = {f.rule for f in result.findings}
        assert Rule.NOT_REVIEWED in rules and Rule.GENEROUS_TRUST not in rules
        assert result.thresholds.trust_share_limit == 50
    finally:
        opened.close()


def test_key_without_blueprint_speaks_only_once_blueprints_are_wired(tmp_path: Path) -> None:
    small = build_small_map(tmp_path / "w.cmap")
    opened = small.opened
    try:
        maps = opened.contact_maps
        maps.set_grade(small.cell(0, 0), Grade.SATISFIED)
        maps.update_marks(Relationship(small.cell(0, 0), is_key=True))
        settings = SettingsService(opened.workspace)
        without = FindingsService(maps, settings).findings_for_account(small.account.id)
        assert Rule.KEY_WITHOUT_BLUEPRINT not in {f.rule for f in without.findings}
        wired = FindingsService(maps, settings, blueprint_cells=lambda _account: frozenset())
        found = [f for f in wired.findings_for_account(small.account.id).findings
                 if f.rule is Rule.KEY_WITHOUT_BLUEPRINT]
        assert [f.cells for f in found] == [(small.cell(0, 0),)]

        blueprints = BlueprintService(opened.workspace)
        real = FindingsService(maps, settings, blueprints.cells_with_blueprint)
        assert Rule.KEY_WITHOUT_BLUEPRINT in {
            f.rule for f in real.findings_for_account(small.account.id).findings}
        blueprints.create(blueprints.draft(small.cell(0, 0)))
        assert Rule.KEY_WITHOUT_BLUEPRINT not in {
            f.rule for f in real.findings_for_account(small.account.id).findings}
    finally:
        opened.close()
