"""ContactMap Desktop: map, grade and plan the relationships between a sales team and a client."""

import tomllib
from importlib.metadata import version
from pathlib import Path

_NAME = "contactmap-desktop"


def _read_version() -> str:
    """The version from pyproject.toml, its one home.

    A source checkout reads the file itself (installed metadata can be stale there); an
    installed or frozen app reads the metadata built from it (the PyInstaller spec writes it).
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == _NAME:
            return str(project["version"])
    return version(_NAME)


__version__ = _read_version()
