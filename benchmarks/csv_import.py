"""Time of a stakeholder CSV import of 10,000 and 100,000 rows, step by step.

    python benchmarks/csv_import.py [--rows 10000 100000]

A LinkedIn-style file (preamble, BOM, quoted commas, emoji and CJK names) is written to a
temporary folder, then read, previewed and imported into a fresh workspace; each step is timed
and the whole import (read + apply, which plans again inside its transaction) is reported.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contactmap_desktop.services.csv_import import CsvImportService, ImportOptions  # noqa: E402
from contactmap_desktop.services.workspace_service import open_workspace  # noqa: E402
from tests.helpers.contact_exports import LINKEDIN_PREAMBLE, to_csv  # noqa: E402

TITLES = ["Chief Operating Officer", "VP, Supply Chain", "Data Analyst", "Head of IT",
          "Warehouse Operations Manager", "Procurement Lead", "运输规划经理"]


def make_file(rows: int) -> bytes:
    table = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
              "Connected On"]]
    for i in range(rows):
        table.append([f"Zoë{i}", f"Müller-李 {i} 🚚", f"https://example.com/in/{i}",
                      f"person{i}@example.com", f"Company {i % 50}, Inc.",
                      TITLES[i % len(TITLES)], "03 Feb 2024"])
    return (LINKEDIN_PREAMBLE + to_csv(table)).encode("utf-8-sig")


def measure(rows: int, folder: Path) -> None:
    data = make_file(rows)
    opened = open_workspace(folder / f"bench-{rows}.cmap")
    account = opened.accounts.create_account(f"Bench {rows}").value
    service = CsvImportService(opened.workspace)
    start = time.perf_counter()
    source = service.read(data)
    read = time.perf_counter() - start
    options = ImportOptions(source.fields)
    start = time.perf_counter()
    plan = service.preview(source, account.id, options)
    preview = time.perf_counter() - start
    start = time.perf_counter()
    result = service.apply(source, account.id, options)
    apply = time.perf_counter() - start
    assert result.plan.added == rows == plan.added
    print(f"{rows:>7,} rows ({len(data) / 1e6:.1f} MB): read {read:.2f} s, preview "
          f"{preview:.2f} s, import {apply:.2f} s; file to workspace {read + apply:.2f} s")
    opened.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            measure(rows, Path(folder))


if __name__ == "__main__":
    main()
