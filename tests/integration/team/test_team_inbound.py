"""What comes from the team server passes the same inbound gate as an account file: a bad
record sent by a faulty or hostile laptop is left out on every other laptop, said so in the
sync's report, and the rest of the sync arrives."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.storage.schema import BlueprintCellRow, TeamOutboxRow
from contactmap_desktop.storage.unit_of_work import UnitOfWork
from tests.helpers.team_laptops import ann_and_bob


def test_a_bad_record_from_another_laptop_is_left_out_and_the_rest_arrives(
        team_database: str, tmp_path: Path) -> None:
    ann, bob, small = ann_and_bob(team_database, tmp_path)
    try:
        person = small.stakeholders[0]
        ann.opened.contact_maps.update_stakeholder(replace(person, title="Chief Buyer"))
        ann.grade(small.cell(0, 1), "O")
        ann.team.engine.capture()
        with UnitOfWork(ann.opened.workspace) as repos:  # Ann's laptop misbehaves
            row = repos.session.scalars(select(TeamOutboxRow).where(
                TeamOutboxRow.section == "stakeholders")).one()
            row.fields = json.dumps({**json.loads(row.fields), "seniority": "boss"})
        assert ann.team.sync().sent >= 3

        report = bob.team.sync()

        assert report.refused_here == 1
        assert "1 change from the server failed this workspace's checks and was left out." \
            in report.lines()
        arrived = bob.opened.contact_maps.load_map(small.account.id)
        here = arrived.stakeholder(person.id)
        assert (here.title, here.seniority) == (person.title, person.seniority)
        assert arrived.relationship(small.cell(0, 1)).grade is Grade.OPEN  # the rest arrived
    finally:
        ann.close()
        bob.close()


def test_a_plan_arriving_without_its_cells_is_left_out(team_database: str,
                                                        tmp_path: Path) -> None:
    # As for account files: the window reads a plan from its first cell.
    ann, bob, small = ann_and_bob(team_database, tmp_path)
    try:
        plans = BlueprintService(ann.opened.workspace)
        plans.create(plans.draft(small.cell(0, 0)))
        ann.team.engine.capture()
        with UnitOfWork(ann.opened.workspace) as repos:  # Ann's laptop misbehaves
            for row in repos.session.scalars(select(TeamOutboxRow).where(
                    TeamOutboxRow.section == "blueprint_cells")):
                repos.session.delete(row)
        ann.team.sync()

        report = bob.team.sync()

        contact_map = bob.opened.contact_maps.load_map(small.account.id)
        assert BlueprintService(bob.opened.workspace).summaries(contact_map, date.today()) == []
        assert report.refused_here == 1
        assert bob.team.sync().refused_here == 0  # nothing left half-written to refuse again
    finally:
        ann.close()
        bob.close()


def test_a_sync_never_takes_a_plans_last_cell_away(team_database: str, tmp_path: Path) -> None:
    ann, bob, small = ann_and_bob(team_database, tmp_path)
    try:
        plans = BlueprintService(ann.opened.workspace)
        plan = plans.create(plans.draft(small.cell(0, 0))).value
        ann.team.sync()
        bob.team.sync()
        with UnitOfWork(ann.opened.workspace) as repos:  # Ann's laptop misbehaves
            repos.session.execute(delete(BlueprintCellRow))
        ann.team.sync()

        report = bob.team.sync()

        assert report.refused_here == 1
        contact_map = bob.opened.contact_maps.load_map(small.account.id)
        [summary] = BlueprintService(bob.opened.workspace).summaries(contact_map, date.today())
        assert summary.blueprint.id == plan.id and summary.blueprint.cells == (small.cell(0, 0),)
    finally:
        ann.close()
        bob.close()


def test_a_cell_taken_off_a_plan_and_a_plan_deleted_still_travel(team_database: str,
                                                                  tmp_path: Path) -> None:
    ann, bob, small = ann_and_bob(team_database, tmp_path)
    try:
        plans = BlueprintService(ann.opened.workspace)
        plan = plans.create(plans.draft(small.cell(0, 0))).value
        plan = plans.update(replace(plan, cells=(small.cell(0, 0), small.cell(1, 0)))).value
        ann.team.sync()
        bob.team.sync()
        bob_plans = BlueprintService(bob.opened.workspace)
        plans.update(replace(plan, cells=(small.cell(0, 0),)))
        ann.team.sync()
        assert bob.team.sync().refused_here == 0
        assert bob_plans.get(plan.id).cells == (small.cell(0, 0),)
        plans.delete(plan.id)
        ann.team.sync()
        assert bob.team.sync().refused_here == 0
        assert bob_plans.list_for_account(small.account.id) == []
    finally:
        ann.close()
        bob.close()
