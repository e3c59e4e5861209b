"""A workspace that fails SQLite's integrity check yet whose accounts and people still read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from tests.helpers.builders import build_small_map


def write_damaged_workspace(path: Path) -> None:
    """The small map plus settings nobody reads, one of whose pages is scribbled over."""
    small = build_small_map(path)
    with small.opened.workspace.engine.begin() as connection:
        for index in range(300):
            connection.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                               {"k": f"filler-{index}", "v": "x" * 200})
    small.opened.close()
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    leaves = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = 'settings' AND pagetype = 'leaf'")]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (leaves[len(leaves) // 2] - 1) * page_size
    for offset in range(start + page_size // 2, start + page_size - 96, 7):
        data[offset] ^= 0xFF  # the cells, not the page's header: SQLite still finds its way
    path.write_bytes(bytes(data))
