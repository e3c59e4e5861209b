"""The one-paragraph state of an account's lifecycle, above the Lifecycle tab's pages."""

from __future__ import annotations

from html import escape

from contactmap_desktop.domain.wording import counted
from contactmap_desktop.services.agenda_service import AccountOverview
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.core.money import money_text

WARN = "<b style='color:#b8401f'>{}</b>"


def overview_html(overview: AccountOverview) -> str:
    """Stage, renewal, next review and CEO visit, with what is late said in words."""
    account, today = overview.account, overview.today
    history = overview.stage_history
    since = (f" since {date_text(history[-1].on)}"
             if history and history[-1].stage is account.stage else "")
    parts = [f"<b>{escape(account.name)}</b> — stage <b>{account.stage.label}</b>{since}, "
             f"annual value {money_text(account.annual_value, account.currency)}."]
    if overview.churn_reason is not None:
        parts.append(WARN.format("Churned:") + f" {escape(overview.churn_reason)}.")
    if overview.renewal is not None:
        renewal = overview.renewal
        text = (f"Renewal was due {date_text(renewal.due)} "
                f"({counted(-renewal.days_left, 'day')} ago)."
                if renewal.overdue else
                f"Renewal on {date_text(renewal.due)}, in {counted(renewal.days_left, 'day')}.")
        parts.append(WARN.format(text) if renewal.overdue else text)
    elif account.renewal_date is not None:
        parts.append(f"Renewal on {date_text(account.renewal_date)}.")
    review = overview.review
    if review is None:
        parts.append("No review cadence at this account value.")
    elif review.scheduled:
        parts.append(f"Next review booked for {date_text(review.due)} "
                     f"({escape(review.tier.who)}).")
    else:
        text = f"Next review due {date_text(review.due)} ({escape(review.tier.who)})."
        parts.append(WARN.format("Overdue: ") + text if review.overdue(today) else text)
    if overview.ceo_visit_due is not None:
        late = overview.ceo_visit_due < today
        text = f"Our CEO's visit due {date_text(overview.ceo_visit_due)}."
        parts.append(WARN.format("Overdue: ") + text if late else text)
    return " ".join(parts)
