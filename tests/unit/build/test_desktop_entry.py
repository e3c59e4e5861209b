"""The Linux menu entry the .deb installs: it runs the installed command with our icon."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ROOT / "build" / "linux" / "contactmap.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_entry_launches_the_installed_command_as_a_window() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "contactmap"  # /usr/bin/contactmap from the .deb
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


def test_entry_icon_name_matches_the_icons_the_package_installs() -> None:
    icon = _entry()["Icon"]
    assert (ROOT / "resources" / "icons" / f"{icon}.svg").is_file()
    assert (ROOT / "resources" / "icons" / f"{icon}-48.png").is_file()
