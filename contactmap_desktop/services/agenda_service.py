"""Where each account stands and what is due this week: the lifecycle overview of one account
and the agenda across all of them, read in one unit of work each."""

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
from contactmap_desktop.domain.engagements import Engagement, StageChange, churn_reason
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.domain.model import Account
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
    SettingsService,
)
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class EngagementState:
    engagement: Engagement
    momentum: Momentum
    metrics_off_target: tuple[str, ...]  # names of the metrics whose latest value misses


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


class AgendaService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock
        self._settings = SettingsService(workspace)

    def rules(self) -> tuple[LifecycleSettings, tuple[CadenceTier, ...]]:
        return self._settings.get(LIFECYCLE_SETTINGS), self._settings.get(REVIEW_TIERS)

    def overview(self, account_id: str) -> AccountOverview:
        settings, tiers = self.rules()
        today = self._clock().date()
        with UnitOfWork(self._workspace) as repos:
            account = repos.accounts.get(account_id)
            history = repos.lifecycle.list(StageChange, account_id)
            meetings = repos.lifecycle.list(ReviewMeeting, account_id)
            states = []
            for engagement in repos.lifecycle.list(Engagement, account_id):
                steps = repos.lifecycle.list(Commitment, engagement.id)
                off = tuple(m.name for m in repos.lifecycle.list(Metric, engagement.id)
                            if m.off_target)
                states.append(EngagementState(
                    engagement, momentum(steps, settings.passive_after_steps), off))
            competitors = repos.lifecycle.list(Competitor, account_id)
        return AccountOverview(
            account=account, stage_history=tuple(history), churn_reason=churn_reason(history),
            engagements=tuple(states), meetings=tuple(meetings),
            review=next_review_due(account.annual_value, tiers, meetings, today),
            ceo_visit_due=next_ceo_visit_due(account.annual_value, tiers, meetings, today),
            renewal=renewal_notice(account.renewal_date, account.stage, today,
                                   settings.renewal_notice_days),
            competitors=tuple(competitors), today=today,
        )

    def agenda(self) -> list[AgendaItem]:
        """Everything due or overdue by the agenda's horizon, across the workspace."""
        settings, tiers = self.rules()
        today = self._clock().date()
        items: list[AgendaItem] = []
        with UnitOfWork(self._workspace) as repos:
            for account in repos.accounts.list():
                data = _agenda_input(repos, account)
                items += account_agenda(data, tiers, settings, today)
        return sort_agenda(items)


def _agenda_input(repos: Repositories, account: Account) -> AccountAgendaInput:
    engagements = repos.lifecycle.list(Engagement, account.id)
    return AccountAgendaInput(
        account=account,
        meetings=repos.lifecycle.list(ReviewMeeting, account.id),
        engagements=engagements,
        steps={e.id: repos.lifecycle.list(Commitment, e.id) for e in engagements
               if e.status.is_open},
        blueprints=repos.blueprints.list_for_account(account.id),
        stakeholder_names={s.id: s.name for s in
                           repos.stakeholders.list_for_account(account.id)},
        letters=repos.letters.list_for_account(account.id),
    )
