"""Accounts whose lifecycle fills every part of the agenda (a review and CEO visit due, a
renewal, passive engagements, a blueprint and letter milestones due), written straight through
the repositories so that hundreds of them are quick to build."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.blueprints import Blueprint
from contactmap_desktop.domain.commitments import Commitment, CommitmentKind, Side
from contactmap_desktop.domain.engagements import (
    Engagement,
    EngagementStatus,
    StageChange,
    SuccessCriterion,
)
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import Milestone, SponsorLetter
from contactmap_desktop.domain.metrics import Measurement, Metric
from contactmap_desktop.domain.model import (
    Account,
    AccountStage,
    CellRef,
    Stakeholder,
    TeamMember,
    new_id,
)
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.storage.database import Workspace
from contactmap_desktop.storage.unit_of_work import UnitOfWork


def add_busy_account(workspace: Workspace, name: str, engagements: int, today: date) -> str:
    """One account with ``engagements`` engagements (every other one open, its last three
    steps ours), each with a criterion and a metric off target; returns the account's id."""
    now = datetime.combine(today, time(9))

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    with UnitOfWork(workspace) as repos:
        account = Account(new_id(), name, stage=AccountStage.PILOT, annual_value=1_200_000,
                          renewal_date=today + timedelta(days=30))
        repos.accounts.save(account, now)
        people = [Stakeholder(new_id(), account.id, f"Person {i} of {name}", position=i)
                  for i in range(3)]
        member = TeamMember(new_id(), f"Rep of {name}")
        for person in people:
            repos.stakeholders.save(person, now)
        repos.team_members.save(member, now)
        repos.session.flush()
        repos.team_members.add_to_account(account.id, member.id, 0, now)
        repos.lifecycle.save(StageChange(new_id(), account.id, AccountStage.PILOT, ago(200)), now)
        repos.lifecycle.save(ReviewMeeting(new_id(), account.id, ago(100), (member.id,),
                                           (people[0].id,)), now)
        repos.lifecycle.save(Competitor(new_id(), account.id, "RouteCo"), now)
        for number in range(engagements):
            status = EngagementStatus.ACTIVE if number % 2 == 0 else EngagementStatus.DELIVERED
            engagement = Engagement(new_id(), account.id, f"Engagement {number}",
                                    status=status, start=ago(60))
            repos.lifecycle.save(engagement, now)
            repos.lifecycle.save(Commitment(new_id(), engagement.id, ago(20), Side.CLIENT,
                                            "Shares data", people[1].id,
                                            CommitmentKind.DATA), now)
            for step in range(3):
                repos.lifecycle.save(Commitment(new_id(), engagement.id, ago(10 - step),
                                                Side.OURS, f"Our step {step}"), now)
            repos.lifecycle.save(SuccessCriterion(new_id(), engagement.id, "Fewer empty miles",
                                                  (people[0].id,)), now)
            repos.lifecycle.save(Metric(new_id(), engagement.id, "On-time", 95.0, "%",
                                        measurements=(Measurement(ago(5), 90.0),)), now)
        repos.blueprints.save(Blueprint(new_id(), account.id, people[1].id,
                                        (CellRef(member.id, people[1].id),), Grade.OPEN,
                                        due=today + timedelta(days=3)), now)
        repos.letters.save(SponsorLetter(new_id(), account.id, ago(7), subject="Next steps",
                                         milestones=(Milestone("Pilot review", "", ago(1)),
                                                     Milestone("Proposal", "", today))), now)
    return account.id
