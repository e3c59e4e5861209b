"""The columns of each lifecycle list: what a row shows, and which rows are flagged."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from contactmap_desktop.domain.account_watch import Competitor
from contactmap_desktop.domain.agenda import AgendaItem
from contactmap_desktop.domain.commitments import Commitment, Side
from contactmap_desktop.domain.engagements import DeliveryReview, StageChange, SuccessCriterion
from contactmap_desktop.domain.metrics import Metric, format_number
from contactmap_desktop.domain.model import AccountStage
from contactmap_desktop.domain.review_cadence import ReviewMeeting
from contactmap_desktop.services.agenda_service import EngagementState
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.money import money_text
from contactmap_desktop.ui.lifecycle.record_model import Column


def _names(ids: tuple[str, ...], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(i, "—") for i in ids)


def _momentum_flag(state: EngagementState) -> str | None:
    m = state.momentum
    if state.engagement.status.is_open and m.passive:
        return (f"Passive: the last {m.ours_in_a_row} steps were ours. Ask the client to "
                "commit Time, Data or Money.")
    return None


def _metrics_flag(state: EngagementState) -> str | None:
    if state.metrics_off_target:
        return "Off target: " + ", ".join(state.metrics_off_target)
    return None


def _engagement_flags(state: EngagementState) -> str:
    words = []
    if _momentum_flag(state):
        words.append("Passive")
    if state.metrics_off_target:
        words.append(f"{len(state.metrics_off_target)} off target")
    return " · ".join(words)


def engagement_columns(currency: Callable[[], str]) -> list[Column[EngagementState]]:
    """The engagements table; values in the account's ``currency()``."""
    def last_client(s: EngagementState) -> str:
        c = s.momentum.last_client_commitment
        return f"{c.kind.label if c.kind else ''} on {date_text(c.on)}" if c else "none"

    def last_client_tip(s: EngagementState) -> str:
        c = s.momentum.last_client_commitment
        return f"{date_text(c.on)}: {c.what}" if c else "The client has not committed yet."

    def next_on(s: EngagementState) -> str:
        side = s.momentum.next_step_on
        return "" if side is None else ("Client" if side is Side.CLIENT else "Us")

    def flags(s: EngagementState) -> str | None:
        found = [f for f in (_momentum_flag(s), _metrics_flag(s)) if f]
        return "\n".join(found) if found else None

    return [
        Column("Engagement", lambda s: s.engagement.name),
        Column("Watch", _engagement_flags, flag=flags),
        Column("Kind", lambda s: s.engagement.kind.label),
        Column("Status", lambda s: s.engagement.status.label),
        Column("Value", lambda s: money_text(s.engagement.value, currency()), align_right=True),
        Column("Start", lambda s: date_text(s.engagement.start)),
        Column("End", lambda s: date_text(s.engagement.end)),
        Column("Last client commitment", last_client, tip=last_client_tip),
        Column("Next step on", next_on),
    ]


def criterion_columns(people: Mapping[str, str]) -> list[Column[SuccessCriterion]]:
    return [Column("Success criterion", lambda c: c.text.replace("\n", " ")),
            Column("Agreed by", lambda c: _names(c.agreed_by, people))]


def review_columns(people: Mapping[str, str]) -> list[Column[DeliveryReview]]:
    def missed(r: DeliveryReview) -> str | None:
        return None if r.verdict.value == "met" else f"Criteria met: {r.verdict.label}"

    return [
        Column("Stakeholder", lambda r: people.get(r.stakeholder_id, "—")),
        Column("Date", lambda r: date_text(r.held_on)),
        Column("Criteria met?", lambda r: r.verdict.label, flag=missed),
        Column("Next problem 1", lambda r: r.next_problems[0]),
        Column("Next problem 2", lambda r: r.next_problems[1]),
    ]


def commitment_columns(people: Mapping[str, str],
                       team: Mapping[str, str]) -> list[Column[Commitment]]:
    def who(c: Commitment) -> str:
        if c.side is Side.CLIENT:
            return people.get(c.stakeholder_id or "", "—")
        return team.get(c.team_member_id or "", "our team")

    def missed(c: Commitment) -> str | None:
        return "Not fulfilled" if c.status.value == "not_fulfilled" else None

    return [
        Column("Date", lambda c: date_text(c.on)),
        Column("Whose", lambda c: c.side.label),
        Column("Who", who),
        Column("Commits", lambda c: c.kind.label if c.kind else ""),
        Column("What", lambda c: c.what),
        Column("Status", lambda c: c.status.label, flag=missed),
    ]


def metric_columns() -> list[Column[Metric]]:
    def latest(m: Metric) -> str:
        if m.latest is None:
            return "not measured yet"
        text = f"{format_number(m.latest.value)} {m.unit}".strip()
        return f"{text} on {date_text(m.latest.on)}" + (" — off target" if m.off_target else "")

    def off(m: Metric) -> str | None:
        return f"Off target: the target is {m.target_text}" if m.off_target else None

    return [Column("Metric", lambda m: m.name), Column("Target", lambda m: m.target_text),
            Column("Latest", latest, flag=off),
            Column("Values", lambda m: str(len(m.measurements)), align_right=True)]


def meeting_columns(people: Mapping[str, str],
                    team: Mapping[str, str]) -> list[Column[ReviewMeeting]]:
    return [
        Column("Date", lambda m: date_text(m.held_on)),
        Column("Our side", lambda m: _names(m.our_attendees, team)
               + (" (with our CEO)" if m.our_ceo_present else "")),
        Column("Client side", lambda m: _names(m.client_attendees, people)),
        Column("Metrics", lambda m: str(len(m.metrics_reviewed)), align_right=True),
        Column("Notes", lambda m: m.notes.replace("\n", " ")),
    ]


def competitor_columns() -> list[Column[Competitor]]:
    return [Column("Competitor", lambda c: c.name),
            Column("What they pitch", lambda c: c.pitch.replace("\n", " ")),
            Column("To whom", lambda c: c.pitched_to),
            Column("Last seen", lambda c: date_text(c.last_seen)),
            Column("Our answer", lambda c: c.our_answer.replace("\n", " ") or (
                "none — asked our product team" if c.product_request else "none yet"))]


def stage_columns() -> list[Column[StageChange]]:
    def churned(c: StageChange) -> str | None:
        return f"Churned: {c.note}" if c.stage is AccountStage.CHURNED else None

    return [Column("Since", lambda c: date_text(c.on)),
            Column("Stage", lambda c: c.stage.label, flag=churned),
            Column("Note", lambda c: c.note)]


def agenda_columns() -> list[Column[AgendaItem]]:
    def late(i: AgendaItem) -> str | None:
        return "Overdue" if i.overdue else None

    return [Column("Due", lambda i: date_text(i.due) + (" (overdue)" if i.overdue else ""),
                   flag=late),
            Column("Account", lambda i: i.account_name),
            Column("What", lambda i: i.kind.label),
            Column("Details", lambda i: i.title)]
