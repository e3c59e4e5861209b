"""Every service operation that writes returns the change set of what it wrote: a `Changes`,
or a result whose ``changes`` names it (docs/architecture.md, the change-set contract)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.changes import (
    SETTINGS,
    Changes,
    account_changed,
    grades_of,
    letters_of,
    lifecycle_of,
    marks_of,
    people_of,
    plans_of,
    team_of,
)
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
    Verdict,
)
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.model import AccountStage, Stakeholder, TeamMember, new_id
from contactmap_desktop.services.settings_service import COVERAGE_THRESHOLDS
from contactmap_desktop.services.workspace_services import WorkspaceServices
from tests.helpers.builders import SmallMap, build_small_map


def written(result: object) -> Changes:
    """The change set an operation returned: the result itself, or its ``changes``."""
    changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
    assert isinstance(changes, Changes), f"{type(result).__name__} names no change set"
    return changes


@pytest.fixture
def small(tmp_path: Path) -> Iterator[SmallMap]:
    small = build_small_map(tmp_path / "w.cmap")
    yield small
    small.opened.close()


def services(small: SmallMap) -> WorkspaceServices:
    return small.opened.services


# Each case does one write (after what it needs first) and gives (what the write returned,
# the change set expected of it).
Case = Callable[[SmallMap], tuple[object, Changes]]


def _add_account(small: SmallMap) -> tuple[object, Changes]:
    saved = services(small).accounts.create_account("Globex", "Retail")
    return saved, account_changed(saved.value.id)


def _edit_account(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).accounts.update_account(replace(small.account, notes="Busy")),
            account_changed(small.account.id))


def _delete_account(small: SmallMap) -> tuple[object, Changes]:
    return services(small).accounts.delete_account(small.account.id), \
        account_changed(small.account.id)


def _undelete_account(small: SmallMap) -> tuple[object, Changes]:
    services(small).accounts.delete_account(small.account.id)
    return services(small).accounts.undelete_account(small.account.id), \
        account_changed(small.account.id)


def _add_stakeholder(small: SmallMap) -> tuple[object, Changes]:
    person = Stakeholder(new_id(), small.account.id, "Nia New", position=-1)
    return services(small).contact_maps.add_stakeholder(person), people_of(small.account.id)


def _edit_stakeholder(small: SmallMap) -> tuple[object, Changes]:
    edited = replace(small.stakeholders[0], title="Chair")
    return services(small).contact_maps.update_stakeholder(edited), people_of(small.account.id)


def _remove_stakeholder(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).contact_maps.remove_stakeholder(small.stakeholders[0].id),
            people_of(small.account.id))


def _restore_stakeholder(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).contact_maps
    service.remove_stakeholder(small.stakeholders[0].id)
    return service.restore_stakeholder(small.stakeholders[0].id), people_of(small.account.id)


def _add_team_member(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).contact_maps.add_team_member(small.account.id,
                                                         TeamMember(new_id(), "Tia New")),
            team_of(small.account.id))


def _edit_team_member(small: SmallMap) -> tuple[object, Changes]:
    edited = replace(small.team_members[0], title="Director")
    return (services(small).contact_maps.update_team_member(small.account.id, edited),
            team_of(small.account.id))


def _remove_team_member(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).contact_maps.remove_team_member(small.account.id,
                                                            small.team_members[0].id),
            team_of(small.account.id))


def _restore_team_member(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).contact_maps
    removal = service.remove_team_member(small.account.id, small.team_members[0].id)
    return service.restore_team_member(removal), team_of(small.account.id)


def _reorder_stakeholders(small: SmallMap) -> tuple[object, Changes]:
    order = [s.id for s in reversed(small.stakeholders)]
    return (services(small).contact_maps.reorder_stakeholders(small.account.id, order),
            people_of(small.account.id))


def _reorder_team(small: SmallMap) -> tuple[object, Changes]:
    order = [m.id for m in reversed(small.team_members)]
    return (services(small).contact_maps.reorder_team(small.account.id, order),
            team_of(small.account.id))


def _grade_one(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).contact_maps.set_grade(small.cell(0, 1), Grade.OPEN),
            grades_of([small.cell(0, 1)]))


def _mark(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).contact_maps
    cell = small.cell(1, 2)
    relationship = service.load_map(small.account.id).relationship(cell)
    return service.update_marks(replace(relationship, is_key=True)), marks_of([cell])


def _grade_many(small: SmallMap) -> tuple[object, Changes]:
    cells = [small.cell(0, 0), small.cell(1, 2)]
    return (services(small).grade_batch.set_grades(dict.fromkeys(cells, Grade.TRUST)),
            grades_of(cells))


def _take_grades_back(small: SmallMap) -> tuple[object, Changes]:
    batch = services(small).grade_batch
    cells = [small.cell(0, 0), small.cell(1, 2)]
    before = batch.relationships(cells)
    done = batch.set_grades(dict.fromkeys(cells, Grade.TRUST)).value
    return batch.take_back(done, before, "undone"), grades_of(cells)


def _note_on_a_change(small: SmallMap) -> tuple[object, Changes]:
    change = services(small).contact_maps.set_grade(small.cell(1, 0), Grade.OPEN).change
    assert change is not None
    return (services(small).grade_notes.set_note(change.id, "After the pilot"),
            grades_of([small.cell(1, 0)]))


def _plan(small: SmallMap) -> Blueprint:
    service = services(small).blueprints
    return service.create(service.draft(small.cell(0, 0))).value


def _create_blueprint(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).blueprints
    return service.create(service.draft(small.cell(0, 0))), plans_of([small.cell(0, 0)])


def _edit_blueprint(small: SmallMap) -> tuple[object, Changes]:
    moved = replace(_plan(small), cells=(small.cell(1, 0),))  # the relationship it left too
    return (services(small).blueprints.update(moved),
            plans_of([small.cell(0, 0), small.cell(1, 0)]))


def _delete_blueprint(small: SmallMap) -> tuple[object, Changes]:
    return services(small).blueprints.delete(_plan(small).id), plans_of([small.cell(0, 0)])


def _restore_deleted_blueprint(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).blueprints
    plan = service.delete(_plan(small).id).value
    return service.restore(plan), plans_of([small.cell(0, 0)])


def _restore_earlier_blueprint(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).blueprints
    plan = _plan(small)
    service.update(replace(plan, cells=(small.cell(1, 0),)))
    return service.restore(plan), plans_of([small.cell(0, 0), small.cell(1, 0)])


def contact_map(small: SmallMap) -> ContactMap:
    return services(small).contact_maps.load_map(small.account.id)


def _letter(small: SmallMap) -> SponsorLetter:
    service = services(small).letters
    return service.save(service.draft(contact_map(small))).value


def _new_letter(small: SmallMap) -> tuple[object, Changes]:
    draft = services(small).letters.draft(contact_map(small))
    return services(small).letters.save(draft), letters_of([draft.id])


def _edit_letter(small: SmallMap) -> tuple[object, Changes]:
    letter = _letter(small)
    return (services(small).letters.save(replace(letter, subject="Next steps")),
            letters_of([letter.id]))


def _revise_letter(small: SmallMap) -> tuple[object, Changes]:
    saved = services(small).letters.new_revision(_letter(small).id)
    return saved, letters_of([saved.value.id])


def _delete_letter(small: SmallMap) -> tuple[object, Changes]:
    letter = _letter(small)
    return services(small).letters.delete(letter.id), letters_of([letter.id])


def lifecycle_and_account(small: SmallMap) -> Changes:
    """What a stage change that moves the account's stage changes."""
    return lifecycle_of(small.account.id) | account_changed(small.account.id)


