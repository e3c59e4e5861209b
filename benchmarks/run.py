"""Every performance figure of the app against its floor, measured in one run on one machine.

    python benchmarks/run.py [--runs 5] [--json FILE] [--only findings pdf …] [--quick]

Prints a table (figure, value, floor, ratio, target, verdict) and writes it as JSON. Each
figure is the median of ``--runs`` runs; each ratio divides by a floor measured in the same
run, so the verdicts hold on a slow or busy machine. ``--quick`` uses tiny accounts and one
run: it checks that the benchmarks still work, not how fast anything is.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import data_paths, pdf_exports, window_figures  # noqa: E402
from benchmarks.large_account import LargeAccount, build_large_account  # noqa: E402
from benchmarks.measure import Figure  # noqa: E402

DEFAULT_JSON = ROOT / "benchmarks" / "results.json"


@dataclass(frozen=True)
class Sizes:
    """Stakeholders of the small, middle and large accounts; the team is the same size."""

    stakeholders: tuple[int, int, int]
    team: int
    csv_rows: tuple[int, ...]


FULL = Sizes((10, 100, 1000), 100, (10_000, 100_000))  # 1k, 10k and 100k cells
QUICK = Sizes((2, 4, 8), 5, (200,))


class Accounts:
    """The generated accounts, built once per run on first use."""

    def __init__(self, folder: Path, sizes: Sizes) -> None:
        self._folder, self._sizes = folder, sizes
        self.csv_rows = sizes.csv_rows
        self._built: dict[int, LargeAccount] = {}

    def get(self, index: int) -> LargeAccount:
        stakeholders = self._sizes.stakeholders[index]
        if stakeholders not in self._built:
            path = self._folder / f"account-{stakeholders}x{self._sizes.team}.cmap"
            self._built[stakeholders] = build_large_account(path, stakeholders, self._sizes.team)
        return self._built[stakeholders]

    @property
    def all(self) -> list[LargeAccount]:
        return [self.get(index) for index in range(3)]

    @property
    def large(self) -> LargeAccount:
        return self.get(2)


Item = Callable[[Accounts, int], list[Figure]]

ITEMS: dict[str, Item] = {
    "startup": lambda accounts, runs: window_figures.startup_figures(accounts.large, runs),
    "account": lambda accounts, runs: [*data_paths.load_figures(accounts.large, runs),
                                       *window_figures.open_figures(accounts.large, runs)],
    "edits": lambda accounts, runs: [*window_figures.edit_figures(accounts.all, runs),
                                     *data_paths.service_edit_figures(accounts.all, runs)],
    "findings": lambda accounts, runs: data_paths.findings_figures(accounts.get(1),
                                                                   accounts.large, runs),
    "pdf": lambda accounts, runs: [*pdf_exports.letter_figures(runs),
                                   *pdf_exports.contact_map_figures(accounts.large,
                                                                    max(1, runs // 2))],
    "csv": lambda accounts, runs: window_figures.import_figures(accounts.csv_rows),
    "waits": lambda accounts, runs: window_figures.wait_figures(accounts.large,
                                                                accounts.csv_rows[-1]),
}


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    return f"{value:.3g} {unit}".strip()


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table (it reads as plain text too)."""
    lines = ["| item | figure | value | floor | ratio | target | verdict | note |",
             "|---|---|---|---|---|---|---|---|"]
    for f in figures:
        ratio = "" if f.ratio is None else f"{f.ratio:.2f}"
        target = "" if f.target is None else f"≤ {f.target:g}"
        lines.append(f"| {f.item} | {f.what} | {_number(f.value, f.unit)} | "
                     f"{_number(f.floor, f.unit)} | {ratio} | {target} | {f.verdict} | "
                     f"{f.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="FILE")
    parser.add_argument("--only", nargs="+", choices=sorted(ITEMS), default=list(ITEMS))
    parser.add_argument("--quick", action="store_true",
                        help="tiny accounts, one run: checks the benchmarks work")
    args = parser.parse_args(argv)
    sizes, runs = (QUICK, 1) if args.quick else (FULL, max(1, args.runs))
    figures: list[Figure] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temp:
        accounts = Accounts(Path(temp), sizes)
        for name in args.only:
            print(f"measuring {name}…", file=sys.stderr, flush=True)
            figures += ITEMS[name](accounts, runs)
    print(table(figures))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "machine": {"python": platform.python_version(), "system": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "runs": runs, "quick": args.quick, "seconds": time.perf_counter() - started,
        "figures": [figure.to_json() for figure in figures],
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
