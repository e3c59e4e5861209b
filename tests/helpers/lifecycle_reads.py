"""Reading lifecycle values back as the app does: each kind listed under its parent."""

from __future__ import annotations

from typing import Any


def parent_of(value: Any) -> str:
    """The engagement or account a lifecycle value belongs to."""
    parent = getattr(value, "engagement_id", None) or value.account_id
    assert isinstance(parent, str)
    return parent
