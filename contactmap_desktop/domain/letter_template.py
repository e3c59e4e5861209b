"""The fixed wording of a sponsor letter (salutation, headings, closing), editable by the user."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from contactmap_desktop.domain.dates import ENGLISH_MONTHS, DateStyle
from contactmap_desktop.domain.errors import ValidationError

MAX_TEMPLATE_TEXT = 400


@dataclass(frozen=True)
class LetterTemplate:
    """English defaults; ``{name}`` in the salutation is replaced by the addressee's name."""

    salutation: str = "Dear {name},"
    opening: str = ("Thank you for the time you and your colleagues have given us. This letter "
                    "sets down what we have heard, what we propose, and the steps that will take "
                    "us together from decision to delivery.")
    recap_heading: str = "Where you are today"
    pain_heading: str = "In your own words"
    current_method_heading: str = "How it is done now"
    results_heading: str = "What it produces"
    impact_heading: str = "If nothing changes"
    solution_heading: str = "What we propose"
    value_heading: str = "Impact and value"
    next_steps_heading: str = "Next steps"
    next_steps_intro: str = ("Each step below has an owner and a firm date, so both our teams "
                             "know what must happen, and by when, to reach delivery.")
    # Said instead while a step has no date: the letter never claims firm dates it lacks.
    next_steps_intro_undated: str = ("Each step below has an owner. Where a date is still to "
                                     "be agreed, we will set it with you, so both our teams know "
                                     "what must happen, and by when, to reach delivery.")
    closing: str = "Yours sincerely,"
    # The letter's dates in its own language: a pattern (d, MMMM, yyyy…) and the months.
    date_pattern: str = "d MMMM yyyy"
    month_names: str = " ".join(ENGLISH_MONTHS)

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, str):
                raise ValidationError(f"The template's {field.name} must be text.")
            if len(value) > MAX_TEMPLATE_TEXT:
                raise ValidationError(f"The template's {field.name.replace('_', ' ')} is longer "
                                      f"than {MAX_TEMPLATE_TEXT} characters.")
        if len(self.month_names.split()) != 12:
            raise ValidationError("The letter's month names are twelve words, January to "
                                  "December in the letter's language.")
        if not all(letter in self.date_pattern for letter in "dMy"):
            raise ValidationError("The letter's date pattern needs a day, month and year "
                                  "(d, MMMM, yyyy), e.g. d MMMM yyyy.")

    def long_dates(self) -> DateStyle:
        """How the letter writes its own date: "11 January 2027", "11. Januar 2027"."""
        months = tuple(self.month_names.split())
        return DateStyle(self.date_pattern, months, tuple(m[:3] for m in months))

    def short_dates(self) -> DateStyle:
        """How its table of steps writes dates: the long pattern with shortened months."""
        pattern = self.date_pattern.replace("MMMM", "MMM")
        return replace(self.long_dates(), pattern=pattern)

    def greeting(self, name: str) -> str:
        """The salutation for ``name``; a template without ``{name}`` is used as written."""
        return self.salutation.replace("{name}", name.strip() or "colleague")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: Any) -> LetterTemplate:
        """Known keys only; a missing key keeps its default (a newer file may add some)."""
        if not isinstance(raw, dict):
            raise ValidationError("The letter template is not a set of named texts.")
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in raw.items() if key in known})
