"""Bad days: a sync killed at any moment loses nothing; twenty laptops at once converge."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from contactmap_desktop.domain.model import CellRef
from contactmap_desktop.storage.workspace_lock import current_holder
from tests.helpers.builders import build_small_map
from tests.helpers.processes import ROOT
from tests.helpers.team_laptops import Laptop, ann_and_bob
from tests.helpers.team_logins import new_login, prepared

GRADES = "TOSIDM"


def _grade_ids(laptop: Laptop, account_id: str) -> set[str]:
    return {c["id"] for c in laptop.snapshot(account_id)["grade_changes"]}


@pytest.mark.slow
def test_a_sync_killed_again_and_again_loses_nothing(team_database: str,
                                                     tmp_path: Path) -> None:
    ann, bob_laptop, small = ann_and_bob(team_database, tmp_path)
    ann_url = ann.team_url
    account = small.account.id
    cells = [small.cell(r, c) for r in range(2) for c in range(3)]
    rng = random.Random(18)
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    killed_mid_way = 0
    for round_number in range(6):
        for _ in range(3):
            ann.grade(rng.choice(cells), rng.choice(GRADES), f"round {round_number}")
            bob_laptop.grade(rng.choice(cells), rng.choice(GRADES))
        ann.close()  # the child syncs the file, as the command line would
        child = subprocess.Popen(
            [sys.executable, "main.py", "team", "sync", "--workspace",
             str(tmp_path / "ann.cmap")], cwd=ROOT, env=environment,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Killed a moment after the child holds the workspace, so inside its sync: a fixed
        # delay from the start landed after the sync had ended once start-up got faster.
        _wait_until_it_holds(child, tmp_path / "ann.cmap")
        time.sleep(rng.uniform(0.0, 0.2))
        if child.poll() is None:
            killed_mid_way += 1
        child.kill()
        child.wait()
        ann = Laptop.join(tmp_path / "ann.cmap", ann_url)
        bob_laptop.team.sync()
    for laptop in (ann, bob_laptop, ann, bob_laptop):
        laptop.team.sync()
    assert killed_mid_way >= 2  # the kills did land inside syncs
    assert ann.snapshot(account) == bob_laptop.snapshot(account)
    assert len(_grade_ids(ann, account)) == 36  # every grade change made on either laptop
    assert ann.team.status().to_send == 0
    ann.close()
    bob_laptop.close()


def _wait_until_it_holds(child: subprocess.Popen[bytes], workspace: Path) -> None:
    """Until ``child`` holds the workspace's lock (it has opened it to sync), or has ended."""
    deadline = time.monotonic() + 30
    while child.poll() is None and time.monotonic() < deadline:
        holder = current_holder(workspace)
        if holder is not None and holder.pid == child.pid:
            return
        time.sleep(0.005)


@pytest.mark.slow
def test_twenty_laptops_syncing_bursts_at_once_converge_with_no_edit_lost(
        team_database: str, tmp_path: Path) -> None:
    prepared(team_database)
    owner, owner_url = new_login(team_database, "rep")
    logins = [new_login(team_database, "rep") for _ in range(19)]
    small = build_small_map(tmp_path / "l0.cmap")
    small.opened.close()
    laptops = [Laptop.join(tmp_path / "l0.cmap", owner_url)]
    laptops[0].team.share("Acme Corp", [login for login, _ in logins])
    laptops += [Laptop.join(tmp_path / f"l{n + 1}.cmap", url) for n, (_, url) in enumerate(logins)]
    for laptop in laptops[1:]:
        laptop.team.sync()
    account = small.account.id
    cells = [CellRef(m.id, s.id) for m in small.team_members for s in small.stakeholders]
    made: list[int] = [0] * len(laptops)
    problems: list[BaseException] = []
    stop_at = time.monotonic() + 5

    def work(number: int) -> None:
        rng = random.Random(number)
        laptop = laptops[number]
        try:
            while time.monotonic() < stop_at:
                for _ in range(rng.randint(1, 4)):  # a burst of edits, then a sync
                    laptop.grade(rng.choice(cells), rng.choice(GRADES))
                    made[number] += 1
                laptop.team.sync()
        except BaseException as error:  # reported below, with the laptop's number
            problems.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(laptops))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems, problems
    for _ in range(2):
        for laptop in laptops:
            laptop.team.sync()
    first = laptops[0].snapshot(account)
    for laptop in laptops[1:]:
        assert laptop.snapshot(account) == first
    # Repeating a cell's grade is a review, also kept: every edit is in every history.
    assert len(first["grade_changes"]) == sum(made)
    assert sum(made) >= 40
    for laptop in laptops:
        laptop.close()