def _engagement(small: SmallMap, status: EngagementStatus = EngagementStatus.ACTIVE
                ) -> Engagement:
    engagement = Engagement(new_id(), small.account.id, "Route pilot", status=status)
    return services(small).lifecycle.save(engagement).value


def _stage(small: SmallMap, stage: AccountStage, days_ago: int = 10) -> StageChange:
    return StageChange(new_id(), small.account.id, stage, date.today() - timedelta(days_ago))


def _save_engagement(small: SmallMap) -> tuple[object, Changes]:
    engagement = Engagement(new_id(), small.account.id, "Route pilot")
    return services(small).lifecycle.save(engagement), lifecycle_of(small.account.id)


def _save_criterion(small: SmallMap) -> tuple[object, Changes]:
    criterion = SuccessCriterion(new_id(), _engagement(small).id, "Fewer empty miles",
                                 (small.stakeholders[0].id,))
    return services(small).lifecycle.save(criterion), lifecycle_of(small.account.id)


def _save_stage(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).lifecycle.save(_stage(small, AccountStage.PILOT)),
            lifecycle_and_account(small))


def _record_stage(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).lifecycle.record_stage(_stage(small, AccountStage.PILOT)),
            lifecycle_and_account(small))


def _record_the_stage_it_is_in(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).lifecycle.record_stage(_stage(small, AccountStage.PROSPECT)),
            lifecycle_of(small.account.id))  # the account itself did not change


