"""Screenshots for docs/screenshots/, grabbed offscreen from the real widgets.

Each ``shoot_…`` function (in scripts/shots/, one module per part of the app) builds what it
needs in a temporary folder (a sample workspace, its backups) and saves PNGs. Run all:
``python scripts/screenshots.py``; some: ``python scripts/screenshots.py safety``. Add your
own function to SHOOTERS.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the app's package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from shots.appearance import shoot_appearance
from shots.blueprints import shoot_blueprints
from shots.common import ROOT
from shots.coverage import shoot_coverage, shoot_weekly_review
from shots.data_io import shoot_data_io
from shots.international import shoot_international
from shots.letters import shoot_letters
from shots.lifecycle import shoot_lifecycle
from shots.power_map import shoot_power_map
from shots.safety import shoot_safety
from shots.window import (
    shoot_laptop_screens,
    shoot_main_window,
    shoot_startup_splash,
)

SHOOTERS: dict[str, Callable[[Path], list[Path]]] = {
    "main-window": shoot_main_window,
    "laptop": shoot_laptop_screens,
    "startup-splash": shoot_startup_splash,
    "safety": shoot_safety,
    "coverage": shoot_coverage,
    "review": shoot_weekly_review,
    "data-io": shoot_data_io,
    "power-map": shoot_power_map,
    "blueprints": shoot_blueprints,
    "letters": shoot_letters,
    "international": shoot_international,
    "lifecycle": shoot_lifecycle,
    "appearance": shoot_appearance,
}


def main(names: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for name in names or list(SHOOTERS):
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            # Keep the real user's folders out of it (fonts keep their cache).
            os.environ.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
            os.environ["HOME"] = str(folder / "home")
            os.environ["XDG_DATA_HOME"] = str(folder / "data")
            os.environ["XDG_STATE_HOME"] = str(folder / "state")
            # Grade changes record who made them: the sample's account executive, not root.
            os.environ["LOGNAME"] = "jblake"
            for path in SHOOTERS[name](folder):
                print(path.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
