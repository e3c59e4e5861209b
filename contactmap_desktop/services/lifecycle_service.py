"""Use cases on an account's lifecycle: engagements, criteria, reviews, commitments, metrics,
review meetings, competitors and stage history — each write checked, and undoable through
``delete``/``restore`` or the returned previous value. Every write names the account's
lifecycle as changed, and the account too when its stage moved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.changes import (
    NO_CHANGES,
    Changes,
    Saved,
    account_changed,
    lifecycle_of,
)
from contactmap_desktop.domain.commitments import Commitment, Side
from contactmap_desktop.domain.engagements import (
    DeliveryReview,
    Engagement,
    StageChange,
    SuccessCriterion,
    current_stage,
    engagement_from_problem,
)
from contactmap_desktop.domain.errors import ValidationError
from contactmap_desktop.domain.lifecycle_rules import check_review_after_delivery, missing_metrics
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.domain.validation import ensure_unique_name
from contactmap_desktop.services.clock import Clock, utc_now
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.repositories import Repositories
from contactmap_desktop.storage.unit_of_work import UnitOfWork

V = TypeVar("V")
_ENGAGEMENT_PARTS = (SuccessCriterion, DeliveryReview, Commitment, Metric)


@dataclass(frozen=True)
class Removed:
    """What a delete took away (an engagement with its parts), so undo can put it back."""

    values: tuple[Any, ...]
    account_stage: AccountStage | None = None  # the stage to go back to, for stage changes


class LifecycleService:
    def __init__(self, workspace: Workspace, clock: Clock = utc_now) -> None:
        self._workspace = workspace
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    # --- reading -------------------------------------------------------------------------

    def list(self, kind: type[V], parent_id: str) -> list[V]:
        """``kind``'s values of an account (engagements, meetings, competitors, stages) or of
        an engagement (criteria, reviews, commitments, metrics), in their natural order."""
        with UnitOfWork(self._workspace) as repos:
            return repos.lifecycle.list(kind, parent_id)

    def not_delivering(self, account_id: str) -> tuple[Engagement, ...]:
        """The account's active engagements that miss their metrics: asking for more now goes
        against article 001 ("Do NOT ask for more if you aren't delivering")."""
        with UnitOfWork(self._workspace) as repos:
            return tuple(missing_metrics(repos.lifecycle.list(Engagement, account_id),
                                         repos.lifecycle.by_parent(Metric, account_id)))

    # --- writing -------------------------------------------------------------------------

    def save(self, value: V) -> Saved[V]:
        """Create or update one value after checking it against the rules and the account."""
        with UnitOfWork(self._workspace) as repos:
            cleaned: V = self._clean(repos, value)
            repos.lifecycle.save(cleaned, self._clock())
            account_id = _account_of(repos, cleaned)
            moved = isinstance(cleaned, StageChange) and self._settle_stage(repos, account_id)
        return Saved(cleaned, _written(account_id, moved))

    def record_stage(self, change: StageChange) -> Saved[Removed]:
        """Record a stage the account entered; returns what undo needs to take it back."""
        with UnitOfWork(self._workspace) as repos:
            before = repos.accounts.get(change.account_id).stage
            cleaned = self._clean(repos, change)
            repos.lifecycle.save(cleaned, self._clock())
            moved = self._settle_stage(repos, change.account_id)
        return Saved(Removed((cleaned,), before), _written(change.account_id, moved))

    def delete(self, kind: type, value_id: str) -> Saved[Removed]:
        """Delete a value (an engagement with its criteria, reviews, steps and metrics)."""
        with UnitOfWork(self._workspace) as repos:
            value: Any = repos.lifecycle.get(kind, value_id)
            account_id = _account_of(repos, value)
            parts: list[Any] = []
            stage = None
            if isinstance(value, Engagement):
                for part in _ENGAGEMENT_PARTS:
                    parts += repos.lifecycle.list(part, value.id)
            if isinstance(value, StageChange):
                stage = repos.accounts.get(account_id).stage
            repos.lifecycle.delete(kind, value_id)
            moved = isinstance(value, StageChange) and self._settle_stage(repos, account_id)
        return Saved(Removed((value, *parts), stage), _written(account_id, moved))

    def restore(self, removed: Removed) -> Changes:
        """Put back exactly what a delete took (it was valid when it was saved)."""
        with UnitOfWork(self._workspace) as repos:
            for value in removed.values:
                repos.lifecycle.save(value, self._clock())
            account_id = _account_of(repos, removed.values[0])
            moved = self._restore_stage(repos, removed)
        return _written(account_id, moved)

    def take_back(self, recorded: Removed) -> Changes:
        """Undo ``record_stage``: remove the stage change and return to the stage before."""
        with UnitOfWork(self._workspace) as repos:
            account_id = _account_of(repos, recorded.values[0])
            for value in recorded.values:
                repos.lifecycle.delete(type(value), value.id)
            moved = self._restore_stage(repos, recorded)
        return _written(account_id, moved)

    def start_engagement_from_problem(self, review_id: str, index: int) -> Saved[Engagement]:
        """One step from a stakeholder's next problem to a proposed engagement."""
        with UnitOfWork(self._workspace) as repos:
            review = repos.lifecycle.get(DeliveryReview, review_id)
            source = repos.lifecycle.get(Engagement, review.engagement_id)
            engagement = engagement_from_problem(review, index, source.account_id, self.today())
            cleaned: Engagement = self._clean(repos, engagement)
            repos.lifecycle.save(cleaned, self._clock())
        return Saved(cleaned, lifecycle_of(cleaned.account_id))

    # --- rules ---------------------------------------------------------------------------

    def _clean(self, repos: Repositories, value: Any) -> Any:
        today = self.today()
        if isinstance(value, Engagement):
            repos.accounts.get(value.account_id)
            self._check_origin(repos, value)
            return value.checked()
        if isinstance(value, StageChange):
            repos.accounts.get(value.account_id)
            return value.checked(today)
        if isinstance(value, ReviewMeeting):
            return self._clean_meeting(repos, value.checked())
        if isinstance(value, Competitor):
            repos.accounts.get(value.account_id)
            cleaned = value.checked(today)
            others = [c.name for c in repos.lifecycle.list(Competitor, value.account_id)
                      if c.id != value.id]
            ensure_unique_name(cleaned.name, others, "competitor", "this account")
            return cleaned
        engagement = repos.lifecycle.get(Engagement, value.engagement_id)
        people = {s.id: s.name for s in
                  repos.stakeholders.list_for_account(engagement.account_id)}
        if isinstance(value, SuccessCriterion):
            cleaned_criterion = value.checked()
            _known(cleaned_criterion.agreed_by, people, "A stakeholder who agreed")
            if not repos.lifecycle.exists(SuccessCriterion, value.id):
                cleaned_criterion = replace(cleaned_criterion, position=repos.lifecycle
                                            .next_position(SuccessCriterion, value.engagement_id))
            return cleaned_criterion
        if isinstance(value, DeliveryReview):
            check_review_after_delivery(engagement)
            _known((value.stakeholder_id,), people, "The stakeholder of this review")
            for other in repos.lifecycle.list(DeliveryReview, value.engagement_id):
                if other.stakeholder_id == value.stakeholder_id and other.id != value.id:
                    raise ValidationError(f"{people[value.stakeholder_id]} already has a review "
                                          "of this engagement; edit that one instead.")
            return value.checked(today)
        if isinstance(value, Commitment):
            cleaned_step = value.checked()
            if cleaned_step.side is Side.CLIENT:
                _known((cleaned_step.stakeholder_id or "",), people, "The stakeholder")
            elif cleaned_step.team_member_id is not None:
                team = {m.id for m in repos.team_members.list_for_account(engagement.account_id)}
                if cleaned_step.team_member_id not in team:
                    raise ValidationError("Who does this step must be on the account team.")
            return cleaned_step
        if isinstance(value, Metric):
            cleaned_metric = value.checked()
            if any(m.on > today for m in cleaned_metric.measurements):
                raise ValidationError("A measured value is dated in the future; record a "
                                      "value once it has been measured.")
            if not repos.lifecycle.exists(Metric, value.id):
                cleaned_metric = replace(cleaned_metric, position=repos.lifecycle
                                         .next_position(Metric, value.engagement_id))
            return cleaned_metric
        raise TypeError(f"not a lifecycle value: {type(value).__name__}")

    @staticmethod
    def _check_origin(repos: Repositories, engagement: Engagement) -> None:
        if engagement.origin_review_id is None:
            return
        for other in repos.lifecycle.list(Engagement, engagement.account_id):
            if other.id != engagement.id and \
                    other.origin_review_id == engagement.origin_review_id and \
                    other.origin_problem == engagement.origin_problem:
                raise ValidationError(f"This problem already became the engagement "
                                      f"“{other.name}”.")

    @staticmethod
    def _clean_meeting(repos: Repositories, meeting: ReviewMeeting) -> ReviewMeeting:
        account_id = meeting.account_id
        repos.accounts.get(account_id)
        team = {m.id: m.name for m in repos.team_members.list_for_account(account_id)}
        people = {s.id: s.name for s in repos.stakeholders.list_for_account(account_id)}
        _known(meeting.our_attendees, team, "An attendee from our side")
        _known(meeting.client_attendees, people, "An attendee from the client")
        metrics = {m.id for listed in repos.lifecycle.by_parent(Metric, account_id).values()
                   for m in listed}
        if any(m not in metrics for m in meeting.metrics_reviewed):
            raise ValidationError("A metric reviewed is not one of this account's metrics.")
        return meeting

    def _settle_stage(self, repos: Repositories, account_id: str) -> bool:
        """The account's stage is the latest one in its history; True if it moved."""
        latest = current_stage(repos.lifecycle.list(StageChange, account_id))
        return latest is not None and self._set_stage(repos, account_id, latest.stage)

    def _restore_stage(self, repos: Repositories, removed: Removed) -> bool:
        if removed.account_stage is not None and isinstance(removed.values[0], StageChange):
            return self._set_stage(repos, removed.values[0].account_id, removed.account_stage)
        return False

    def _set_stage(self, repos: Repositories, account_id: str, stage: AccountStage) -> bool:
        account = repos.accounts.get(account_id)
        if account.stage is stage:
            return False
        repos.accounts.save(replace(account, stage=stage), self._clock())
        return True


def _account_of(repos: Repositories, value: Any) -> str:
    """The account a lifecycle value belongs to (an engagement's parts: its engagement's)."""
    if isinstance(value, _ENGAGEMENT_PARTS):
        return repos.lifecycle.get(Engagement, value.engagement_id).account_id
    account_id: str = value.account_id
    return account_id


def _written(account_id: str, stage_moved: bool) -> Changes:
    return lifecycle_of(account_id) | (account_changed(account_id) if stage_moved else NO_CHANGES)


def _known(ids: tuple[str, ...], names: dict[str, str], what: str) -> None:
    if any(i not in names for i in ids):
        raise ValidationError(f"{what} is not a stakeholder or team member of this account.")
