"""Blueprint use cases: drafts prefilled from the map, and specific validation messages."""

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from contactmap_desktop.domain.blueprints import BlueprintStatus, Strategy
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.blueprint_service import BlueprintService
from tests.helpers.builders import SmallMap, build_small_map
from tests.helpers.fake_clock import FakeClock


@pytest.fixture
def small(tmp_path: Path) -> SmallMap:
    built = build_small_map(tmp_path / "w.cmap")
    yield built
    built.opened.close()


@pytest.fixture
def service(small: SmallMap) -> BlueprintService:
    return BlueprintService(small.opened.workspace, FakeClock(datetime(2026, 1, 5, 9, 0)))


def test_a_draft_starts_from_the_cell_with_the_goal_one_level_up(
    small: SmallMap, service: BlueprintService
) -> None:
    small.opened.contact_maps.set_grade(small.cell(1, 0), Grade.SATISFIED)
    draft = service.draft(small.cell(1, 0))
    assert draft.stakeholder_id == small.stakeholders[0].id
    assert draft.cells == (small.cell(1, 0),)
    assert draft.goal is Grade.OPEN
    assert draft.owner_id == small.team_members[1].id
    assert draft.status is BlueprintStatus.PLANNED
    assert service.for_cell(small.cell(1, 0)) is None  # a draft is not saved


def test_a_cell_has_at_most_one_open_blueprint(small: SmallMap,
                                               service: BlueprintService) -> None:
    service.create(service.draft(small.cell(0, 0)))
    with pytest.raises(ValidationError, match="Rep One ↔ Ada Power already has an open"):
        service.create(service.draft(small.cell(0, 0)))


def test_successive_plans_move_a_relationship_one_level_at_a_time(
        small: SmallMap, service: BlueprintService) -> None:
    """Article 004: "You can generally only move a client up one level at a time" — each
    step gets its own plan, and the earlier ones stay as its history."""
    cell, maps = small.cell(0, 0), small.opened.contact_maps
    maps.set_grade(cell, Grade.SATISFIED)
    first = service.create(replace(service.draft(cell), strategies=(Strategy.LIKING,))).value
    assert first.goal is Grade.OPEN
    with pytest.raises(ValidationError, match="Done only when its goal is reached"):
        service.update(replace(first, status=BlueprintStatus.DONE))
    maps.set_grade(cell, Grade.OPEN)
    service.update(replace(first, status=BlueprintStatus.DONE))
    second = service.create(service.draft(cell)).value
    assert second.goal is Grade.TRUST
    assert service.for_cell(cell) == second
    assert {b.id for b in service.history_of(cell)} == {first.id, second.id}


def test_a_plan_closed_short_of_its_goal_says_why_and_no_longer_covers_the_cell(
        small: SmallMap, service: BlueprintService) -> None:
    """Article 004: "You should complete a strategy for each relationship highlighted" — a
    key relationship whose plan stopped short of its goal needs a plan again."""
    cell = small.cell(0, 0)
    plan = service.create(service.draft(cell)).value
    assert cell in service.cells_with_blueprint(small.account.id)
    with pytest.raises(ValidationError, match="Say why the plan is dropped"):
        service.update(replace(plan, status=BlueprintStatus.DROPPED))
    dropped = service.update(replace(plan, status=BlueprintStatus.DROPPED,
                                     closed_reason="  Budget frozen until Q3  ")).value
    assert dropped.closed_reason == "Budget frozen until Q3"
    assert service.get(plan.id).closed_reason == "Budget frozen until Q3"
    assert cell not in service.cells_with_blueprint(small.account.id)
    assert service.for_cell(cell) == dropped  # still shown, with its reason


def test_a_done_plan_stops_covering_when_the_grade_slides_below_its_goal(
        small: SmallMap, service: BlueprintService) -> None:
    cell, maps = small.cell(0, 0), small.opened.contact_maps
    maps.set_grade(cell, Grade.OPEN)
    done = service.create(replace(service.draft(cell), goal=Grade.OPEN,
                                  strategies=(Strategy.LIKING,), status=BlueprintStatus.DONE)).value
    assert cell in service.cells_with_blueprint(small.account.id)
    maps.set_grade(cell, Grade.SATISFIED)
    assert cell not in service.cells_with_blueprint(small.account.id)
    # Still Done: notes can be edited on it although the grade slid back.
    assert service.update(replace(done, notes="slipped after the reorg")).value.status is \
        BlueprintStatus.DONE


def test_a_goal_below_the_map_grade_is_refused(small: SmallMap, service: BlueprintService) -> None:
    small.opened.contact_maps.set_grade(small.cell(0, 0), Grade.OPEN)
    with pytest.raises(ValidationError, match="below the current grade"):
        service.create(replace(service.draft(small.cell(0, 0)), goal=Grade.INDIFFERENT))


def test_a_past_due_date_is_refused_only_when_it_is_set(
    small: SmallMap, service: BlueprintService
) -> None:
    draft = service.draft(small.cell(0, 0))
    with pytest.raises(ValidationError, match="2026-01-04 is already past"):
        service.create(replace(draft, due=date(2026, 1, 4)))
    created = service.create(replace(draft, due=date(2026, 1, 5))).value
    later = BlueprintService(small.opened.workspace, FakeClock(datetime(2026, 2, 1)))
    # An overdue plan can still be edited without moving its date.
    assert later.update(replace(created, notes="still on it")).value.notes == "still on it"


def test_relationships_must_be_with_the_same_stakeholder(
    small: SmallMap, service: BlueprintService
) -> None:
    draft = service.draft(small.cell(0, 0))
    with pytest.raises(ValidationError, match="must be with Ada Power"):
        service.create(replace(draft, cells=(small.cell(0, 0), small.cell(0, 1))))
    with pytest.raises(ValidationError, match="at least one relationship"):
        service.create(replace(draft, cells=()))


def test_the_owner_must_be_on_the_team(small: SmallMap, service: BlueprintService) -> None:
    with pytest.raises(ValidationError, match="owner must be a member"):
        service.create(replace(service.draft(small.cell(0, 0)), owner_id="someone-else"))


def test_too_long_tactics_are_refused_with_the_field_named(
    small: SmallMap, service: BlueprintService
) -> None:
    with pytest.raises(ValidationError, match="The tactics is 20001 characters"):
        service.create(replace(service.draft(small.cell(0, 0)), tactics="x" * 20_001))


def test_strategies_added_and_taken_out_keep_their_order(
    small: SmallMap, service: BlueprintService
) -> None:
    """As the Blueprint panel changes them: the whole blueprint saved with its new list."""
    first = service.create(service.draft(small.cell(0, 0))).value
    both = service.update(replace(first, strategies=(Strategy.LIKING,
                                                     Strategy.AUTHORITY))).value
    assert service.get(first.id).strategies == (Strategy.LIKING, Strategy.AUTHORITY)
    service.update(replace(both, strategies=(Strategy.AUTHORITY,)))
    assert service.get(first.id).strategies == (Strategy.AUTHORITY,)


def test_in_progress_needs_a_strategy(small: SmallMap, service: BlueprintService) -> None:
    created = service.create(service.draft(small.cell(0, 0))).value
    with pytest.raises(ValidationError, match="needs at least one influence strategy"):
        service.update(replace(created, status=BlueprintStatus.IN_PROGRESS))
