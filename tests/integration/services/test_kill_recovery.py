"""Crash safety: a process editing through the services is killed with SIGKILL at random
moments; every edit it acknowledged must be in the file afterwards, and the file sound.

Runs a few rounds by default; CONTACTMAP_KILL_ROUNDS=200 runs the full proof.
"""

import json
import os
import random
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from contactmap_desktop.domain.model import Stakeholder, TeamMember, new_id
from contactmap_desktop.services.workspace_service import open_workspace
from contactmap_desktop.storage.file_check import check_workspace_file
from tests.helpers.processes import kill_hard, start_child, wait_ready
from tests.helpers.workspace_child import KILL_ACCOUNT

pytestmark = pytest.mark.sqlite_only("a process killed mid-edit, then the SQLite file reopened")

ROUNDS = int(os.environ.get("CONTACTMAP_KILL_ROUNDS", "4"))


@dataclass
class Tally:
    rounds: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    in_flight_committed: int = 0


def _prepare(path: Path) -> None:
    opened = open_workspace(path)
    account = opened.accounts.create_account(KILL_ACCOUNT).value
    for index in range(4):
        opened.contact_maps.add_stakeholder(Stakeholder(
            id=new_id(), account_id=account.id, name=f"Stakeholder {index}", position=-1,
        ))
    for index in range(3):
        opened.contact_maps.add_team_member(account.id, TeamMember(new_id(), f"Member {index}"))
    opened.close()


def _parse(lines: list[str]) -> tuple[list[dict[str, object]], dict[str, object] | None]:
    """Acknowledged edits, and the one begun but not acknowledged (if any)."""
    acknowledged: list[dict[str, object]] = []
    begun: dict[str, object] | None = None
    for line in lines:
        kind, _, payload = line.partition(" ")
        if not payload.strip():
            continue  # a line cut short by the kill
        try:
            record = json.loads(payload)
        except ValueError:
            continue
        if kind == "begin":
            begun = record
        elif kind == "ack":
            acknowledged.append(record)
            begun = None
    return acknowledged, begun


def _verify(path: Path, acknowledged: list[dict[str, object]],
            in_flight: dict[str, object] | None, child_pid: int, tally: Tally) -> None:
    # The file as it is after the kill: sound, before and after SQLite replays its log.
    check_workspace_file(path, thorough=True)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()

    opened = open_workspace(path, create=False)
    try:
        assert opened.recovered_from is not None and opened.recovered_from.pid == child_pid
        account = opened.accounts.find_by_name(KILL_ACCOUNT)
        contact_map = opened.contact_maps.load_map(account.id)
    finally:
        opened.close()
    notes = {change.note for change in contact_map.history}
    names = {stakeholder.name for stakeholder in contact_map.stakeholders}
    last_grade: dict[tuple[str, str], str] = {}
    for edit in acknowledged:
        if edit["kind"] == "grade":
            cell = tuple(edit["cell"])  # type: ignore[arg-type]
            last_grade[cell] = str(edit["grade"])  # type: ignore[index]
            if edit["tag"] not in notes:
                tally.lost.append(str(edit["tag"]))
        elif edit["name"] not in names:
            tally.lost.append(str(edit["tag"]))
    if in_flight is not None and (
        in_flight.get("tag") in notes or in_flight.get("name") in names
    ):
        tally.in_flight_committed += 1
    # Each acknowledged grade is the cell's grade now, unless the edit in flight replaced it.
    for (team_member_id, stakeholder_id), letter in last_grade.items():
        current = next(
            (r.grade.letter for cell, r in contact_map.relationships.items()
             if (cell.team_member_id, cell.stakeholder_id) == (team_member_id, stakeholder_id)
             and r.grade is not None), None)
        replaced = (in_flight is not None and in_flight["kind"] == "grade"
                    and tuple(in_flight["cell"]) == (team_member_id, stakeholder_id)  # type: ignore[arg-type]
                    and in_flight["tag"] in notes)
        if current != letter and not replaced:
            tally.lost.append(f"grade of {team_member_id}/{stakeholder_id}")


@pytest.mark.slow
def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "killed.cmap"
    _prepare(path)
    rng = random.Random(int(os.environ.get("CONTACTMAP_KILL_SEED", "8")))
    tally = Tally()
    for round_number in range(ROUNDS):
        child = start_child("edit", str(path), str(round_number), str(rng.randrange(1 << 30)))
        wait_ready(child)
        assert child.stdout is not None
        lines: list[str] = []
        # Kill after a random number of printed lines: sometimes between two edits (just
        # after an "ack"), sometimes in the middle of one (just after its "begin").
        for _ in range(rng.randint(1, 60)):
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
        # A random few milliseconds more, so that some kills land inside a commit (a commit
        # with its fsync takes about that long). This is the random variable, not a wait.
        time.sleep(rng.uniform(0, 0.008))
        lines.extend(kill_hard(child).splitlines())
        acknowledged, in_flight = _parse(lines)
        tally.rounds += 1
        tally.acknowledged += len(acknowledged)
        _verify(path, acknowledged, in_flight, child.pid, tally)
    print(f"\nkill test: {tally.rounds} rounds, {tally.acknowledged} edits acknowledged, "
          f"{len(tally.lost)} lost, {tally.in_flight_committed} unacknowledged edits found "
          "committed")
    assert tally.lost == []
    assert tally.acknowledged >= ROUNDS
