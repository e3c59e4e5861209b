"""The agenda rules: what of one account is due by the horizon, overdue items first."""

from __future__ import annotations

from datetime import date, timedelta

from contactmap_desktop.domain.account_watch import LifecycleSettings
from contactmap_desktop.domain.agenda import (
    AccountAgendaInput,
    AgendaKind,
    account_agenda,
    sort_agenda,
)
from contactmap_desktop.domain.blueprints import Blueprint, BlueprintStatus
from contactmap_desktop.domain.commitments import Commitment, Side
from contactmap_desktop.domain.engagements import Engagement, EngagementStatus
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.letters import Milestone, SponsorLetter
from contactmap_desktop.domain.model import Account, AccountStage, CellRef
from contactmap_desktop.domain.review_cadence import DEFAULT_TIERS, ReviewMeeting

TODAY = date(2026, 3, 10)
SETTINGS = LifecycleSettings()


def _account(**changes: object) -> Account:
    values: dict[str, object] = {"id": "a", "name": "Acme", "stage": AccountStage.CONTRACT,
                                 "annual_value": 200_000}
    values.update(changes)
    return Account(**values)  # type: ignore[arg-type]


def _kinds(data: AccountAgendaInput) -> dict[AgendaKind, bool]:
    return {i.kind: i.overdue for i in account_agenda(data, DEFAULT_TIERS, SETTINGS, TODAY)}


def test_an_overdue_review_and_a_near_renewal_are_listed() -> None:
    meeting = ReviewMeeting("m", "a", TODAY - timedelta(days=120), ("t",), ("s",))
    data = AccountAgendaInput(_account(renewal_date=TODAY + timedelta(days=30)), [meeting])
    assert _kinds(data) == {AgendaKind.REVIEW: True, AgendaKind.RENEWAL: False}


def test_a_review_due_beyond_the_week_is_not_listed_yet() -> None:
    meeting = ReviewMeeting("m", "a", TODAY - timedelta(days=91 - 8), ("t",), ("s",))
    assert _kinds(AccountAgendaInput(_account(), [meeting])) == {}
    meeting = ReviewMeeting("m", "a", TODAY - timedelta(days=91 - 7), ("t",), ("s",))
    assert _kinds(AccountAgendaInput(_account(), [meeting])) == {AgendaKind.REVIEW: False}


def test_churned_accounts_get_no_reviews_or_renewals() -> None:
    data = AccountAgendaInput(_account(stage=AccountStage.CHURNED, renewal_date=TODAY))
    assert _kinds(data) == {}


def test_passive_engagements_blueprints_and_letter_milestones() -> None:
    engagement = Engagement("e", "a", "Pilot", status=EngagementStatus.ACTIVE)
    ours = [Commitment(f"c{i}", "e", TODAY - timedelta(days=i), Side.OURS, "x")
            for i in range(3)]
    blueprint = Blueprint("b", "a", "s", (CellRef("t", "s"),), Grade.OPEN,
                          due=TODAY - timedelta(days=1), status=BlueprintStatus.PLANNED)
    letter = SponsorLetter("l", "a", TODAY, milestones=(
        Milestone("Pilot go/no-go", due=TODAY + timedelta(days=3)),
        Milestone("Long past", due=TODAY - timedelta(days=60)),
        Milestone("Done", due=TODAY - timedelta(days=5), done_on=TODAY - timedelta(days=6))))
    data = AccountAgendaInput(_account(annual_value=0), engagements=[engagement],
                              steps={"e": ours}, blueprints=[blueprint],
                              stakeholder_names={"s": "Ana"}, letters=[letter])
    items = sort_agenda(account_agenda(data, DEFAULT_TIERS[1:], SETTINGS, TODAY))
    # Article 002: "Use hard step dates" — a step long past and not done stays on the agenda,
    # overdue, until it is marked done; a done one leaves it.
    assert [(i.kind, i.overdue, i.target_id, i.part) for i in items] == [
        (AgendaKind.MILESTONE, True, "l", 1),
        (AgendaKind.BLUEPRINT, True, "b", None),
        (AgendaKind.PASSIVE, False, "e", None),
        # Article 001: "You should have a set of explicit measurement criteria".
        (AgendaKind.UNMEASURED, False, "e", None),
        (AgendaKind.MILESTONE, False, "l", 0),
    ]
    assert items[1].title == "Blueprint for Ana: Open goal"
