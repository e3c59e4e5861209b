"""The commitment log of an engagement and the passive-engagement rule.

Progress is measured by what the client commits at each step — Time (a meeting), Data
(information) or Money (the next project) — not by how busy we are. An engagement whose
latest steps are all ours is passive: the client is waiting, not committing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.validation import clean_short_text


class Side(Enum):
    CLIENT = "client"
    OURS = "ours"

    @property
    def label(self) -> str:
        return "Client" if self is Side.CLIENT else "Us"


class CommitmentKind(Enum):
    TIME = "time"
    DATA = "data"
    MONEY = "money"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class StepStatus(Enum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    NOT_FULFILLED = "not_fulfilled"

    @property
    def label(self) -> str:
        return {"open": "Open", "fulfilled": "Fulfilled", "not_fulfilled": "Not fulfilled"}[
            self.value]


@dataclass(frozen=True)
class Commitment:
    """One step of the log: a commitment by a client stakeholder, or a step of ours."""

    id: str
    engagement_id: str
    on: date
    side: Side
    what: str
    stakeholder_id: str | None = None  # who committed (client steps)
    kind: CommitmentKind | None = None  # Time, Data or Money (client steps)
    team_member_id: str | None = None  # who does it (our steps, optional)
    status: StepStatus = StepStatus.OPEN

    def checked(self) -> Commitment:
        what = clean_short_text(self.what, "What was committed")
        if not what:
            raise ValidationError("Say what was committed (a meeting, some data, a budget…).")
        if self.side is Side.CLIENT:
            if self.stakeholder_id is None:
                raise ValidationError("Choose the stakeholder who made this commitment.")
            if self.kind is None:
                raise ValidationError("Choose what the client commits: Time, Data or Money.")
            return replace(self, what=what, team_member_id=None)
        if self.kind is not None or self.stakeholder_id is not None:
            raise ValidationError("Time, Data or Money are what the client commits; a step of "
                                  "ours has neither a kind nor a client stakeholder.")
        return replace(self, what=what)


@dataclass(frozen=True)
class Momentum:
    """Where an engagement stands in the log."""

    last_client_commitment: Commitment | None
    next_step_on: Side | None  # who holds the earliest open step; None when nothing is open
    ours_in_a_row: int  # how many of the latest steps are ours, without a client one between
    passive: bool


def in_order(steps: Sequence[Commitment]) -> list[Commitment]:
    """Oldest first; steps of the same day keep the order they were logged in."""
    return [step for _, step in sorted(enumerate(steps), key=lambda p: (p[1].on, p[0]))]


def momentum(steps: Sequence[Commitment], passive_after: int) -> Momentum:
    """The passive rule: ``passive_after`` or more latest steps are ours (a boundary included)."""
    ordered = in_order(steps)
    ours = 0
    for step in reversed(ordered):
        if step.side is not Side.OURS:
            break
        ours += 1
    client = [s for s in ordered if s.side is Side.CLIENT]
    open_steps = [s for s in ordered if s.status is StepStatus.OPEN]
    return Momentum(
        last_client_commitment=client[-1] if client else None,
        next_step_on=open_steps[0].side if open_steps else None,
        ours_in_a_row=ours,
        passive=ours >= passive_after,
    )
