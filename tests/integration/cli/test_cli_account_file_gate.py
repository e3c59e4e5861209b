"""Issue 16, items 3 and 4: an account file that would delete, move or take over records, or
that holds values the app cannot read, is refused in one line and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactmap_desktop.cli import main
from tests.helpers.account_files import Document, TwoAccounts, build_two_accounts, table_rows

Mutation = Callable[[Document, Document], Document]  # (northwind, acme) → the file to import


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> TwoAccounts:
    return build_two_accounts(tmp_path_factory.mktemp("two"))


def _sections(document: Document) -> dict[str, list[dict[str, object]]]:
    result: dict[str, list[dict[str, object]]] = document["sections"]
    return result


def _first(document: Document, section: str) -> dict[str, object]:
    return _sections(document)[section][0]


def _set(section: str, field: str, value: object, which: str = "acme") -> Mutation:
    """One field of the first record of a section (``account`` for the account) changed."""
    def mutate(northwind: Document, acme: Document) -> Document:
        document = acme if which == "acme" else northwind
        record = document["account"] if section == "account" else _first(document, section)
        record[field] = value
        return document
    return mutate


def _add_setting(value: str) -> Mutation:
    def mutate(northwind: Document, acme: Document) -> Document:
        _sections(acme)["settings"] = [{"key": "coverage.thresholds", "value": value}]
        return acme
    return mutate


def _retargeted(acme: Document, old: str, new: str) -> Document:
    """The file with every occurrence of one id replaced by another."""
    result: Document = json.loads(json.dumps(acme).replace(old, new))
    return result


def _takeover(northwind: Document, acme: Document) -> Document:
    # A file for a new account whose first stakeholder carries a Northwind person's id.
    document = _retargeted(acme, acme["account"]["id"], "00000000-0000-4000-8000-000000000001")
    document["account"]["name"] = "Takeover Ltd"
    theirs = str(_first(northwind, "stakeholders")["id"])
    return _retargeted(document, str(_first(document, "stakeholders")["id"]), theirs)


def _their_cell(section: str) -> Mutation:
    def mutate(northwind: Document, acme: Document) -> Document:
        cell = _first(northwind, "relationships")
        record = _first(acme, section)
        record["stakeholder_id"], record["team_member_id"] = \
            cell["stakeholder_id"], cell["team_member_id"]
        if section == "grade_changes":
            record["changed_at"] = "2001-01-01T00:00:00"  # older: must not regrade their cell
        return acme
    return mutate


def _their_record(section: str, extra: Callable[[dict[str, object], Document], None]
                  = lambda record, acme: None) -> Mutation:
    """One of Northwind's records, relabelled as Acme's, in Acme's file."""
    def mutate(northwind: Document, acme: Document) -> Document:
        record = dict(_first(northwind, section))
        if "account_id" in record:
            record["account_id"] = acme["account"]["id"]
        extra(record, acme)
        _sections(acme)[section].append(record)
        return acme
    return mutate


def _their_change_id(northwind: Document, acme: Document) -> Document:
    _first(acme, "grade_changes")["id"] = _first(northwind, "grade_changes")["id"]
    return acme


def _their_team_member(northwind: Document, acme: Document) -> Document:
    _sections(acme)["team_members"].append(_first(northwind, "team_members"))
    return acme


def _new_letter(record: dict[str, object], acme: Document) -> None:
    record["id"] = "00000000-0000-4000-8000-000000000002"


def _blueprint_for_acme(record: dict[str, object], acme: Document) -> None:
    record["stakeholder_id"] = _first(acme, "stakeholders")["id"]
    record["owner_id"] = None
    _sections(acme)["blueprint_cells"].append({  # the plan whole, on one of Acme's cells
        "blueprint_id": record["id"], "stakeholder_id": record["stakeholder_id"],
        "team_member_id": _first(acme, "team_members")["id"], "position": 0})


