"""The GUI tests mirror ui/: one folder of tests per feature package, and none for a package
that no longer exists."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_each_ui_package_has_its_folder_of_gui_tests_and_no_other_folder_exists() -> None:
    ui = ROOT / "contactmap_desktop" / "ui"
    packages = {init.parent.name for init in ui.glob("*/__init__.py")}
    folders = {folder.name for folder in (ROOT / "tests" / "gui").iterdir()
               if folder.is_dir() and any(folder.glob("test_*.py"))}
    assert folders == packages
