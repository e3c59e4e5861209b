"""The sample account's blueprints: plans for two of its three key relationships, each one
level up and due when the focus period ends; the findings flag only the third."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from contactmap_desktop.domain.blueprints import BlueprintStatus
from contactmap_desktop.domain.finding import Rule
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.services.findings_service import FindingsService
from contactmap_desktop.services.settings_service import SettingsService
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers.fake_clock import FakeClock

NOW = datetime(2031, 6, 2, 9, 0)  # far from the real date: the plans follow the clock


def test_two_key_relationships_of_the_sample_have_a_plan(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    opened = open_workspace(tmp_path / "s.cmap", with_sample=True, clock=clock,
                            backups_root=tmp_path / "backups")
    try:
        [account] = opened.accounts.list_accounts()
        contact_map = opened.contact_maps.load_map(account.id)
        service = BlueprintService(opened.workspace, clock)
        summaries = service.summaries(contact_map, NOW.date())
        plans = {(s.stakeholder_name, s.team_names): s for s in summaries}
        assert set(plans) == {("Helena Vogt", ("Jordan Blake",)), ("李伟", ("Alex Novak",))}
        helena = plans["Helena Vogt", ("Jordan Blake",)]
        li = plans["李伟", ("Alex Novak",)]
        assert (helena.current, helena.blueprint.goal) == (Grade.INDIFFERENT, Grade.SATISFIED)
        assert (li.current, li.blueprint.goal) == (Grade.DISSATISFIED, Grade.INDIFFERENT)
        assert helena.blueprint.status is BlueprintStatus.IN_PROGRESS
        assert li.blueprint.status is BlueprintStatus.PLANNED
        assert helena.blueprint.due == NOW.date() + timedelta(days=30)
        assert li.blueprint.due == NOW.date() + timedelta(days=60)
        for summary in summaries:
            plan = summary.blueprint
            assert contact_map.relationship(plan.main_cell).is_key
            assert summary.warning is None and not summary.overdue  # one level up, on time
            assert plan.strategies and plan.tactics and plan.messages and plan.resources
            assert plan.owner_id == plan.main_cell.team_member_id
            assert summary.owner_name in summary.team_names

        findings = FindingsService(opened.contact_maps, SettingsService(opened.workspace),
                                   service.cells_with_blueprint, clock=clock)
        result = findings.findings_for_account(account.id)
        keys = [r.cell for r in contact_map.relationships.values() if r.is_key]
        unplanned = [f for f in result.findings if f.rule is Rule.KEY_WITHOUT_BLUEPRINT]
        assert len(keys) == 3 and len(unplanned) == 1
        [cell] = unplanned[0].cells
        assert (contact_map.team_member(cell.team_member_id).name,
                contact_map.stakeholder(cell.stakeholder_id).name) == ("Rita Sandoval",
                                                                       "Marcus Reid")
    finally:
        opened.close()
