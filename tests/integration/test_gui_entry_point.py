"""``main.py --smoke``: the app starts on a fresh default workspace, paints, and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _smoke(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--smoke"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_smoke_creates_the_default_workspace_with_its_sample_and_exits_0(tmp_path: Path) -> None:
    result = _smoke(tmp_path)
    assert result.returncode == 0, result.stderr
    workspace = tmp_path / "data" / "ContactMap" / "workspace.cmap"
    assert workspace.exists()
    log = (tmp_path / "state").rglob("contactmap.log")
    assert any("starting" in path.read_text() for path in log)

