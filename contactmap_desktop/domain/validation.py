"""Rules for text typed by users: required names, length limits, duplicates."""

from __future__ import annotations

from collections.abc import Iterable

from contactmap_desktop.domain.errors import ValidationError

NAME_MAX = 120
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000


def _refuse_nul(text: str, label: str) -> str:
    # PostgreSQL (the team server) stores no NUL character in text or JSON: refused here, it
    # never reaches a workspace, whichever engine keeps it.
    if "\x00" in text:
        raise ValidationError(f"{label} holds a NUL character, which cannot be stored.")
    return text


def clean_name(value: str, what: str) -> str:
    """A required, single-line name; returns it stripped."""
    name = _refuse_nul(" ".join(value.split()), f"The {what} name")
    if not name:
        raise ValidationError(f"The {what} needs a name.")
    if len(name) > NAME_MAX:
        raise ValidationError(
            f"The {what} name is {len(name)} characters long; the limit is {NAME_MAX}."
        )
    return name


def clean_short_text(value: str, field_label: str) -> str:
    text = _refuse_nul(" ".join(value.split()), field_label)
    if len(text) > SHORT_TEXT_MAX:
        raise ValidationError(
            f"{field_label} is {len(text)} characters long; the limit is {SHORT_TEXT_MAX}."
        )
    return text


def clean_long_text(value: str, field_label: str) -> str:
    text = _refuse_nul(value.strip(), field_label)
    if len(text) > LONG_TEXT_MAX:
        raise ValidationError(
            f"{field_label} is {len(text)} characters long; the limit is {LONG_TEXT_MAX}."
        )
    return text


def ensure_unique_name(name: str, existing: Iterable[str], what: str, where: str) -> None:
    """Names compare without regard to case, so “Ana Ruiz” and “ana ruiz” clash."""
    folded = name.casefold()
    if any(other.casefold() == folded for other in existing):
        raise ValidationError(f"There is already a {what} called “{name}” in {where}.")
