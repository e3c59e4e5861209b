"""How long the power map takes to lay out N people (pure domain work, no Qt).

Usage: python benchmarks/power_map_layout.py [--people 1000] [--repeat 5]
Prints one line per figure; ``measure()`` returns them for other benchmark scripts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contactmap_desktop.domain.org_chart_layout import compact_org_chart
from contactmap_desktop.domain.power_map import (
    org_nodes,
    power_cards,
    uncovered_chains,
)
from tests.helpers.org_charts import synthetic_org


def measure(people: int = 1000, repeat: int = 5) -> dict[str, float]:
    """Median seconds for the layout, the cards, and the uncovered-chain highlight."""
    contact_map = synthetic_org(people)
    timings: dict[str, list[float]] = {"layout_s": [], "cards_s": [], "uncovered_s": []}
    for _ in range(repeat):
        started = time.perf_counter()
        layout = compact_org_chart(org_nodes(contact_map.stakeholders))
        timings["layout_s"].append(time.perf_counter() - started)
        started = time.perf_counter()
        cards = power_cards(contact_map)
        timings["cards_s"].append(time.perf_counter() - started)
        started = time.perf_counter()
        uncovered_chains(cards, layout.managers)
        timings["uncovered_s"].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for name, seconds in measure(args.people, args.repeat).items():
        print(f"power_map {name.removesuffix('_s')} people={args.people}: {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
