"""Contact Blueprints: the plan for moving one highlighted relationship up, and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from contactmap_desktop.domain.contact_map import ContactMap
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef


class BlueprintStatus(Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_open(self) -> bool:
        """Still being worked on, so a due date in the past means it is late."""
        return self in (BlueprintStatus.PLANNED, BlueprintStatus.IN_PROGRESS)


class Strategy(Enum):
    """The six influence strategies; their guidance text lives in resources/reference."""

    RECIPROCITY = "reciprocity"
    COMMITMENT = "commitment"
    SOCIAL_PROOF = "social_proof"
    LIKING = "liking"
    AUTHORITY = "authority"
    SCARCITY = "scarcity"

    @property
    def label(self) -> str:
        return _STRATEGY_LABELS[self]


# Short names for tables and the PDF; the full guidance is data, so it can be translated.
_STRATEGY_LABELS = {
    Strategy.RECIPROCITY: "IOU",
    Strategy.COMMITMENT: "I said I'll do it",
    Strategy.SOCIAL_PROOF: "Everybody's doing it",
    Strategy.LIKING: "Love me, love my dog",
    Strategy.AUTHORITY: "Because I said so",
    Strategy.SCARCITY: "It's going fast",
}


@dataclass(frozen=True)
class Blueprint:
    """The plan for one stakeholder, working on one or more of their relationships.

    The current grade is not stored: it is read from the map (the first cell is the main one).
    """

    id: str
    account_id: str
    stakeholder_id: str
    cells: tuple[CellRef, ...]
    goal: Grade
    strategies: tuple[Strategy, ...] = ()
    tactics: str = ""
    messages: str = ""
    resources: str = ""
    owner_id: str | None = None
    due: date | None = None
    status: BlueprintStatus = BlueprintStatus.PLANNED
    notes: str = ""
    created_at: datetime | None = None
    closed_reason: str = ""  # why it was closed short of its goal

    @property
    def main_cell(self) -> CellRef:
        return self.cells[0]

    def is_overdue(self, today: date) -> bool:
        return self.status.is_open and self.due is not None and self.due < today

    def holds(self, current: Grade | None) -> bool:
        """True while this plan still covers its relationship: it is open, or it is Done and
        the grade still stands at its goal. A plan closed short of its goal (Dropped, or a
        grade that slid back) leaves the relationship without a plan."""
        if self.status.is_open:
            return True
        return self.status is BlueprintStatus.DONE and goal_reached(current, self.goal)


def goal_reached(current: Grade | None, goal: Grade) -> bool:
    return current is not None and current.level >= goal.level


def check_closing(blueprint: Blueprint, current: Grade | None, marked_now: bool) -> None:
    """Done only when the goal is reached; a plan closed short of it is Dropped, with why.

    ``marked_now``: the status is being set by this edit. A plan marked Done once stays Done
    if the grade slides back later (the key-cell finding then speaks again).
    """
    if marked_now and blueprint.status is BlueprintStatus.DONE \
            and not goal_reached(current, blueprint.goal):
        now = current.label if current is not None else "blank"
        raise ValidationError(
            f"The relationship is {now}, below this plan's goal ({blueprint.goal.label}): a "
            "plan is Done only when its goal is reached. If it stops here, mark it Dropped "
            "and say why.")
    if blueprint.status is BlueprintStatus.DROPPED and not blueprint.closed_reason.strip():
        raise ValidationError("Say why the plan is dropped: a plan closed short of its goal "
                              "keeps its reason.")


def current_plan(plans: list[Blueprint]) -> Blueprint | None:
    """The plan a relationship shows: its open one, else the latest closed one."""
    open_plans = [b for b in plans if b.status.is_open]
    if open_plans:
        return open_plans[-1]
    return plans[-1] if plans else None


def starting_grade(current: Grade | None) -> Grade:
    """Where a plan starts from: a blank cell is treated as Indifferent (no experience yet)."""
    return current if current is not None else Grade.INDIFFERENT


def default_goal(current: Grade | None) -> Grade:
    """One level up, since relationships move one level at a time; Trust is kept at Trust."""
    return starting_grade(current).one_level_up()


def goal_warning(current: Grade | None, goal: Grade) -> str | None:
    """A gentle note when the goal is more than one level above where the relationship is."""
    start = starting_grade(current)
    steps = start.steps_to(goal)
    if steps <= 1:
        return None
    where = current.label if current is not None else "no relationship yet"
    return (
        f"{goal.label} is {steps} levels above {where}. Relationships usually move one "
        f"level at a time: consider {start.one_level_up().label} as this plan's goal."
    )


def check_goal(current: Grade | None, goal: Grade) -> None:
    """A blueprint holds or raises a relationship; a goal below the current grade is an error."""
    if current is not None and goal.level < current.level:
        raise ValidationError(
            f"The goal ({goal.label}) is below the current grade ({current.label}): "
            "a blueprint aims to keep or improve a relationship."
        )


def check_strategies(strategies: tuple[Strategy, ...], status: BlueprintStatus) -> None:
    if len(set(strategies)) != len(strategies):
        raise ValidationError("Each influence strategy can be chosen only once per blueprint.")
    if not strategies and status in (BlueprintStatus.IN_PROGRESS, BlueprintStatus.DONE):
        raise ValidationError(
            f"A blueprint marked “{status.label}” needs at least one influence strategy."
        )


@dataclass(frozen=True)
class BlueprintSummary:
    """One line of the overview: names resolved from the map, current grade read from it."""

    blueprint: Blueprint
    stakeholder_name: str
    team_names: tuple[str, ...]
    current: Grade | None
    owner_name: str
    overdue: bool
    warning: str | None

    @property
    def strategy_labels(self) -> str:
        return ", ".join(s.label for s in self.blueprint.strategies)


def summarize(blueprint: Blueprint, contact_map: ContactMap, today: date) -> BlueprintSummary:
    """Resolve names against the map; people no longer on it show as a dash."""
    stakeholders = {s.id: s.name for s in contact_map.stakeholders}
    team = {t.id: t.name for t in contact_map.team_members}
    current = contact_map.grade(blueprint.main_cell)
    owner = team.get(blueprint.owner_id, "—") if blueprint.owner_id else ""
    return BlueprintSummary(
        blueprint=blueprint,
        stakeholder_name=stakeholders.get(blueprint.stakeholder_id, "—"),
        team_names=tuple(team.get(c.team_member_id, "—") for c in blueprint.cells),
        current=current,
        owner_name=owner,
        overdue=blueprint.is_overdue(today),
        warning=goal_warning(current, blueprint.goal),
    )


def overview_order(summary: BlueprintSummary) -> tuple[bool, str, str]:
    """Open plans first, soonest due first (undated last), then by stakeholder."""
    blueprint = summary.blueprint
    due = blueprint.due.isoformat() if blueprint.due is not None else "9999"
    return (not blueprint.status.is_open, due, summary.stakeholder_name.casefold())
