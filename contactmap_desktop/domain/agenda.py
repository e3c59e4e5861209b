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
from contactmap_desktop.domain.engagements import DeliveryReview, Engagement, SuccessCriterion
from contactmap_desktop.domain.letters import SponsorLetter
from contactmap_desktop.domain.lifecycle_rules import (
    not_delivering,
    pilots_without_follow_on,
    quiet_since,
    review_without_executive,
    reviews_owed,
    unmeasured,
)
from contactmap_desktop.domain.metrics import Metric
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
    DELIVERY_REVIEW = "delivery_review"
    UNMEASURED = "unmeasured"
    NOT_DELIVERING = "not_delivering"
    FOLLOW_ON = "follow_on"
    EXECUTIVES = "executives"

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
    AgendaKind.DELIVERY_REVIEW: "Post-delivery review",
    AgendaKind.UNMEASURED: "No measures",
    AgendaKind.NOT_DELIVERING: "Not delivering",
    AgendaKind.FOLLOW_ON: "Pilot to contract",
    AgendaKind.EXECUTIVES: "Executives at reviews",
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
    # By engagement id, like ``steps``: what the lifecycle rules read.
    criteria: Mapping[str, Sequence[SuccessCriterion]] = field(default_factory=dict)
    reviews: Mapping[str, Sequence[DeliveryReview]] = field(default_factory=dict)
    metrics: Mapping[str, Sequence[Metric]] = field(default_factory=dict)
    executives: frozenset[str] = frozenset()  # our team members of executive seniority


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
        review = next_review_due(account.annual_value, tiers, data.meetings, today,
                                 account.review_interval_days)
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
        logged = data.steps.get(engagement.id, ())
        state = momentum(logged, settings.passive_after_steps)
        quiet = quiet_since(logged, today, settings.quiet_after_days)
        if state.passive:
            add(AgendaKind.PASSIVE, f"{engagement.name}: the last {state.ours_in_a_row} steps "
                "were ours; ask the client to commit Time, Data or Money", today,
                engagement.id, overdue=False)
        elif quiet is not None:
            add(AgendaKind.PASSIVE, f"{engagement.name}: the client has committed nothing "
                f"since {quiet.isoformat()}; ask for Time, Data or Money", today,
                engagement.id, overdue=False)
    items += _lifecycle_items(data, today)
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


def _lifecycle_items(data: AccountAgendaInput, today: date) -> list[AgendaItem]:
    """The rules of articles 000, 001 and 003 that are always due today until dealt with."""
    account = data.account

    def item(kind: AgendaKind, title: str, target: str | None = None) -> AgendaItem:
        return AgendaItem(kind, account.id, account.name, title, today, False, target)

    items = []
    for engagement in data.engagements:
        criteria = data.criteria.get(engagement.id, ())
        for stakeholder_id in reviews_owed(engagement, criteria,
                                           data.reviews.get(engagement.id, ())):
            who = data.stakeholder_names.get(stakeholder_id, "a stakeholder")
            items.append(item(AgendaKind.DELIVERY_REVIEW,
                              f"{engagement.name} is delivered: ask {who} whether the success "
                              "criteria were met, and for the next two problems",
                              engagement.id))
        lacking = unmeasured(engagement, criteria, data.metrics.get(engagement.id, ()))
        if lacking:
            items.append(item(AgendaKind.UNMEASURED,
                              f"{engagement.name} runs without {' or '.join(lacking)}: agree "
                              "measures both sides can check", engagement.id))
    for new, current in not_delivering(data.engagements, data.metrics):
        items.append(item(AgendaKind.NOT_DELIVERING,
                          f"{new.name} is proposed while {current.name} misses its metrics: "
                          "deliver on the present engagement before asking for more", new.id))
    for pilot in pilots_without_follow_on(data.engagements):
        items.append(item(AgendaKind.FOLLOW_ON,
                          f"{pilot.name} is delivered with no contract after it: the pilot is "
                          "not the finish line, the long-term contract is", pilot.id))
    if account.stage is not AccountStage.CHURNED:
        meeting = review_without_executive(account, data.meetings, data.executives, today)
        if meeting is not None:
            items.append(item(AgendaKind.EXECUTIVES,
                              f"No executive of ours came to the review of "
                              f"{meeting.held_on.isoformat()}: bring one, in rotation, to the "
                              "next"))
    return items


def sort_agenda(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Overdue first, then by date, account and kind."""
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.account_name.casefold(),
                                        i.kind.value, i.title))
