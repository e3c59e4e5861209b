"""A generated workspace with one large account, written through the storage layer in bulk.

    python benchmarks/large_account.py OUT.cmap [--stakeholders 1000] [--team 100]

A global enterprise: stakeholders in a reporting tree with seniority and buying roles, an
account team, a share of the cells graded (each with one to three recorded changes ending on
its grade, a few of them big jumps), some key cells and cells marked to fill. The same seed
gives the same workspace. Rows go in with one multi-row INSERT per table, not one unit of work
per edit: this is a fixture, and building it must not dominate the benchmark.
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from contactmap_desktop.services.clock import utc_now  # noqa: E402
from contactmap_desktop.storage.database import Workspace  # noqa: E402
from contactmap_desktop.storage.schema import (  # noqa: E402
    AccountRow,
    AccountTeamRow,
    GradeChangeRow,
    RelationshipRow,
    StakeholderRow,
    TeamMemberRow,
)

GRADES = "TOSIDM"  # top down, as the scale runs
# Roughly how an honest map looks: mostly Satisfied and Open, little Trust, few concerns.
GRADE_WEIGHTS = (10, 30, 35, 15, 7, 3)
SENIORITIES = ("executive", "senior_manager", "manager", "individual_contributor")
DEPARTMENTS = ("Operations", "Finance", "IT", "Procurement", "Logistics", "Sales", "Legal")
TITLES = ("Director", "Head", "Manager", "Lead", "Analyst", "Specialist")


@dataclass(frozen=True)
class LargeAccount:
    """Where the generated account is and what is in it."""

    path: Path
    account_id: str
    account_name: str
    stakeholder_ids: list[str]
    team_member_ids: list[str]
    graded_cells: int
    grade_changes: int

    @property
    def cells(self) -> int:
        return len(self.stakeholder_ids) * len(self.team_member_ids)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stakeholders(rng: random.Random, account_id: str, count: int,
                  now: datetime) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for position in range(count):
        # A tree: the first is the top; each later person reports to someone earlier, so
        # levels deepen slowly and seniority falls with depth.
        manager = rows[(position - 1) // 6]["id"] if position else None
        level = 0 if position == 0 else min(3, 1 + (position > 6) + (position > 60))
        roles = "".join(badge for badge, share in (("P", 0.02), ("U", 0.3), ("A", 0.1),
                                                   ("E", 0.05)) if rng.random() < share)
        rows.append({
            "id": _id(rng), "account_id": account_id, "name": f"Stakeholder {position:04d}",
            "title": f"{rng.choice(TITLES)}, {rng.choice(DEPARTMENTS)}",
            "department": rng.choice(DEPARTMENTS), "seniority": SENIORITIES[level],
            "roles": "P" if position == 0 else roles, "email": f"s{position}@client.example",
            "phone": "", "reports_to_id": manager, "notes": "", "position": position,
            "updated_at": now, "deleted_at": None,
        })
    return rows


def _team(rng: random.Random, count: int, now: datetime) -> list[dict[str, Any]]:
    return [{"id": _id(rng), "name": f"Team Member {number:03d}", "title": "Account team",
             "seniority": SENIORITIES[min(3, number // 10)], "email": f"t{number}@ours.example",
             "updated_at": now} for number in range(count)]


def _history(rng: random.Random, cell: dict[str, Any], grade: str, reviewed: datetime
             ) -> list[dict[str, Any]]:
    """One to three changes ending on ``grade``, the last at the review; a few jump levels."""
    steps = rng.choice((1, 1, 2, 3))
    path = [grade]
    for _ in range(steps - 1):
        level = GRADES.index(path[0])
        jump = 2 if rng.random() < 0.05 else 1
        path.insert(0, GRADES[max(0, min(5, level + rng.choice((-jump, jump))))])
    changes, old = [], None
    for number, new in enumerate(path):
        when = reviewed - timedelta(days=30 * (len(path) - 1 - number))
        changes.append({"id": _id(rng), "team_member_id": cell["team_member_id"],
                        "stakeholder_id": cell["stakeholder_id"], "old_grade": old,
                        "new_grade": new, "changed_at": when, "note": ""})
        old = new
    return changes


def build_large_account(path: Path, stakeholders: int = 1000, team: int = 100,
                        graded_share: float = 0.2, seed: int = 10) -> LargeAccount:
    """Create ``path`` (which must not exist) holding one account of the given size."""
    rng = random.Random(seed)
    now = utc_now()
    account_id = _id(rng)
    name = f"Global Enterprise {stakeholders}x{team}"
    people = _stakeholders(rng, account_id, stakeholders, now)
    members = _team(rng, team, now)
    relationships: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for member in members:
        for person in people:
            cell = {"team_member_id": member["id"], "stakeholder_id": person["id"]}
            graded = rng.random() < graded_share
            fill = not graded and rng.random() < 0.005
            if not graded and not fill:
                continue
            grade = rng.choices(GRADES, GRADE_WEIGHTS)[0] if graded else None
            # Most were reviewed this quarter; some have drifted past the review threshold.
            reviewed = now - timedelta(days=rng.randrange(150), minutes=rng.randrange(1440))
            relationships.append({
                **cell, "grade": grade, "is_key": graded and rng.random() < 0.01,
                "focus_days": None, "focus_due": None, "needs_filling": fill, "note": "",
                "reviewed_at": reviewed if graded else None, "updated_at": now,
            })
            if grade is not None:
                changes += _history(rng, cell, grade, reviewed)
    workspace = Workspace.open(path)
    try:
        with workspace.session() as session, session.begin():
            session.execute(insert(AccountRow), [{
                "id": account_id, "name": name, "industry": "Logistics", "stage": "contract",
                "annual_value": 2_500_000, "renewal_date": None, "notes": "",
                "updated_at": now, "deleted_at": None}])
            for table, rows in ((StakeholderRow, people), (TeamMemberRow, members),
                                (RelationshipRow, relationships), (GradeChangeRow, changes)):
                session.execute(insert(table), rows)
            session.execute(insert(AccountTeamRow), [
                {"account_id": account_id, "team_member_id": member["id"], "position": number,
                 "updated_at": now}
                for number, member in enumerate(members)])
    finally:
        workspace.close()
    return LargeAccount(path, account_id, name, [p["id"] for p in people],
                        [m["id"] for m in members],
                        sum(1 for r in relationships if r["grade"]), len(changes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stakeholders", type=int, default=1000)
    parser.add_argument("--team", type=int, default=100)
    args = parser.parse_args()
    built = build_large_account(args.out, args.stakeholders, args.team)
    print(f"{built.path}: {built.account_name}, {built.cells:,} cells, "
          f"{built.graded_cells:,} graded, {built.grade_changes:,} recorded changes")


if __name__ == "__main__":
    main()
