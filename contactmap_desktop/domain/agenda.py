"""The agenda: what is due or overdue across accounts in the coming days, as pure rules.

Each item names what it is about (a review, a renewal, a blueprint, a sponsor-letter milestone,
a passive engagement) and the id of the thing to open, so the view can take the user there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from contactmap_desktop.domain.account_watch import LifecycleSettings, renewal_notice
from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.commitments import Commitment, momentum
from contactmap_desktop.domain.engagements import Engagement
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.model import Account, AccountStage
from contactmap_desktop.domain.review_cadence import (
    CadenceTier,
    ReviewMeeting,
    next_ceo_visit_due,
    next_review_due,
)
from contactmap_desktop.domain.wording import counted


class AgendaKind(Enum):
    REVIEW = "review"
    CEO_VISIT = "ceo_visit"
    RENEWAL = "renewal"
    BLUEPRINT = "blueprint"
    MILESTONE = "milestone"
    PASSIVE = "passive"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    AgendaKind.REVIEW: "Review meeting",
    AgendaKind.CEO_VISIT: "CEO visit",
    AgendaKind.RENEWAL: "Renewal",
    AgendaKind.BLUEPRINT: "Blueprint",
    AgendaKind.MILESTONE: "Letter milestone",
    AgendaKind.PASSIVE: "Passive engagement",
}


@dataclass(frozen=True)
class AgendaItem:
    kind: AgendaKind
    account_id: str
    account_name: str
    title: str
    due: date
    overdue: bool
    target_id: str | None = None  # the engagement, blueprint or letter to open
    part: int | None = None  # within the letter, the row of the milestone


@dataclass(frozen=True)
class AccountAgendaInput:
    """Everything about one account the agenda rules look at. The two mappings are looked up
    by id, so they may hold other accounts' entries too (read once for all of them)."""

    account: Account
    meetings: Sequence[ReviewMeeting] = ()
    engagements: Sequence[Engagement] = ()
    steps: Mapping[str, Sequence[Commitment]] = field(default_factory=dict)  # by engagement
    blueprints: Sequence[Blueprint] = ()
    stakeholder_names: Mapping[str, str] = field(default_factory=dict)
    letters: Sequence[SponsorLetter] = ()  # newest first; only the newest one's steps count


def account_agenda(data: AccountAgendaInput, tiers: Sequence[CadenceTier],
                   settings: LifecycleSettings, today: date) -> list[AgendaItem]:
    """The account's items due by ``today + agenda_days``; overdue ones always included."""
    account = data.account
    horizon = today + timedelta(days=settings.agenda_days)
    items: list[AgendaItem] = []

    def add(kind: AgendaKind, title: str, due: date, target: str | None = None,
            overdue: bool | None = None, part: int | None = None) -> None:
        if due <= horizon:
            late = due < today if overdue is None else overdue
            items.append(AgendaItem(kind, account.id, account.name, title, due, late, target,
                                    part))

    if account.stage is not AccountStage.CHURNED:
        review = next_review_due(account.annual_value, tiers, data.meetings, today)
        if review is not None and not review.scheduled:
            add(AgendaKind.REVIEW, review.tier.who, review.due)
        elif review is not None:
            add(AgendaKind.REVIEW, f"Booked: {review.tier.who}", review.due, overdue=False)
        ceo = next_ceo_visit_due(account.annual_value, tiers, data.meetings, today)
        if ceo is not None:
            add(AgendaKind.CEO_VISIT, "Our CEO visits the account (at least yearly)", ceo)
    renewal = renewal_notice(account.renewal_date, account.stage, today,
                             settings.renewal_notice_days)
    if renewal is not None:
        when = (f"{counted(-renewal.days_left, 'day')} ago" if renewal.overdue
                else f"in {counted(renewal.days_left, 'day')}")
        items.append(AgendaItem(AgendaKind.RENEWAL, account.id, account.name,
                                f"Contract renewal {when}", renewal.due, renewal.overdue))
    for engagement in data.engagements:
        if not engagement.status.is_open:
            continue
        state = momentum(data.steps.get(engagement.id, ()), settings.passive_after_steps)
        if state.passive:
            add(AgendaKind.PASSIVE, f"{engagement.name}: the last {state.ours_in_a_row} steps "
                "were ours; ask the client to commit Time, Data or Money", today,
                engagement.id, overdue=False)
    for blueprint in data.blueprints:
        if blueprint.status.is_open and blueprint.due is not None:
            who = data.stakeholder_names.get(blueprint.stakeholder_id, "a stakeholder")
            add(AgendaKind.BLUEPRINT, f"Blueprint for {who}: {blueprint.goal.label} goal",
                blueprint.due, blueprint.id)
    if data.letters:
        letter = data.letters[0]
        for row, milestone in enumerate(letter.milestones):
            # A step stays on the agenda, overdue once its date is past, until marked done.
            if milestone.due is not None and not milestone.is_done:
                add(AgendaKind.MILESTONE, milestone.step or "Milestone", milestone.due,
                    letter.id, part=row)
    return items


def sort_agenda(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Overdue first, then by date, account and kind."""
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.account_name.casefold(),
                                        i.kind.value, i.title))
