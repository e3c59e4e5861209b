"""Around the account: renewal reminders, competitors seen there, and the lifecycle settings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.validation import clean_long_text, clean_name, clean_short_text


@dataclass(frozen=True)
class RenewalNotice:
    due: date
    days_left: int  # negative once the date has passed

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def renewal_notice(renewal_date: date | None, stage: AccountStage, today: date,
                   notice_days: int) -> RenewalNotice | None:
    """A reminder from ``notice_days`` before the renewal date (that day included) onwards;
    none for a churned account or one with no renewal date."""
    if renewal_date is None or stage is AccountStage.CHURNED:
        return None
    days_left = (renewal_date - today).days
    if days_left > notice_days:
        return None
    return RenewalNotice(renewal_date, days_left)


@dataclass(frozen=True)
class Competitor:
    """A competitor seen at the account: what they pitch, to whom, and when last seen; our
    answer to it and, where we have none, what we asked our product team for (article 003:
    pitch your similar solutions, and tell your product team what you lack)."""

    id: str
    account_id: str
    name: str
    pitch: str = ""
    pitched_to: str = ""
    last_seen: date | None = None
    notes: str = ""
    our_answer: str = ""
    product_request: str = ""

    def checked(self, today: date) -> Competitor:
        if self.last_seen is not None and self.last_seen > today:
            raise ValidationError(f"“Last seen” {self.last_seen.isoformat()} is in the future.")
        return replace(self, name=clean_name(self.name, "competitor"),
                       pitch=clean_long_text(self.pitch, "What they pitch"),
                       pitched_to=clean_short_text(self.pitched_to, "To whom"),
                       notes=clean_long_text(self.notes, "The notes"),
                       our_answer=clean_long_text(self.our_answer, "Our answer"),
                       product_request=clean_long_text(self.product_request,
                                                       "The request to our product team"))


# Allowed range of each setting (inclusive); the preferences use the same bounds.
BOUNDS: dict[str, tuple[int, int]] = {
    "passive_after_steps": (1, 20),
    "renewal_notice_days": (1, 730),
    "agenda_days": (1, 60),
    "quiet_after_days": (7, 730),
}

LABELS: dict[str, str] = {
    "passive_after_steps": "Steps of ours in a row before an engagement counts as passive",
    "renewal_notice_days": "Days before a renewal date that reminders start",
    "agenda_days": "Days ahead the agenda looks",
    "quiet_after_days": "Days since the client's last commitment before an engagement is "
                        "passive",
}


@dataclass(frozen=True)
class LifecycleSettings:
    passive_after_steps: int = 3
    renewal_notice_days: int = 90
    agenda_days: int = 7
    # A client who has committed nothing for this long is passive, whoever took the last step.
    quiet_after_days: int = 60

    def __post_init__(self) -> None:
        for name, (low, high) in BOUNDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(
                    f"“{LABELS[name]}” must be a whole number from {low} to {high}.")

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> LifecycleSettings:
        if not isinstance(value, dict):
            raise ValidationError("The stored lifecycle settings are not a JSON object.")
        return cls(**{k: v for k, v in value.items() if k in BOUNDS})
