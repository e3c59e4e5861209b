"""Modules imported after PySide6 are not read as text: PySide6's scan of every module's
source cost the window's start a tenth of its time and 20 MB of kept lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _csv_source_kept(*, skip: bool) -> bool:
    """Whether a module imported after PySide6 has its lines in ``linecache``."""
    code = ("import linecache, sys\n"
            "from contactmap_desktop.ui.core.pyside_source_scan import skip_source_scan\n"
            + ("skip_source_scan()\n" if skip else "import PySide6.QtCore\n")
            + "import csv\n"
            "print(csv.__file__ in linecache.cache)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return done.stdout.strip() == "True"


def test_pyside6_reads_each_imported_module_unless_told_not_to() -> None:
    assert _csv_source_kept(skip=False)  # the scan this module exists for
    assert not _csv_source_kept(skip=True)


def test_the_window_start_skips_the_scan() -> None:
    """The window's modules, SQLAlchemy and the services all load with no source read."""
    code = ("import linecache, sys\n"
            "sys.argv[1:] = ['--smoke']\n"
            "import contactmap_desktop.cli as cli\n"
            "import contactmap_desktop.startup as startup\n"
            "startup.run_gui = lambda *a, **k: 0\n"
            "cli.main()\n"
            "import contactmap_desktop.application\n"
            "print(sorted(name for name in linecache.cache if name.endswith('.py')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert "application.py" not in done.stdout
    assert "sqlalchemy" not in done.stdout