TAKEOVERS: dict[str, tuple[Mutation, str]] = {
    "account deleted_at set": (_set("account", "deleted_at", "2026-01-01T00:00:00"),
                               "account.deleted_at is set"),
    "stakeholder deleted_at set": (_set("stakeholders", "deleted_at", "2026-01-01T00:00:00"),
                                   "stakeholders[0].deleted_at is set"),
    "new account carrying another account's stakeholder": (
        _takeover, "stakeholders[0] is a record of another account"),
    "relationship of another account's cell": (_their_cell("relationships"),
                                               "relationships[0].stakeholder_id names"),
    "old grade change on another account's cell": (_their_cell("grade_changes"),
                                                   "grade_changes[0].stakeholder_id names"),
    "grade change id of another account": (_their_change_id,
                                           "grade_changes[0] is a record of another account"),
    "blueprint of another account": (_their_record("blueprints", _blueprint_for_acme),
                                     "blueprints[0] is a record of another account"),
    "letter to another account's stakeholder": (
        _their_record("sponsor_letters", _new_letter), "sponsor_letters[0].addressee_id names"),
    "criterion of another account's engagement": (
        _their_record("success_criteria"), "success_criteria[0].engagement_id names"),
    "team member not on the file's team": (_their_team_member,
                                           "team_members[1] is neither on the team"),
}

UNREADABLE: dict[str, tuple[Mutation, str]] = {
    "unknown stage": (_set("account", "stage", "bogus"), "account.stage"),
    "unknown seniority": (_set("stakeholders", "seniority", "boss"), "stakeholders[0].seniority"),
    "unknown role": (_set("stakeholders", "roles", "PX"), "stakeholders[0].roles"),
    "unknown focus period": (_set("relationships", "focus_days", 45),
                             "relationships[0].focus_days"),
    "unknown goal grade": (_set("blueprints", "goal", "X", "northwind"), "blueprints[0].goal"),
    "unknown blueprint status": (_set("blueprints", "status", "someday", "northwind"),
                                 "blueprints[0].status"),
    "unknown strategy": (_set("blueprint_strategies", "strategy", "bribery", "northwind"),
                         "blueprint_strategies[0].strategy"),
    "unknown engagement kind": (_set("engagements", "kind", "favour", "northwind"),
                                "engagements[0].kind"),
    "unknown commitment side": (_set("commitments", "side", "theirs", "northwind"),
                                "commitments[0].side"),
    "unknown metric direction": (_set("metrics", "direction", "up", "northwind"),
                                 "metrics[0].direction"),
    "bad JSON in a letter": (_set("sponsor_letters", "pains", "{not json", "northwind"),
                             "sponsor_letters[0].pains"),
    "milestones that are not records": (_set("sponsor_letters", "milestones", "[1, 2]",
                                             "northwind"), "sponsor_letters[0]"),
    "a milestone without a date": (_set("sponsor_letters", "milestones",
                                        '[{"step": "x", "due": "soon"}]', "northwind"),
                                   "sponsor_letters[0]"),
    "bad JSON in settings": (_add_setting("{bad"), "settings[0].value"),
    "JSON nested too deep": (_set("sponsor_letters", "pains", "[" * 100_000 + "]" * 100_000,
                                  "northwind"), "sponsor_letters[0].pains"),
    "settings out of range": (_add_setting('{"trust_share_limit": 500}'), "settings[0]"),
    "timezone-aware time": (_set("stakeholders", "updated_at", "2026-01-01T00:00:00+02:00"),
                            "stakeholders[0].updated_at"),
    "absurd time": (_set("stakeholders", "updated_at", "9999-12-31T00:00:00"),
                    "stakeholders[0].updated_at"),
    "absurd date": (_set("blueprints", "due_date", "0001-01-01", "northwind"),
                    "blueprints[0].due_date"),
    "a number for a date": (_set("account", "renewal_date", 20260101), "account.renewal_date"),
    "huge annual value": (_set("account", "annual_value", 10**30), "account.annual_value"),
    "review every 0 days": (_set("account", "review_interval_days", 0),
                            "account.review_interval_days"),
    "huge position": (_set("stakeholders", "position", 2**40), "stakeholders[0].position"),
    "huge engagement value": (_set("engagements", "value", 10**13, "northwind"),
                              "engagements[0].value"),
    "not a number as target": (_set("metrics", "target", float("nan"), "northwind"),
                               "metrics[0].target"),
    "a lone surrogate": (_set("stakeholders", "title", "\ud800"), "stakeholders[0].title"),
    "an empty name": (_set("stakeholders", "name", "   "), "stakeholders[0].name"),
    "a name too long": (_set("team_members", "name", "x" * 500), "team_members[0].name"),
}


