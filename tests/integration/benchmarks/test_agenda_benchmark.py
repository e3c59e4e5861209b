"""The agenda benchmark still runs end to end on tiny workspaces (no timing is judged)."""

from __future__ import annotations

import re

import pytest

from benchmarks import agenda


def test_it_prints_one_line_per_workspace_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert agenda.main(["--accounts", "1", "3", "--engagements", "2", "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for accounts, line in zip((1, 3), lines, strict=True):
        assert re.match(rf"\s*{accounts} accounts × 2 engagements \(\d+ agenda items", line)
        assert re.search(r"agenda [\d.]+ ms \(\d+ statements\)", line)
        assert re.search(r"overview [\d.]+ ms \(\d+ statements\)", line)
