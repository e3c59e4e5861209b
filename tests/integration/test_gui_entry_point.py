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



def test_smoke_says_when_the_first_frame_the_window_and_its_findings_are_shown(
        tmp_path: Path) -> None:
    result = _smoke(tmp_path)

    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke: ")]
    # It ends once the findings are worked out, so that a benchmark's peak includes them.
    assert lines == ["smoke: first frame painted",
                     "smoke: window painted: workspace.cmap — ContactMap",
                     "smoke: findings shown"], result.stderr


def test_a_workspace_that_cannot_be_opened_ends_the_start_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")

    result = _smoke(tmp_path, "--workspace", str(blocker / "inside" / "work.cmap"))

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("contactmap: Cannot create the folder")
    assert "Traceback" not in result.stderr


def test_the_first_frame_needs_neither_storage_nor_reports() -> None:
    """What loads before the splash is painted: Qt and a few small modules, nothing more."""
    code = ("import sys; import contactmap_desktop.cli, contactmap_desktop.startup; "
            "print(' '.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()

    heavy = {"sqlalchemy", "reportlab", "pypdfium2", "PIL", "tomllib", "platformdirs", "hashlib",
             "contactmap_desktop.services", "contactmap_desktop.storage.database",
             "contactmap_desktop.application", "contactmap_desktop.ui.features",
             "sqlite3", "contactmap_desktop.storage.quick_read",
             "contactmap_desktop.ui.core.main_window"}
    assert heavy.isdisjoint(loaded)


def test_the_window_and_its_grid_load_without_sqlalchemy() -> None:
    """The window, the grid and the accounts list can be built and painted before SQLAlchemy
    (half of the start's CPU) is imported: they name the services only as types."""
    code = ("import sys; import contactmap_desktop.ui.core.main_window, "
            "contactmap_desktop.ui.grid.grid_clipboard; print(' '.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()

    assert {"sqlalchemy", "contactmap_desktop.services", "contactmap_desktop.storage"}.isdisjoint(
        loaded)


def test_the_window_paints_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    """An existing workspace is painted from the light read (sqlite3); SQLAlchemy, the
    services and the features load after the window's first frame."""
    assert _smoke(tmp_path).returncode == 0  # the default workspace, made with its sample
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"),
                             "--smoke"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=120, cwd=ROOT)
    lines = result.stdout.splitlines()

    assert result.returncode == 0, result.stdout[-2000:]
    painted = next(n for n, line in enumerate(lines) if line.startswith("smoke: window painted"))
    sqlalchemy = next(n for n, line in enumerate(lines) if line.startswith("import time:")
                      and line.split("|")[-1].strip() == "sqlalchemy")
    assert painted < sqlalchemy


def test_the_window_loads_no_pdf_or_server_library_before_it_is_needed() -> None:
    """PDF libraries load with the first PDF, the team server's driver with the first sync
    (psycopg alone added half a second to every start of the window)."""
    code = ("import sys; import contactmap_desktop.application; "
            "print(' '.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()

    assert {"reportlab", "pypdfium2", "PIL", "psycopg", "keyring"}.isdisjoint(loaded)


def test_the_window_imports_what_its_hidden_tabs_panels_and_dialogs_need_when_used(
        tmp_path: Path) -> None:
    """The tabs and the panels tabbed behind others are built when first shown, and import
    their modules then: loaded at the start, they added 2.7 MB to the 1,000 × 100 account's
    peak though nobody may open them. So do the dialogs, the import, the account files, the
    reports and what talks to a team server (1.6 MB), with their first use."""
    assert _smoke(tmp_path).returncode == 0  # the default workspace, made with its sample
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"),
                             "--smoke"], env=env, capture_output=True, text=True, timeout=120,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = {line.split("|")[-1].strip() for line in result.stderr.splitlines()
              if line.startswith("import time:")}

    assert "contactmap_desktop.ui.features" in loaded
    built_when_shown = {f"contactmap_desktop.ui.{name}" for name in (
        "letters.letters_tab", "letters.printing_page", "lifecycle.lifecycle_tab",
        "lifecycle.agenda_view", "power_map.power_map_tab", "blueprints.blueprint_panel",
        "blueprints.strategy_panel", "blueprints.reference_panel", "blueprints.overview_panel")}
    first_use = {f"contactmap_desktop.{name}" for name in (
        "services.csv_import", "services.account_exchange", "services.csv_export",
        "services.team_sync", "storage.team_server", "services.sample_account",
        "services.blueprint_report", "services.map_report", "domain.reference",
        "ui.data.import_dialog", "ui.accounts.stakeholder_dialog", "ui.help.about_dialog",
        "ui.safety.restore_backup_dialog", "ui.team.team_dialogs")}
    assert loaded.isdisjoint(built_when_shown | first_use | {"PySide6.QtPrintSupport"})
