"""A second process on a workspace, for the lock and kill tests.

``python -m tests.helpers.workspace_child hold FILE``: open FILE (taking its lock), print
``ready``, then wait until stdin closes.

``python -m tests.helpers.workspace_child edit FILE ROUND SEED``: open FILE and make random
edits through the services forever, printing ``begin {...}`` before each edit and
``ack {...}`` once the service returned (the edit is committed). The parent kills it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from contactmap_desktop.domain.grades import Grade
from contactmap_desktop.domain.model import CellRef, Stakeholder, new_id
from contactmap_desktop.services.workspace_service import open_workspace

KILL_ACCOUNT = "Kill Test"


def _say(kind: str, record: dict[str, object]) -> None:
    sys.stdout.write(f"{kind} {json.dumps(record)}\n")
    sys.stdout.flush()


def hold(path: Path) -> None:
    opened = open_workspace(path, create=False)
    print("ready", flush=True)
    sys.stdin.read()
    opened.close()


def edit(path: Path, round_number: int, seed: int) -> None:
    rng = random.Random(seed)
    opened = open_workspace(path, create=False)
    account = opened.accounts.find_by_name(KILL_ACCOUNT)
    contact_map = opened.contact_maps.load_map(account.id)
    cells = [CellRef(t.id, s.id) for t in contact_map.team_members
             for s in contact_map.stakeholders[:4]]
    grades = {cell: contact_map.relationships[cell].grade if cell in contact_map.relationships
              else None for cell in cells}
    print("ready", flush=True)
    sequence = 0
    while True:
        sequence += 1
        tag = f"r{round_number}-e{sequence}"
        roll = rng.random()
        if roll < 0.8:
            cell = rng.choice(cells)
            grade = rng.choice([g for g in Grade if g != grades[cell]])
            record: dict[str, object] = {
                "kind": "grade", "tag": tag, "grade": grade.letter,
                "cell": [cell.team_member_id, cell.stakeholder_id],
            }
            _say("begin", record)
            opened.contact_maps.set_grade(cell, grade, note=tag)
            grades[cell] = grade
        else:
            record = {"kind": "stakeholder", "tag": tag, "name": f"Person {tag}"}
            _say("begin", record)
            opened.contact_maps.add_stakeholder(Stakeholder(
                id=new_id(), account_id=account.id, name=f"Person {tag}", position=-1,
            ))
        _say("ack", record)


if __name__ == "__main__":
    mode, file = sys.argv[1], Path(sys.argv[2])
    if mode == "hold":
        hold(file)
    else:
        edit(file, int(sys.argv[3]), int(sys.argv[4]))
