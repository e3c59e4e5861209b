"""Blueprint rules: default goal one level up, a warning beyond that, goals never below."""

from datetime import date

import pytest

from contactmap_desktop.domain.blueprints import (
    Blueprint,
    BlueprintStatus,
    Strategy,
    check_closing,
    check_goal,
    check_strategies,
    current_plan,
    default_goal,
    goal_warning,
    summarize,
)
from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import Account, CellRef, Relationship, Stakeholder, TeamMember

T, O, S, I, D, M = (Grade.TRUST, Grade.OPEN, Grade.SATISFIED, Grade.INDIFFERENT,  # noqa: E741
                    Grade.DISSATISFIED, Grade.MOTIVATED)


@pytest.mark.parametrize(("current", "goal"), [
    (M, D), (D, I), (I, S), (S, O), (O, T), (T, T), (None, S),
])
def test_the_default_goal_is_one_level_up(current: Grade | None, goal: Grade) -> None:
    assert default_goal(current) is goal


@pytest.mark.parametrize(("current", "goal", "warned"), [
    (S, O, False), (S, S, False), (O, T, False), (T, T, False), (None, S, False),
    (S, T, True), (I, O, True), (M, S, True), (None, O, True), (D, T, True),
])
def test_a_goal_more_than_one_level_up_is_warned_about(
    current: Grade | None, goal: Grade, warned: bool
) -> None:
    assert (goal_warning(current, goal) is not None) is warned


def test_the_warning_names_the_levels_and_suggests_the_next_one() -> None:
    warning = goal_warning(Grade.INDIFFERENT, Grade.TRUST)
    assert warning is not None
    assert "3 levels above Indifferent" in warning
    assert "consider Satisfied" in warning


@pytest.mark.parametrize(("current", "goal"), [(O, S), (T, I), (S, M)])
def test_a_goal_below_the_current_grade_is_refused(current: Grade, goal: Grade) -> None:
    with pytest.raises(ValidationError, match=f"below the current grade \\({current.label}\\)"):
        check_goal(current, goal)


def test_holding_a_grade_or_starting_from_blank_is_allowed() -> None:
    check_goal(Grade.TRUST, Grade.TRUST)
    check_goal(None, Grade.MOTIVATED)


def test_strategies_may_not_repeat() -> None:
    with pytest.raises(ValidationError, match="only once"):
        check_strategies((Strategy.LIKING, Strategy.LIKING), BlueprintStatus.PLANNED)


@pytest.mark.parametrize("status", [BlueprintStatus.IN_PROGRESS, BlueprintStatus.DONE])
def test_work_under_way_needs_a_strategy(status: BlueprintStatus) -> None:
    with pytest.raises(ValidationError, match=f"“{status.label}” needs at least one"):
        check_strategies((), status)
    check_strategies((), BlueprintStatus.PLANNED)
    check_strategies((), BlueprintStatus.DROPPED)


@pytest.mark.parametrize(("status", "due", "overdue"), [
    (BlueprintStatus.PLANNED, date(2026, 1, 4), True),
    (BlueprintStatus.IN_PROGRESS, date(2026, 1, 4), True),
    (BlueprintStatus.PLANNED, date(2026, 1, 5), False),
    (BlueprintStatus.DONE, date(2026, 1, 4), False),
    (BlueprintStatus.DROPPED, date(2026, 1, 4), False),
    (BlueprintStatus.PLANNED, None, False),
])
def test_overdue_means_open_and_past_its_due_date(
    status: BlueprintStatus, due: date | None, overdue: bool
) -> None:
    blueprint = Blueprint("b", "a", "s", (CellRef("t", "s"),), Grade.OPEN, status=status, due=due)
    assert blueprint.is_overdue(date(2026, 1, 5)) is overdue


def test_a_summary_reads_the_current_grade_and_names_from_the_map() -> None:
    cell = CellRef("t1", "s1")
    contact_map = ContactMap(
        account=Account("a", "Acme"),
        stakeholders=[Stakeholder("s1", "a", "Zoë Müller")],
        team_members=[TeamMember("t1", "Jordan Blake")],
        relationships={cell: Relationship(cell, Grade.INDIFFERENT)},
    )
    blueprint = Blueprint("b", "a", "s1", (cell, CellRef("gone", "s1")), Grade.OPEN,
                          strategies=(Strategy.RECIPROCITY, Strategy.SCARCITY),
                          owner_id="t1", due=date(2026, 1, 1))
    summary = summarize(blueprint, contact_map, date(2026, 1, 5))
    assert summary.stakeholder_name == "Zoë Müller"
    assert summary.team_names == ("Jordan Blake", "—")
    assert summary.current is Grade.INDIFFERENT
    assert summary.owner_name == "Jordan Blake"
    assert summary.overdue
    assert summary.warning is not None
    assert summary.strategy_labels == "IOU, It's going fast"


@pytest.mark.parametrize(("status", "current", "covered"), [
    (BlueprintStatus.PLANNED, Grade.SATISFIED, True),
    (BlueprintStatus.IN_PROGRESS, Grade.INDIFFERENT, True),
    (BlueprintStatus.DONE, Grade.OPEN, True),  # goal reached and held
    (BlueprintStatus.DONE, Grade.TRUST, True),
    (BlueprintStatus.DONE, Grade.SATISFIED, False),  # slid back below its goal
    (BlueprintStatus.DROPPED, Grade.OPEN, False),  # closed: a key cell needs a new plan
    (BlueprintStatus.DROPPED, Grade.SATISFIED, False),
])
def test_a_plan_covers_its_key_relationship_while_open_or_done_at_its_goal(
        status: BlueprintStatus, current: Grade, covered: bool) -> None:
    """Article 004: "You should complete a strategy for each relationship highlighted on your
    Client Contact Map" — a plan closed short of its goal leaves the key cell without one."""
    plan = Blueprint("b", "a", "s", (CellRef("t", "s"),), Grade.OPEN, status=status)
    assert plan.holds(current) is covered


@pytest.mark.parametrize(("status", "current", "reason", "refused"), [
    (BlueprintStatus.DONE, Grade.SATISFIED, "", "Done only when its goal is reached"),
    (BlueprintStatus.DONE, None, "", "Done only when its goal is reached"),
    (BlueprintStatus.DONE, Grade.OPEN, "", None),
    (BlueprintStatus.DROPPED, Grade.SATISFIED, "", "Say why"),
    (BlueprintStatus.DROPPED, Grade.SATISFIED, "Budget frozen", None),
])
def test_done_needs_the_goal_and_dropped_needs_a_reason(
        status: BlueprintStatus, current: Grade | None, reason: str, refused: str | None) -> None:
    plan = Blueprint("b", "a", "s", (CellRef("t", "s"),), Grade.OPEN, status=status,
                     closed_reason=reason)
    if refused is None:
        check_closing(plan, current, marked_now=True)
    else:
        with pytest.raises(ValidationError, match=refused):
            check_closing(plan, current, marked_now=True)


def test_the_plan_a_relationship_shows_is_its_open_one_else_its_latest() -> None:
    cell = (CellRef("t", "s"),)
    done = Blueprint("1", "a", "s", cell, Grade.OPEN, status=BlueprintStatus.DONE)
    dropped = Blueprint("2", "a", "s", cell, Grade.TRUST, status=BlueprintStatus.DROPPED)
    planned = Blueprint("3", "a", "s", cell, Grade.TRUST)
    assert current_plan([done, planned, dropped]) == planned
    assert current_plan([done, dropped]) == dropped
    assert current_plan([]) is None
