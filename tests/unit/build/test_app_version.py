"""The version lives in pyproject.toml only; the package reports that one."""

from __future__ import annotations

import tomllib
from pathlib import Path

import contactmap_desktop

ROOT = Path(__file__).resolve().parents[3]


def test_package_version_is_the_pyproject_version() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    assert contactmap_desktop.__version__ == expected
