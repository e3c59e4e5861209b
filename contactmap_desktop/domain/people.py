"""Seniority and buying roles: how people on both sides are classified."""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from contactmap_desktop.domain.errors import ValidationError


class Seniority(Enum):
    """How senior a person is; executives and senior managers count as senior."""

    EXECUTIVE = "executive"
    SENIOR_MANAGER = "senior_manager"
    MANAGER = "manager"
    INDIVIDUAL_CONTRIBUTOR = "individual_contributor"

    @property
    def label(self) -> str:
        return _SENIORITY_LABELS[self]

    @property
    def short_label(self) -> str:
        return _SENIORITY_SHORT[self]

    @property
    def is_senior(self) -> bool:
        return self in (Seniority.EXECUTIVE, Seniority.SENIOR_MANAGER)

    @property
    def rank(self) -> int:
        """0 for executives, growing toward individual contributors (for sorting)."""
        return list(Seniority).index(self)

    @classmethod
    def parse(cls, text: str) -> Seniority:
        cleaned = text.strip().lower().replace("-", " ").replace("_", " ")
        for seniority in cls:
            names = {seniority.value.replace("_", " "), seniority.label.lower(),
                     seniority.short_label.lower()}
            if cleaned in names:
                return seniority
        raise ValidationError(
            f"“{text.strip()[:40]}” is not a seniority: use executive, senior manager, "
            "manager or individual contributor."
        )


_SENIORITY_LABELS = {
    Seniority.EXECUTIVE: "Executive",
    Seniority.SENIOR_MANAGER: "Senior manager",
    Seniority.MANAGER: "Manager",
    Seniority.INDIVIDUAL_CONTRIBUTOR: "Individual contributor",
}
_SENIORITY_SHORT = {
    Seniority.EXECUTIVE: "Exec",
    Seniority.SENIOR_MANAGER: "Sr Mgr",
    Seniority.MANAGER: "Mgr",
    Seniority.INDIVIDUAL_CONTRIBUTOR: "IC",
}


class BuyingRole(Enum):
    """A role a stakeholder plays in a buying decision; one person may hold several."""

    POWER = "P"
    USER = "U"
    ADVISOR = "A"
    EVANGELIST = "E"

    @property
    def badge(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @classmethod
    def parse(cls, text: str) -> BuyingRole:
        cleaned = text.strip().lower()
        for role in cls:
            if cleaned in (role.badge.lower(), role.label.lower(), f"{role.label.lower()} buyer"):
                return role
        raise ValidationError(
            f"“{text.strip()[:40]}” is not a buying role: use Power, User, Advisor or Evangelist."
        )


def roles_to_badges(roles: frozenset[BuyingRole]) -> str:
    """Badges in the fixed P, U, A, E order, e.g. ``"PE"``."""
    return "".join(role.badge for role in BuyingRole if role in roles)


@lru_cache(maxsize=256)
def roles_from_badges(badges: str) -> frozenset[BuyingRole]:
    """The roles of ``badges``; one set per combination, shared by everyone holding it (a large
    account's thousand stakeholders hold a dozen combinations between them)."""
    return frozenset(BuyingRole(letter) for letter in badges if letter.strip())
