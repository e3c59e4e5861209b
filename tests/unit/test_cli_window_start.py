"""The window's own forms of the command line are read without the full parser, and mean
exactly what the full parser makes of them; anything else goes to the full parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactmap_desktop.cli import _build_parser, window_start


@pytest.mark.parametrize("argv", [
    [], ["--smoke"], ["--workspace", "a.cmap"], ["--workspace=a.cmap", "--smoke"],
    ["--smoke", "--workspace", "with space.cmap"], ["--workspace", "~/plans/x.cmap"],
])
def test_the_window_forms_mean_what_the_full_parser_makes_of_them(argv: list[str]) -> None:
    full = _build_parser().parse_args(argv)

    assert window_start(argv) == (getattr(full, "workspace", None), full.smoke)
    assert getattr(full, "command", None) is None


@pytest.mark.parametrize("argv", [
    ["accounts"], ["--help"], ["--version"], ["--workspace"], ["--workspace", "--smoke"],
    ["--workspace="], ["--smoke", "--smoke"], ["--work", "a.cmap"],
    ["--workspace", "a.cmap", "--workspace", "b.cmap"], ["check", "--workspace", "a.cmap"],
    ["--workspace", "a.cmap", "findings", "--account", "A"], ["-x"],
])
def test_everything_else_is_left_to_the_full_parser(argv: list[str]) -> None:
    assert window_start(argv) is None


def test_a_workspace_path_is_a_path() -> None:
    assert window_start(["--workspace", "plans/a.cmap"]) == (Path("plans/a.cmap"), False)