@pytest.mark.parametrize("mutate, expected", [*TAKEOVERS.values(), *UNREADABLE.values()],
                         ids=[*TAKEOVERS, *UNREADABLE])
def test_a_refused_file_exits_1_in_one_line_and_changes_nothing(
    two: TwoAccounts, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    mutate: Mutation, expected: str,
) -> None:
    workspace = two.copy_to(tmp_path)
    before = table_rows(workspace)
    file = two.file(tmp_path, mutate(*two.documents()))
    assert main(["import-account", str(file), "--workspace", str(workspace)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("contactmap: in.cmacct cannot be imported: ")
    assert err.count("\n") == 1 and expected in err, err
    assert table_rows(workspace) == before
    # What was there still opens, and nothing was purged at this open either.
    assert main(["accounts", "--workspace", str(workspace)]) == 0
    assert capsys.readouterr().out.splitlines() == ["Acme Corp", "Northwind Logistics"]
    assert table_rows(workspace) == before


def test_a_file_nested_too_deep_is_refused_in_one_line(
    two: TwoAccounts, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    workspace = two.copy_to(tmp_path)
    file = tmp_path / "deep.cmacct"
    file.write_text('{"format": "contactmap-account", "version": 1, "account": '
                    + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert main(["import-account", str(file), "--workspace", str(workspace)]) == 1
    assert capsys.readouterr().err == \
        "contactmap: deep.cmacct is not a ContactMap account file.\n"


def test_a_plan_with_no_cell_in_the_file_is_refused_in_one_line_and_changes_nothing(
    two: TwoAccounts, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    # Found by the fuzz test: the window reads each plan from its first cell (IndexError).
    workspace = two.copy_to(tmp_path)
    before = table_rows(workspace)
    plans = len(_sections(two.northwind)["blueprints"])
    assert plans >= 2

    @settings(max_examples=12, deadline=None, database=None)
    @given(plan=st.integers(0, plans - 1),
           how=st.sampled_from(["cells dropped", "plan re-identified", "cells moved"]))
    def one_file(plan: int, how: str) -> None:
        northwind, _acme = two.documents()
        blueprints, cells = _sections(northwind)["blueprints"], \
            _sections(northwind)["blueprint_cells"]
        lost = blueprints[plan]["id"]
        if how == "plan re-identified":
            blueprints[plan]["id"] = "00000000-0000-4000-8000-000000000003"
            for strategy in _sections(northwind)["blueprint_strategies"]:
                if strategy["blueprint_id"] == lost:
                    strategy["blueprint_id"] = blueprints[plan]["id"]
        elif how == "cells moved":
            other = blueprints[(plan + 1) % plans]["id"]
            for cell in cells:
                if cell["blueprint_id"] == lost:
                    cell["blueprint_id"] = other
        else:
            _sections(northwind)["blueprint_cells"] = \
                [c for c in cells if c["blueprint_id"] != lost]
        file = two.file(tmp_path, northwind)
        assert main(["import-account", str(file), "--workspace", str(workspace)]) == 1
        err = capsys.readouterr().err
        assert err == (f"contactmap: in.cmacct cannot be imported: blueprints[{plan}] has no "
                       "relationship to work on: the file holds no cell of it.\n")
        assert table_rows(workspace) == before

    one_file()
