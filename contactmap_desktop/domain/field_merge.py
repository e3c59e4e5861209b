"""Deciding one field when a change arrives: the newest stamp wins on every laptop alike,
and two changes made without seeing each other are a conflict to list for review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The base of a change sent again as a copy (a synced record shared into another account):
# it was decided once already, so it is never a conflict anywhere.
COPY = "copy"


@dataclass(frozen=True)
class FieldDecision:
    take: bool  # the arriving value becomes the field's value
    conflict: bool  # both changed the field from the same value, to different values


def decide_field(current_value: Any, current_stamp: str, incoming_value: Any,
                 incoming_stamp: str, incoming_base: str) -> FieldDecision:
    """``incoming_base`` is the stamp the field had where the arriving change was made: if
    it is not the stamp here, someone changed the field here meanwhile."""
    take = incoming_stamp > current_stamp
    concurrent = incoming_base not in (current_stamp, COPY) and incoming_stamp != current_stamp
    return FieldDecision(take, concurrent and incoming_value != current_value)
