"""ContactMap Desktop: map, grade and plan the relationships between a sales team and a client."""

from pathlib import Path

_NAME = "contactmap-desktop"


def _read_version() -> str:
    """The version from pyproject.toml, its one home.

    A source checkout reads the file itself (installed metadata can be stale there); an
    installed or frozen app reads the metadata built from it (the PyInstaller spec writes it).
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == _NAME:
            return str(project["version"])
    from importlib.metadata import version

    return version(_NAME)


def __getattr__(name: str) -> str:
    """``__version__``, read on first use: reading it is not free, and the window's first
    frame does not need it."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = _read_version()
    globals()["__version__"] = value
    return value