def _take_a_stage_back(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).lifecycle
    recorded = service.record_stage(_stage(small, AccountStage.PILOT)).value
    return service.take_back(recorded), lifecycle_and_account(small)


def _delete_engagement(small: SmallMap) -> tuple[object, Changes]:
    return (services(small).lifecycle.delete(Engagement, _engagement(small).id),
            lifecycle_of(small.account.id))


def _delete_latest_stage(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).lifecycle
    service.record_stage(_stage(small, AccountStage.PILOT, days_ago=20))
    latest = service.record_stage(_stage(small, AccountStage.CONTRACT)).value.values[0]
    return service.delete(StageChange, latest.id), lifecycle_and_account(small)


def _restore_engagement(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).lifecycle
    removed = service.delete(Engagement, _engagement(small).id).value
    return service.restore(removed), lifecycle_of(small.account.id)


def _engagement_from_a_problem(small: SmallMap) -> tuple[object, Changes]:
    service = services(small).lifecycle
    delivered = _engagement(small, EngagementStatus.DELIVERED)
    review = service.save(DeliveryReview(new_id(), delivered.id, small.stakeholders[0].id,
                                         date.today(), Verdict.MET, "",
                                         ("Invoices by hand", ""))).value
    return service.start_engagement_from_problem(review.id, 0), lifecycle_of(small.account.id)


def _setting(small: SmallMap) -> tuple[object, Changes]:
    return services(small).settings.reset(COVERAGE_THRESHOLDS), SETTINGS


def _printing_settings(small: SmallMap) -> tuple[object, Changes]:
    return services(small).report_settings.save(company_name="Ours Ltd"), SETTINGS


CASES: list[Case] = [
    _add_account, _edit_account, _delete_account, _undelete_account,
    _add_stakeholder, _edit_stakeholder, _remove_stakeholder, _restore_stakeholder,
    _add_team_member, _edit_team_member, _remove_team_member, _restore_team_member,
    _reorder_stakeholders, _reorder_team,
    _grade_one, _mark, _grade_many, _take_grades_back, _note_on_a_change,
    _create_blueprint, _edit_blueprint, _delete_blueprint,
    _restore_deleted_blueprint, _restore_earlier_blueprint,
    _new_letter, _edit_letter, _revise_letter, _delete_letter,
    _save_engagement, _save_criterion, _save_stage, _record_stage, _record_the_stage_it_is_in,
    _take_a_stage_back, _delete_engagement, _delete_latest_stage, _restore_engagement,
    _engagement_from_a_problem,
    _setting, _printing_settings,
]


@pytest.mark.parametrize("case", CASES, ids=[case.__name__.lstrip("_") for case in CASES])
def test_each_write_returns_what_it_changed(small: SmallMap, case: Case) -> None:
    result, expected = case(small)
    assert written(result) == expected
