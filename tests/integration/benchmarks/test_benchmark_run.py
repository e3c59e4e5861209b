"""The benchmark script still runs end to end (tiny accounts, one run; no timing is judged).

Start-up is left out: it launches the app a few times over, which the bundle and CLI tests
already do, and would double this test's time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.large_account import build_large_account
from contactmap_desktop.services.workspace_service import open_workspace


@pytest.mark.slow
def test_quick_run_writes_every_item_as_json(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"

    assert run.main(["--quick", "--json", str(out),
                     "--only", "account", "edits", "findings", "pdf", "csv"]) == 0

    written = json.loads(out.read_text(encoding="utf-8"))
    items = {figure["item"] for figure in written["figures"]}
    assert items == {"2 large account", "3 edit cost", "4 findings", "5 PDF", "6 CSV import"}
    waits = [f for f in written["figures"] if "longest wait" in f["what"]]
    assert len(waits) == 1 and waits[0]["value"] >= 0
    assert all(figure["value"] > 0 for figure in written["figures"] if figure not in waits)
    printed = capsys.readouterr().out
    assert printed.startswith("| item | figure | value |")
    assert "sponsor letter (2 pages)" in printed
    assert "open the 40-cell account in the window" in printed
    assert "grade typed to cell repainted, 40 cells" in printed
    assert "200 rows, file to workspace" in printed


def test_generated_account_opens_with_its_cells_grades_and_history(tmp_path: Path) -> None:
    built = build_large_account(tmp_path / "big.cmap", stakeholders=30, team=10,
                                graded_share=0.5)

    opened = open_workspace(built.path, backups_root=tmp_path / "backups")
    try:
        contact_map = opened.contact_maps.load_map(built.account_id)
    finally:
        opened.close()
    assert [s.id for s in contact_map.stakeholders] == built.stakeholder_ids
    assert [m.id for m in contact_map.team_members] == built.team_member_ids
    assert sum(1 for _ in contact_map.graded()) == built.graded_cells > 0
    assert len(contact_map.history) == built.grade_changes >= built.graded_cells
    # Each graded cell's history ends on its grade.
    for relationship in contact_map.graded():
        assert contact_map.history_of(relationship.cell)[-1].new_grade == relationship.grade
