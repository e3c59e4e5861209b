"""The start-up benchmark's peak memory is each child's own, not the benchmark's size.

On Linux a child's ``ru_maxrss`` starts from its parent's size at fork; the benchmark process
holds SQLAlchemy and generated accounts, so a child spawned from it directly would report
that as its floor.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import pytest

from benchmarks.measure import child_env
from benchmarks.processes import run_process

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="ru_maxrss in kilobytes and fork are Linux's")

ALLOCATE = "import sys; block = bytearray(int(sys.argv[1]) * 2**20); block[::4096] = " \
           "b'x' * len(block[::4096])"


def _own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_small_child_of_a_large_process_reports_its_own_small_peak(tmp_path: Path) -> None:
    ballast = bytearray(200 * 2**20)
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched, so resident
    assert _own_peak_mb() > 200

    run = run_process([sys.executable, "-I", "-S", "-c", "pass"], child_env(),
                      tmp_path / "errors.txt")

    assert run.peak_mb < 50
    del ballast


def test_a_child_that_allocates_reports_that_much_more(tmp_path: Path) -> None:
    command = [sys.executable, "-I", "-S", "-c", ALLOCATE]
    errors = tmp_path / "errors.txt"

    small = run_process([*command, "1"], child_env(), errors).peak_mb
    large = run_process([*command, "120"], child_env(), errors).peak_mb

    assert 110 < large - small < 140


def test_a_failing_child_is_reported_with_its_errors(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import sys; sys.exit('no such workspace')"]

    with pytest.raises(RuntimeError, match="exited 1: no such workspace"):
        run_process(command, child_env(), tmp_path / "errors.txt")


def test_smoke_lines_are_timed_in_the_order_they_arrive(tmp_path: Path) -> None:
    speak = ("import time; print('smoke: first frame painted', flush=True); time.sleep(0.5); "
             "print('other output'); print('smoke: window painted: a title', flush=True)")

    run = run_process([sys.executable, "-I", "-S", "-c", speak], child_env(),
                      tmp_path / "errors.txt")

    assert set(run.marks) == {"first frame painted", "window painted"}
    # Apart by about the pause (lines timed when the output ends would be microseconds
    # apart); a fifth of it leaves room for the launcher reading the first line late.
    assert run.mark("window painted") - run.mark("first frame painted") >= 0.1
    assert run.mark("window painted") <= run.seconds
    with pytest.raises(RuntimeError, match="never printed 'smoke: splash'"):
        run.mark("splash")
