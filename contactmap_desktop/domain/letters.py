"""Sponsor letters: what the user hands to the client's internal advocate, as plain values.

A letter recaps the pain in the customer's own words, the current method, its results and the
impact if nothing changes; then the solution and its value; then the next steps as milestones
with an owner, a hard date and a go/no-go criterion. Letters are kept with their dates; a new
revision starts as a copy of an earlier letter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.model import new_id
from contactmap_desktop.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX

MAX_PAINS = 50
MAX_MILESTONES = 100


@dataclass(frozen=True)
class PainStatement:
    """A pain as the customer put it, and who said it."""

    quote: str = ""
    said_by: str = ""


@dataclass(frozen=True)
class Milestone:
    """One next step. Both sides own steps, so the owner is free text ("Li Wei, Northwind")."""

    step: str = ""
    owner: str = ""
    due: date | None = None
    criterion: str = ""  # the go/no-go test that says the step is done
    done_on: date | None = None  # when the step was reached; until then it is still owed

    @property
    def needs_date(self) -> bool:
        """The method insists on hard dates: a step without one is flagged."""
        return self.due is None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: date) -> bool:
        """Past its date and not done: it stays overdue until it is marked done."""
        return not self.is_done and self.due is not None and self.due < today

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "owner": self.owner,
                "due": self.due.isoformat() if self.due else None, "criterion": self.criterion,
                "done_on": self.done_on.isoformat() if self.done_on else None}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Milestone:
        due, done = raw.get("due"), raw.get("done_on")
        return cls(str(raw.get("step", "")), str(raw.get("owner", "")),
                   date.fromisoformat(due) if due else None, str(raw.get("criterion", "")),
                   date.fromisoformat(done) if done else None)


# Words that show a step goes through the client's purchasing (article 002: the purchase order
# is usually cut by a purchasing agent, not by the sponsor).
_PURCHASING_WORDS = ("purchas", "procure", "purchase order", " po ", "po.", "p.o.")

# Single-line fields get the short limit, the rest the long one.
_SHORT_FIELDS = {"subject", "addressee_name", "addressee_title", "addressee_company",
                 "salutation", "sender_name", "sender_title", "agreed_by"}
_TEXT_FIELDS = ("subject", "addressee_name", "addressee_title", "addressee_company",
                "salutation", "sender_name", "sender_title", "signature", "current_method",
                "results", "impact", "solution", "value", "closing_note", "agreed_by")


@dataclass(frozen=True)
class SponsorLetter:
    id: str
    account_id: str
    letter_date: date
    subject: str = ""
    addressee_id: str | None = None  # the stakeholder, normally the sponsor/evangelist
    addressee_name: str = ""
    addressee_title: str = ""
    addressee_company: str = ""
    # How the letter greets the addressee ("Ms Sato", "佐藤様"); empty: the first word of
    # their name, which is a given name only in some cultures.
    salutation: str = ""
    sender_id: str | None = None  # a member of our team
    sender_name: str = ""
    sender_title: str = ""
    signature: str = ""  # lines under the name: phone, e-mail, company
    pains: tuple[PainStatement, ...] = ()
    current_method: str = ""
    results: str = ""
    impact: str = ""
    solution: str = ""
    value: str = ""
    milestones: tuple[Milestone, ...] = ()
    closing_note: str = ""
    based_on_id: str | None = None  # the letter this revision was copied from
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # The sponsor's agreement to the steps and their dates: who, and on which day.
    agreed_by: str = ""
    agreed_on: date | None = None

    @property
    def undated_milestones(self) -> list[int]:
        """Rows (0-based) of the milestones that still need a hard date."""
        return [row for row, milestone in enumerate(self.milestones) if milestone.needs_date]

    @property
    def title(self) -> str:
        """How the letter is listed: its date and subject."""
        return f"{self.letter_date.isoformat()} — {self.subject or 'untitled letter'}"

    def gaps(self) -> list[str]:
        """What the letter still lacks to be sent, in words ("it names no sender"): a letter
        a sponsor carries into purchasing says who it is from, the problem and the answer."""
        missing = []
        if not self.sender_name.strip():
            missing.append("it names no sender")
        if not (any(pain.quote.strip() for pain in self.pains) or self.current_method.strip()
                or self.results.strip() or self.impact.strip()):
            missing.append("its recap is empty")
        if not self.solution.strip():
            missing.append("its solution is empty")
        # Article 002: steps with hard dates, each with who owns it and its go/no-go, through
        # purchasing to delivery.
        for number, step in enumerate(self.milestones, start=1):
            lacks = [what for what, empty in (("hard date", step.due is None),
                                              ("owner", not step.owner.strip()),
                                              ("go/no-go criterion", not step.criterion.strip()))
                     if empty]
            if lacks:
                missing.append(f"step {number} has no {' and no '.join(lacks)}")
        words = " " + " ".join(f"{m.step} {m.criterion}" for m in self.milestones).lower() + " "
        if self.milestones and not any(word in words for word in _PURCHASING_WORDS):
            missing.append("no step goes through purchasing, where a purchasing agent "
                           "usually issues the order")
        return missing

    def checked(self) -> SponsorLetter:
        """The letter if its texts are within limits, else a ValidationError naming the field."""
        for name in _TEXT_FIELDS:
            value: str = getattr(self, name)
            limit = SHORT_TEXT_MAX if name in _SHORT_FIELDS else LONG_TEXT_MAX
            if len(value) > limit:
                raise ValidationError(f"The letter's {name.replace('_', ' ')} is {len(value)} "
                                      f"characters long; the limit is {limit}.")
        if len(self.pains) > MAX_PAINS:
            raise ValidationError(f"A letter holds at most {MAX_PAINS} quoted statements.")
        if len(self.milestones) > MAX_MILESTONES:
            raise ValidationError(f"A letter holds at most {MAX_MILESTONES} milestones.")
        for pain in self.pains:
            if len(pain.quote) > LONG_TEXT_MAX or len(pain.said_by) > SHORT_TEXT_MAX:
                raise ValidationError("A quoted statement is too long to keep.")
        for milestone in self.milestones:
            if max(len(milestone.step), len(milestone.criterion)) > LONG_TEXT_MAX or \
                    len(milestone.owner) > SHORT_TEXT_MAX:
                raise ValidationError("A milestone's text is too long to keep.")
        return self

    def revision(self, today: date) -> SponsorLetter:
        """A new letter copied from this one, dated ``today``, pointing back to it; the new
        revision is not agreed yet."""
        return replace(self, id=new_id(), letter_date=today, based_on_id=self.id,
                       created_at=None, updated_at=None, agreed_by="", agreed_on=None)




def blank_letter(account_id: str, today: date, *, account_name: str = "",
                 letter_id: str | None = None) -> SponsorLetter:
    return SponsorLetter(letter_id or new_id(), account_id, today,
                         addressee_company=account_name, pains=(PainStatement(),))
