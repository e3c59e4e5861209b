"""The paragraph above the Lifecycle tab: what is due, and what is late said in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from contactmap_desktop.domain.account_watch import RenewalNotice
from contactmap_desktop.domain.model import Account, AccountStage
from contactmap_desktop.domain.review_cadence import CadenceTier, ReviewDue
from contactmap_desktop.services.agenda_service import AccountOverview
from contactmap_desktop.ui.core.dates import date_text
from contactmap_desktop.ui.lifecycle.summary import WARN, overview_html

TODAY = date(2026, 6, 15)
TIER = CadenceTier(250_000, 90, "our VP & <their> CIO", ceo_visit_every_days=365)
QUIET = AccountOverview(
    account=Account("a1", "Acme & Sons", stage=AccountStage.CONTRACT, annual_value=300_000,
                    currency="EUR"),
    stage_history=(), churn_reason=None, engagements=(), meetings=(), review=None,
    ceo_visit_due=None, renewal=None, competitors=(), today=TODAY)


@pytest.mark.parametrize(("changes", "expected", "late"), [
    ({}, ["No review cadence at this account value."], False),
    ({"account": replace(QUIET.account, renewal_date=date(2027, 3, 1))},
     [f"Renewal on {date_text(date(2027, 3, 1))}."], False),
    ({"renewal": RenewalNotice(date(2026, 7, 5), 20)},
     [f"Renewal on {date_text(date(2026, 7, 5))}, in 20 days."], False),
    ({"renewal": RenewalNotice(date(2026, 6, 14), -1)},
     [f"Renewal was due {date_text(date(2026, 6, 14))} (1 day ago)."], True),
    ({"review": ReviewDue(date(2026, 7, 1), True, TIER)},
     [f"Next review booked for {date_text(date(2026, 7, 1))} (our VP &amp; &lt;their&gt; CIO)."],
     False),
    ({"review": ReviewDue(date(2026, 6, 1), False, TIER)},
     [f"Next review due {date_text(date(2026, 6, 1))} (our VP &amp; &lt;their&gt; CIO)."],
     True),
    ({"review": ReviewDue(date(2026, 7, 1), True, TIER), "ceo_visit_due": date(2026, 5, 1)},
     [f"Our CEO's visit due {date_text(date(2026, 5, 1))}."], True),
])
def test_each_date_is_said_and_a_late_one_is_flagged(
        changes: dict[str, object], expected: list[str], late: bool) -> None:
    text = overview_html(replace(QUIET, **changes))  # type: ignore[arg-type]

    assert text.startswith("<b>Acme &amp; Sons</b> — stage <b>Contract</b>, annual value ")
    assert all(part in text for part in expected), text
    assert (WARN.split("{")[0] in text) is late
