"""Where things live: the user's data and log folders, and the shipped resources.

Every resource is found through this module so that a source checkout and the frozen
(PyInstaller) build behave the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "ContactMap"
APP_AUTHOR = "ContactMap"
WORKSPACE_SUFFIX = ".cmap"
DEFAULT_WORKSPACE_NAME = f"workspace{WORKSPACE_SUFFIX}"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_guide_path() -> Path:
    """docs/user-guide.md, beside its screenshots (the frozen build carries both)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root is not None \
        else Path(__file__).resolve().parent.parent
    return root / "docs" / "user-guide.md"


# platformdirs is imported when a folder is asked for: the window's first frame needs none.
def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)


def default_workspace_path() -> Path:
    return data_dir() / DEFAULT_WORKSPACE_NAME
