"""The import-csv and export-csv commands: output, exit codes, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from contactmap_desktop.cli import main
from contactmap_desktop.services.workspace_service import open_workspace
from tests.helpers import contact_exports
from tests.helpers.builders import build_small_map


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.cmap"
    build_small_map(path).opened.close()
    return path


def test_import_csv_reports_counts_and_lines(workspace: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "Connections.csv"
    source.write_bytes(contact_exports.linkedin_connections())
    code = main(["import-csv", str(source), "--account", "acme corp",
                 "--workspace", str(workspace)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Read LinkedIn connections (utf-8-sig, header on line 4)." in out
    assert "Added 5, updated 0, skipped 0." in out
    assert "add: lines 5-9" in out


def test_import_csv_with_a_mapping_file(workspace: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Who;Job;Firm\nAnn Lee;CTO;Acme\nBo Chan;Analyst;Globex\n",
                      encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"Who": "name", "Job": "title", "Firm": "company"},
                                   "company": "acme"}))
    code = main(["import-csv", str(source), "--account", "Acme Corp", "--mapping", str(mapping),
                 "--workspace", str(workspace)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Added 1, updated 0, skipped 1." in out
    assert "skip: line 3: company “Globex” not selected" in out


def test_import_error_is_one_line_and_writes_nothing(workspace: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("Name,Title\nAnn Lee,CTO\n,Orphan\n", encoding="utf-8")
    code = main(["import-csv", str(source), "--account", "Acme Corp",
                 "--workspace", str(workspace)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "contactmap: Line 3: the row has no name (the name columns are empty).\n"
    main(["export-csv", "--account", "Acme Corp", "--out", str(tmp_path / "o.csv"),
          "--workspace", str(workspace)])
    assert "Ann Lee" not in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("args", [
    ["import-csv", "missing.csv", "--account", "Acme Corp"],
    ["import-csv", "{src}", "--account", "Nobody"],
    ["import-csv", "{src}", "--account", "Acme Corp", "--mapping", "{src}"],
    ["export-csv", "--account", "Acme Corp", "--out", "/nonexistent/dir/x.csv"],
])
def test_user_errors_exit_1_with_one_line(workspace: Path, tmp_path: Path, args: list[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.csv"
    src.write_text("Name\nAnn\n", encoding="utf-8")
    argv = [a.replace("{src}", str(src)) for a in args] + ["--workspace", str(workspace)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("contactmap: ") and err.count("\n") == 1


def test_export_csv_writes_the_file(workspace: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "acme.csv"
    assert main(["export-csv", "--account", "Acme Corp", "--out", str(out),
                 "--workspace", str(workspace)]) == 0
    assert "Wrote 3 stakeholders" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("Ada Power,CEO")


def test_export_and_import_account_between_workspaces(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "acme.cmacct"
    assert main(["export-account", "--account", "Acme Corp", "--out", str(file),
                 "--workspace", str(workspace)]) == 0
    assert "Wrote “Acme Corp” to" in capsys.readouterr().out
    target = tmp_path / "empty.cmap"
    open_workspace(target).close()
    assert main(["import-account", str(file), "--workspace", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Account “Acme Corp”: new in this workspace." in out
    assert "stakeholders: 3 added, 0 updated" in out
    assert main(["accounts", "--workspace", str(target)]) == 0
    assert capsys.readouterr().out == "Acme Corp\n"


def test_import_account_refuses_a_newer_file_in_one_line(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "new.cmacct"
    file.write_text(json.dumps({"format": "contactmap-account", "version": 99}), encoding="utf-8")
    assert main(["import-account", str(file), "--workspace", str(workspace)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer ContactMap (account file version 99)" in err


def test_export_csv_of_findings(workspace: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "findings.csv"
    assert main(["export-csv", "--account", "Acme Corp", "--out", str(out), "--findings",
                 "--workspace", str(workspace)]) == 0
    assert "findings to" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Severity", "Rule", "Finding", "Cells", "Stakeholders"]
    # The small map is all blank: no one covers Ada Power's role (said once, by the role).
    uncovered = [r for r in rows[1:] if r[1] == "uncovered-role"]
    assert uncovered and "Ada Power" in " ".join(uncovered[0])


def test_counts_agree_with_their_nouns(workspace: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    opened = open_workspace(workspace)
    account = opened.accounts.find_by_name("Acme Corp")
    team = opened.contact_maps.load_map(account.id).team_members
    opened.contact_maps.remove_team_member(account.id, team[1].id)
    opened.close()
    assert main(["export-account", "--account", "Acme Corp", "--out",
                 str(tmp_path / "acme.cmacct"), "--workspace", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "team members: 1" in out
    assert "1 team members" not in out
    assert main(["findings", "--account", "Acme Corp", "--workspace", str(workspace)]) == 0
    summary = capsys.readouterr().out.splitlines()[0]
    assert " 1 concerns" not in summary and " 1 warnings" not in summary
