"""Size and start time of the ContactMap bundle next to a bare PySide6 hello-window bundle.

The bare bundle is built the same way as the app (one folder, the same Qt trimming from
build/spec_support.py, strip on Linux, no UPX), into .pyinstaller/bench/ (git-ignored).

    python benchmarks/bundle_vs_bare.py [--app dist/contactmap] [--runs 10] [--rebuild]

Build the app first (bash build/build.sh). Prints one line per figure and the ratios: size,
the first frame, the window painted on the sample account, and peak memory. A bundle holds
no Python sources, so unlike a source checkout its imports do not pay for PySide6 reading
the source of every module imported after it (its ``__feature__`` hook does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.processes import ProcessRun, samples_taking_turns  # noqa: E402

BENCH = ROOT / ".pyinstaller" / "bench"

HELLO = '''\
"""A bare PySide6 window: the floor a Qt bundle cannot go below."""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False


def painted():
    print("smoke: first frame painted", flush=True)
    QApplication.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Hello")
label = QLabel("Hello, window")
window.setCentralWidget(label)
if "--smoke" in sys.argv:
    watcher = FirstPaint()
    label.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
'''

SPEC = '''\
# ruff: noqa: F821
import sys
sys.path.insert(0, {build_dir!r})
import spec_support
a = Analysis([{script!r}], excludes=spec_support.EXCLUDED_MODULES)
a.binaries = spec_support.trim_binaries(a.binaries)
if sys.platform.startswith("linux"):
    a.binaries = spec_support.prune_unreachable(a.binaries, spec_support.linked_libraries)
a.datas = spec_support.trim_datas(a.datas)
bundled = [dest for dest, _, _ in (*a.binaries, *a.datas)]
a.binaries = spec_support.drop_dangling_symlinks(a.binaries, bundled)
a.datas = spec_support.drop_dangling_symlinks(a.datas, bundled)
strip = sys.platform.startswith("linux")
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="hello", strip=strip, upx=False,
          console=True)
coll = COLLECT(exe, a.binaries, a.datas, strip=strip, upx=False, name="hello")
'''


def build_bare() -> tuple[Path, float]:
    BENCH.mkdir(parents=True, exist_ok=True)
    script, spec = BENCH / "hello.py", BENCH / "hello.spec"
    script.write_text(HELLO, encoding="utf-8")
    spec.write_text(SPEC.format(build_dir=str(ROOT / "build"), script=str(script)),
                    encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(BENCH / "work"), "--distpath", str(BENCH / "dist"),
                    str(spec)], check=True)
    return BENCH / "dist" / "hello", time.perf_counter() - started


def executable(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def folder_mb(folder: Path) -> float:
    # Symlinks (PyInstaller links Qt libraries into the top folder) are not counted twice.
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


def smoke_runs(app: Path, bare: Path, runs: int, home: Path) -> dict[str, list[ProcessRun]]:
    """`--smoke` of both bundles, taking turns; the app on its default workspace (the first
    run creates it with the sample account)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(home / variable.lower())
    return samples_taking_turns({"app": [str(app), "--smoke"], "bare": [str(bare), "--smoke"]},
                                runs, env, home)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "contactmap")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the bare bundle")
    args = parser.parse_args()
    app_exe = executable(args.app, "contactmap")
    if not app_exe.is_file():
        parser.error(f"{app_exe} not found: run bash build/build.sh first")
    bare = BENCH / "dist" / "hello"
    if args.rebuild or not executable(bare, "hello").is_file():
        bare, seconds = build_bare()
        print(f"bare bundle built in {seconds:.0f} s")
    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        home.mkdir(exist_ok=True)
        runs = smoke_runs(app_exe, executable(bare, "hello"), args.runs, home)

    def median(name: str, figure: Callable[[ProcessRun], float]) -> float:
        return statistics.median(figure(run) for run in runs[name])

    first_frame = median("bare", lambda run: run.mark("first frame painted"))
    app_size, bare_size = folder_mb(args.app), folder_mb(bare)
    lines = [
        ("size", app_size, bare_size, "MB"),
        ("first frame", median("app", lambda run: run.mark("first frame painted")),
         first_frame, "s"),
        ("window painted (sample account)", median("app", lambda run: run.mark("window painted")),
         first_frame, "s"),
        ("peak memory", median("app", lambda run: run.peak_mb),
         median("bare", lambda run: run.peak_mb), "MB"),
    ]
    for what, app_value, bare_value, unit in lines:
        print(f"{what}: app {app_value:.3f} {unit}, bare {bare_value:.3f} {unit}, "
              f"ratio {app_value / bare_value:.2f}")
    print(f"(medians of {args.runs} --smoke runs of each, offscreen, taking turns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
