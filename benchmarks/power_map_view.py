"""How long the Power Map tab takes to show N people: building the scene, then the first paint.

Usage: python benchmarks/power_map_view.py [--people 1000] [--repeat 3]
The scene build includes the layout and the cards (see power_map_layout.py for those alone).
The first paint is timed twice: with the whole chart fitted in a 1280 x 800 window (outlines
and grade chips only), and at 100 % (full cards). Medians; one line per figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from contactmap_desktop.ui.power_map.power_map_scene import PowerMapScene
from contactmap_desktop.ui.power_map.power_map_view import PowerMapView
from tests.helpers.org_charts import synthetic_org


def measure(people: int = 1000, repeat: int = 3) -> dict[str, float]:
    """Median seconds: scene build, first paint fitted, first paint at 100 %."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    contact_map = synthetic_org(people)
    timings: dict[str, list[float]] = {"scene_s": [], "paint_fitted_s": [], "paint_100_s": []}
    for _ in range(repeat):
        scene = PowerMapScene()
        view = PowerMapView(scene)
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        started = time.perf_counter()
        scene.set_map(contact_map)
        timings["scene_s"].append(time.perf_counter() - started)
        view.fit()
        started = time.perf_counter()
        view.grab()
        timings["paint_fitted_s"].append(time.perf_counter() - started)
        view.set_zoom(1.0)
        view.centerOn(scene.sceneRect().center())
        started = time.perf_counter()
        view.grab()
        timings["paint_100_s"].append(time.perf_counter() - started)
        view.close()
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, seconds in measure(args.people, args.repeat).items():
        print(f"power_map_view {name.removesuffix('_s')} people={args.people}: "
              f"{seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
