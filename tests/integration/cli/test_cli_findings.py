"""The findings command: text, the JSON schema, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.domain.finding import Rule, Severity
from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.services.sample_account import SAMPLE_ACCOUNT_NAME
from tests.helpers.builders import build_small_map
from tests.helpers.sample_workspace import sample_copy


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.cmap"
    small = build_small_map(path)
    small.opened.contact_maps.set_grade(small.cell(0, 1), Grade.MOTIVATED)
    small.opened.close()
    return path


def _check_schema(data: dict[str, Any]) -> None:
    """The contract of ``findings --json``; adding fields is allowed, changing these is not."""
    assert data["schema"] == 1
    assert isinstance(data["account"], str)
    assert len(data["date"]) == 10 and data["date"][4] == "-"
    assert set(data["thresholds"]) >= {"trust_share_limit", "open_share_floor",
                                       "stale_after_days", "most_relationships"}
    assert all(isinstance(v, int) for v in data["thresholds"].values())
    assert set(data["counts"]) == {"concern", "warning", "info"}
    assert sum(data["counts"].values()) == len(data["findings"])
    rules = {rule.id for rule in Rule}
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "message", "cells", "columns"}
        assert finding["rule"] in rules
        assert finding["severity"] in {s.value for s in Severity}
        assert isinstance(finding["message"], str) and finding["message"]
        assert finding["cells"] or finding["columns"]
        for cell in finding["cells"]:
            assert set(cell) == {"team_member", "team_member_id", "stakeholder",
                                 "stakeholder_id", "grade"}
            assert cell["grade"] in {None, *(g.letter for g in Grade)}
        for column in finding["columns"]:
            assert set(column) == {"stakeholder", "stakeholder_id", "roles"}


def test_json_output_follows_the_schema(workspace: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["findings", "--account", "acme corp", "--json",
                 "--workspace", str(workspace)]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_schema(data)
    assert data["account"] == "Acme Corp"
    first = data["findings"][0]
    assert first["severity"] == "concern"
    motivated = [f for f in data["findings"] if f["rule"] == "below-satisfied"]
    assert motivated[0]["cells"][0]["stakeholder"] == "Uma User"
    assert motivated[0]["cells"][0]["grade"] == "M"
    power = [f for f in data["findings"] if f["rule"] == "uncovered-role"
             and "Power" in f["message"]]
    assert power[0]["columns"] == [{"stakeholder": "Ada Power",
                                    "stakeholder_id": power[0]["columns"][0]["stakeholder_id"],
                                    "roles": "P"}]


def test_json_of_the_sample_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample_copy(tmp_path / "sample.cmap")
    assert main(["findings", "--account", SAMPLE_ACCOUNT_NAME, "--json",
                 "--workspace", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_schema(data)
    assert data["counts"]["concern"] >= 1
    # Two of the sample's three key cells have a blueprint: only the third is flagged.
    unplanned = [f for f in data["findings"] if f["rule"] == "key-without-blueprint"]
    assert [f["message"].split(" is a key")[0] for f in unplanned] == [
        "Rita Sandoval with Marcus Reid"]


def test_text_output_has_a_summary_then_one_line_per_finding(
        workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["findings", "--account", "Acme Corp", "--workspace", str(workspace)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Acme Corp: ")
    assert "concern" in lines[0]
    assert all(line.split()[0] in {"concern", "warning", "info"} for line in lines[1:])
    assert any("Uma User is Motivated to change with Rep One" in line for line in lines)


@pytest.mark.parametrize("args", [
    ["findings", "--account", "Nobody"],
    ["findings"],
])
def test_errors_exit_1_with_one_line(workspace: Path, args: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main([*args, "--workspace", str(workspace)])
    except SystemExit as exit_:  # argparse's usage errors leave through SystemExit
        code = int(exit_.code or 0)
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("contactmap: ") and err.count("\n") == 1


def test_the_csv_of_findings_lists_every_finding_the_command_reports(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both commands take the findings from one service: the sample's key relationship
    without a blueprint is in the CSV too (it was dropped there)."""
    workspace = sample_copy(tmp_path / "sample.cmap")
    assert main(["findings", "--account", SAMPLE_ACCOUNT_NAME, "--json",
                 "--workspace", str(workspace)]) == 0
    reported = json.loads(capsys.readouterr().out)["findings"]
    out = tmp_path / "findings.csv"
    assert main(["export-csv", "--account", SAMPLE_ACCOUNT_NAME, "--findings", "--out", str(out),
                 "--workspace", str(workspace)]) == 0
    assert f"Wrote {len(reported)} findings" in capsys.readouterr().out
    rules = [line.split(",")[1] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert sorted(rules) == sorted(finding["rule"] for finding in reported)
    assert Rule.KEY_WITHOUT_BLUEPRINT.id in rules
