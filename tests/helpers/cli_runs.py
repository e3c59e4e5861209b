"""The command line run in the test's own process, as a user would type it."""

from __future__ import annotations

import pytest

from contactmap_desktop.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of ``contactmap ARGUMENTS``."""
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
