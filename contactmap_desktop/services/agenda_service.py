"""Where each account stands and what is due this week: the lifecycle overview of one account
and the agenda across all of them, each read in one unit of work with a few set-based
queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contactmap_desktop.domain.account_watch import (
    Competitor,
    LifecycleSettings,
    RenewalNotice,
    renewal_notice,
)
from contactmap_desktop.domain.agenda import (
    AccountAgendaInput,
    AgendaItem,
    account_agenda,
    sort_agenda,
)
from contactmap_desktop.domain.commitments import Commitment, Momentum, momentum
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    StageChange,
    SuccessCriterion,
    churn_reason,
)
from contactmap_desktop.domain.lifecycle_rules import ChurnRate, churn_rate
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.domain.model import Account
from contactmap_desktop.domain.people import Seniority
from contactmap_desktop.domain.review_cadence import (
    CadenceTier,
    ReviewDue,
    ReviewMeeting,
    next_ceo_visit_due,
    next_review_due,
)
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.services.settings_service import (
    LIFECYCLE_SETTINGS,
    REVIEW_TIERS,
    read_setting,
)
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class EngagementState:
    engagement: Engagement
    momentum: Momentum
    metrics_off_target: tuple[str, ...]  # names of the metrics whose latest value misses
    steps: tuple[Commitment, ...]  # the commitment log, oldest first
    metrics: tuple[Metric, ...]


@dataclass(frozen=True)
class AccountOverview:
    account: Account
    stage_history: tuple[StageChange, ...]
    churn_reason: str | None
    engagements: tuple[EngagementState, ...]
    meetings: tuple[ReviewMeeting, ...]
    review: ReviewDue | None
    ceo_visit_due: date | None
    renewal: RenewalNotice | None
    competitors: tuple[Competitor, ...]
    today: date


@dataclass(frozen=True)
class Agenda:
    """What is due or overdue across the workspace, and how many days ahead it looks."""

    items: tuple[AgendaItem, ...]
    days: int
    churn: ChurnRate  # accounts lost in the last year, of the customers (article 003)


class AgendaService:
    """Each read is one unit of work with a fixed number of statements: set-based queries
    grouped in Python, never one query per account or engagement."""

    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def overview(self, account_id: str) -> AccountOverview:
        today = self._clock().date()
        with UnitOfWork(self._workspace) as repos:
            settings, tiers = _rules(repos)
            account = repos.accounts.get(account_id)
            history = repos.lifecycle.list(StageChange, account_id)
            meetings = repos.lifecycle.list(ReviewMeeting, account_id)
            engagements = repos.lifecycle.list(Engagement, account_id)
            steps = repos.lifecycle.by_parent(Commitment, account_id)
            metrics = repos.lifecycle.by_parent(Metric, account_id)
            competitors = repos.lifecycle.list(Competitor, account_id)
        states = []
        for engagement in engagements:
            logged = steps.get(engagement.id, ())
            measured = metrics.get(engagement.id, ())
            states.append(EngagementState(
                engagement, momentum(logged, settings.passive_after_steps),
                tuple(m.name for m in measured if m.off_target), logged, measured))
        return AccountOverview(
            account=account, stage_history=tuple(history), churn_reason=churn_reason(history),
            engagements=tuple(states), meetings=tuple(meetings),
            review=next_review_due(account.annual_value, tiers, meetings, today,
                                   account.review_interval_days),
            ceo_visit_due=next_ceo_visit_due(account.annual_value, tiers, meetings, today),
            renewal=renewal_notice(account.renewal_date, account.stage, today,
                                   settings.renewal_notice_days),
            competitors=tuple(competitors), today=today,
        )

    def agenda(self) -> Agenda:
        """Everything due or overdue by the agenda's horizon, across the workspace."""
        today = self._clock().date()
        with UnitOfWork(self._workspace) as repos:
            settings, tiers = _rules(repos)
            accounts = repos.accounts.list()
            meetings = repos.lifecycle.by_parent(ReviewMeeting)
            engagements = repos.lifecycle.by_parent(Engagement)
            steps = repos.lifecycle.by_parent(Commitment, open_engagements_only=True)
            blueprints = repos.blueprints.by_account()
            names = repos.stakeholders.names()
            letters = repos.letters.newest_by_account()
            criteria = repos.lifecycle.by_parent(SuccessCriterion)
            reviews = repos.lifecycle.by_parent(DeliveryReview)
            metrics = repos.lifecycle.by_parent(Metric, open_engagements_only=True)
            executives = frozenset(m.id for m in repos.team_members.list_all()
                                   if m.seniority is Seniority.EXECUTIVE)
            stages = repos.lifecycle.by_parent(StageChange)
        items: list[AgendaItem] = []
        for account in accounts:
            newest = letters.get(account.id)
            data = AccountAgendaInput(
                account=account, meetings=meetings.get(account.id, ()),
                engagements=engagements.get(account.id, ()), steps=steps,
                blueprints=blueprints.get(account.id, ()), stakeholder_names=names,
                letters=(newest,) if newest is not None else (), criteria=criteria,
                reviews=reviews, metrics=metrics, executives=executives)
            items += account_agenda(data, tiers, settings, today)
        return Agenda(tuple(sort_agenda(items)), settings.agenda_days,
                      churn_rate(stages, today))


def _rules(repos: Repositories) -> tuple[LifecycleSettings, tuple[CadenceTier, ...]]:
    return read_setting(repos, LIFECYCLE_SETTINGS), read_setting(repos, REVIEW_TIERS)
