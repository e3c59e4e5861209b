"""The thresholds of the coverage rules: a value with the method's defaults and its bounds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from contactmap_desktop.domain.errors import ValidationError

# Allowed range of each threshold (inclusive); the preferences dialog uses the same bounds.
BOUNDS: dict[str, tuple[int, int]] = {
    "trust_share_limit": (0, 100),
    "open_share_floor": (0, 100),
    "stale_after_days": (1, 3650),
    "most_relationships": (1, 50),
    "fewest_graded_for_shares": (1, 1000),
    "most_key_relationships": (1, 1000),
}


@dataclass(frozen=True)
class CoverageThresholds:
    """When a coverage rule speaks up. Shares are whole percents of the graded cells."""

    # More Trust than this share of graded cells is probably a generous assessment.
    trust_share_limit: int = 30
    # Fewer Open than this share: the method wants lots of Open relationships.
    open_share_floor: int = 25
    # A relationship not reviewed for longer than this drifts toward Indifferent.
    stale_after_days: int = 90
    # More relationships than this on one stakeholder is probably too many.
    most_relationships: int = 3
    # The share rules (Trust, Open) speak only from this many graded relationships: one Trust
    # among three is no "large number of T's".
    fewest_graded_for_shares: int = 10
    # More key relationships than this is more than one focus period can hold.
    most_key_relationships: int = 6

    def __post_init__(self) -> None:
        for name, (low, high) in BOUNDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(
                    f"The threshold “{LABELS[name]}” must be a whole number from {low} to {high}."
                )

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> CoverageThresholds:
        """Read stored settings; a missing key takes its default, a bad value is an error."""
        if not isinstance(value, dict):
            raise ValidationError("The stored coverage thresholds are not a JSON object.")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in value.items() if k in known})


LABELS: dict[str, str] = {
    "trust_share_limit": "Most Trust, as a share of graded cells",
    "open_share_floor": "Fewest Open, as a share of graded cells",
    "stale_after_days": "Days before a relationship counts as not reviewed",
    "most_relationships": "Most relationships on one stakeholder",
    "fewest_graded_for_shares": "Graded relationships before the share rules speak",
    "most_key_relationships": "Most key relationships on one map",
}

# What each threshold means, and the passage of article 004 behind it, for Preferences.
MEANINGS: dict[str, str] = {
    "trust_share_limit": "Above this share of Trust the map is called generous — the article: "
                         "“A large number of T’s is almost always an unrealistically generous "
                         "assessment”.",
    "open_share_floor": "Below this share of Open the map is said to lack them — the article: "
                        "“you want lots of O’s”.",
    "stale_after_days": "A grade not confirmed for longer is flagged — the article: gravity "
                        "feeds relationships towards Indifferent over time.",
    "most_relationships": "More than this on one stakeholder is flagged — the article: “More "
                          "than three is probably too many”.",
    "fewest_graded_for_shares": "With fewer graded relationships the two share rules stay "
                                "silent: a share of a handful of cells says nothing about the "
                                "mix (the app's choice; the article sets no number).",
    "most_key_relationships": "More key relationships than this are flagged — the article: in "
                              "any period “you’ll really only need to focus on a small number "
                              "of intersections” (the number is the app's choice).",
}
