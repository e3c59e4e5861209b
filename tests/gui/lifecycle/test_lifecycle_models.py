"""Every lifecycle list model under qtmodeltester, filled from the sample account's lifecycle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from contactmap_desktop.domain.commitments import Commitment
from contactmap_desktop.domain.engagements import DeliveryReview, SuccessCriterion
from contactmap_desktop.domain.metrics import Metric
from contactmap_desktop.services.agenda_service import AccountOverview, AgendaService
from contactmap_desktop.services.lifecycle_service import LifecycleService
from contactmap_desktop.services.workspace_service import OpenWorkspace, open_workspace
from contactmap_desktop.ui.core.roles import RecordRole
from contactmap_desktop.ui.lifecycle import columns
from contactmap_desktop.ui.lifecycle.record_model import (
    RecordModel,
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenWorkspace]:
    folder = tmp_path_factory.mktemp("sample")
    opened = open_workspace(folder / "s.cmap", with_sample=True, backups_root=folder / "b")
    yield opened
    opened.close()


def _overview(sample: OpenWorkspace) -> AccountOverview:
    [account] = sample.accounts.list_accounts()
    return AgendaService(sample.workspace).overview(account.id)


def _lists(sample: OpenWorkspace) -> list[tuple[str, RecordModel[object], list[object]]]:
    overview = _overview(sample)
    service = LifecycleService(sample.workspace)
    loaded = sample.contact_maps.load_map(overview.account.id)
    people = {s.id: s.name for s in loaded.stakeholders}
    team = {t.id: t.name for t in loaded.team_members}
    ids = [s.engagement.id for s in overview.engagements]

    def every(kind: type) -> list[object]:
        return [v for i in ids for v in service.list(kind, i)]

    def model(cols: list[columns.Column[object]], key: object) -> RecordModel[object]:
        return RecordModel(cols, key)  # type: ignore[arg-type]

    by_id = lambda v: v.id  # noqa: E731
    return [
        ("engagements", model(columns.engagement_columns(lambda: "EUR"), lambda s: s.engagement.id),
         list(overview.engagements)),
        ("criteria", model(columns.criterion_columns(people), by_id), every(SuccessCriterion)),
        ("reviews", model(columns.review_columns(people), by_id), every(DeliveryReview)),
        ("steps", model(columns.commitment_columns(people, team), by_id), every(Commitment)),
        ("metrics", model(columns.metric_columns(), by_id), every(Metric)),
        ("meetings", model(columns.meeting_columns(people, team), by_id),
         list(overview.meetings)),
        ("competitors", model(columns.competitor_columns(), by_id),
         list(overview.competitors)),
        ("stages", model(columns.stage_columns(), by_id), list(overview.stage_history)),
        ("agenda", model(columns.agenda_columns(), lambda i: i.title),
         list(AgendaService(sample.workspace).agenda().items)),
    ]


def test_every_lifecycle_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, sample: OpenWorkspace
) -> None:
    for name, model, records in _lists(sample):
        assert records, name
        qtmodeltester.check(model)
        model.set_records(records)
        model.set_records(records[:1])
        model.set_records(records)
        qtmodeltester.check(model)
        assert model.rowCount() == len(records), name
        first = model.index(0, 0)
        assert first.data(RecordRole.RECORD) == records[0]
        assert model.row_of(first.data(RecordRole.ID)) == 0


def test_flags_say_why_in_the_tooltip_and_in_the_text(qapp: QApplication,
                                                      sample: OpenWorkspace) -> None:
    lists = {name: (model, records) for name, model, records in _lists(sample)}
    model, records = lists["engagements"]
    model.set_records(records)
    watch = 1  # the Watch column, beside the name
    flagged = {model.index(r, 0).data(): model.index(r, watch) for r in range(model.rowCount())}
    passive = flagged["Late loading at the Leeds depot"]
    assert passive.data() == "Passive" and passive.data(RecordRole.FLAGGED)
    assert "the last 3 steps were ours" in passive.data(Qt.ItemDataRole.ToolTipRole)
    assert flagged["Route optimisation pilot"].data() == "1 off target"
    assert not flagged["Depot planning assessment"].data(RecordRole.FLAGGED)
    metrics, metric_records = lists["metrics"]
    metrics.set_records(metric_records)
    latest = {metrics.index(r, 0).data(): metrics.index(r, 2).data()
              for r in range(metrics.rowCount())}
    assert latest["On-time deliveries"].endswith("— off target")
    assert not latest["Empty kilometres"].endswith("off target")
