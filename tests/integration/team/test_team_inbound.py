"""What comes from the team server passes the same inbound gate as an account file: a bad
record sent by a faulty or hostile laptop is left out on every other laptop, said so in the
sync's report, and the rest of the sync arrives."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.blueprint_service import BlueprintService
from contactmap_desktop.storage.schema import TeamOutboxRow
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
