"""The Pythons the app supports are named once in pyproject.toml; the linters target the
oldest of them and scripts/setup.sh picks only from them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _supported() -> tuple[tuple[int, int], tuple[int, int]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    spec = project["project"]["requires-python"]
    match = re.fullmatch(r">=3\.(\d+),<3\.(\d+)", spec.replace(" ", ""))
    assert match, f"requires-python {spec!r} is not a plain range"
    return (3, int(match[1])), (3, int(match[2]))


def test_ruff_and_mypy_check_for_the_oldest_supported_python() -> None:
    (_, oldest), _ = _supported()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["ruff"]["target-version"] == f"py3{oldest}"
    assert project["tool"]["mypy"]["python_version"] == f"3.{oldest}"


def test_setup_picks_a_python_from_the_same_range() -> None:
    (_, oldest), (_, beyond) = _supported()
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert f"(3, {oldest}) <= sys.version_info[:2] < (3, {beyond})" in setup
    candidates = re.search(r"for candidate in ([^;]+);", setup)
    assert candidates is not None
    assert candidates[1].split() == ["python3"] + [f"python3.{minor}" for minor in
                                                    range(beyond - 1, oldest - 1, -1)]
