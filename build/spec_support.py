"""What build/contactmap.spec decides, as plain functions the unit tests can check.

The version, the fonts staged into the bundle, the package metadata, and which parts of Qt
and of the standard library the app never uses. No PyInstaller import here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

# The fonts the PDFs embed for what the standard PDF fonts cannot print: DejaVu for Greek,
# Cyrillic and letters outside Western Europe; Droid Sans Fallback for Han and Kana; Nanum
# Gothic for Hangul; Noto Sans for Arabic, Hebrew, Devanagari and Thai; Symbola for emoji
# (contactmap_desktop/reports/fonts.py says which face prints what).
REQUIRED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf",
                  "NanumGothic.ttf", "NanumGothicBold.ttf",
                  "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf",
                  "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf",
                  "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf",
                  "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "Symbola_hint.ttf")
# Debian ships the oblique faces in fonts-dejavu-extra: bundled when present.
OPTIONAL_FONTS = ("DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
# The fonts' licenses travel with them (Droid Sans Fallback is Apache-2.0, Nanum and Noto
# the SIL Open Font License, Symbola free for any use).
DEBIAN_FONT_LICENSES = {
    "LICENSE-DejaVu.txt": Path("/usr/share/doc/fonts-dejavu-core/copyright"),
    "LICENSE-DroidSansFallback.txt": Path("/usr/share/doc/fonts-droid-fallback/copyright"),
    "LICENSE-Nanum.txt": Path("/usr/share/doc/fonts-nanum/copyright"),
    "LICENSE-Noto.txt": Path("/usr/share/doc/fonts-noto-core/copyright"),
    "LICENSE-Symbola.txt": Path("/usr/share/doc/fonts-symbola/copyright"),
}
FONT_DIRS_VARIABLE = "CONTACTMAP_FONT_DIRS"

EXCLUDED_MODULES = [
    # Standard library parts nothing in the app reaches.
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3",
    "ensurepip", "venv", "xmlrpc", "curses",
    # Qt modules the app does not use (Essentials ships them; their hooks drag in QML).
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDBus", "PySide6.QtSql",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtTest",
    # SQLAlchemy dialects other than SQLite.
    "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    # Build-time tools that hooks sometimes pull in.
    "setuptools", "pkg_resources", "pip", "PyInstaller",
]

# Qt plugin folders the app never loads: other display servers and embedded backends, input
# devices, networking, SQL, QML and designer tooling.
DROPPED_PLUGIN_TYPES = frozenset({
    "egldeviceintegrations", "generic", "networkinformation", "tls", "sqldrivers",
    "qmltooling", "designer", "vectorimageformats", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-graphics-integration-server",
    "wayland-shell-integration",
})
# Single plugins dropped from folders that are otherwise kept. Wayland sessions fall back to
# XWayland through the xcb plugin; qgtk3 would drag GTK into the bundle; the virtual keyboard
# needs QML.
DROPPED_PLUGINS = frozenset({
    "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qwayland",
    "qgtk3", "qtvirtualkeyboardplugin",
    "qtiff", "qwebp", "qwbmp", "qtga", "qpdf", "qicns",
})
# Qt libraries only those plugins and modules need.
DROPPED_QT_LIBRARIES = ("Qt6Wayland", "Qt6EglFS", "Qt6EglFs", "Qt6VirtualKeyboard",
                        "Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6Designer")


def project_version(pyproject: Path) -> str:
    """The version written in pyproject.toml: the one place it lives."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def safe_workpath(workpath: Path, spec_dir: Path, fallback_root: Path) -> Path:
    """PyInstaller's work folder, moved out of the committed build/ folder if it points there."""
    resolved = workpath.resolve()
    if resolved == spec_dir.resolve() or spec_dir.resolve() in resolved.parents:
        return fallback_root.resolve() / workpath.name
    return workpath


def font_search_dirs(environ: dict[str, str] | os._Environ[str] = os.environ,
                     platform: str = sys.platform) -> list[Path]:
    """Where the build looks for the fonts: $CONTACTMAP_FONT_DIRS first, then the system."""
    dirs = [Path(p) for p in environ.get(FONT_DIRS_VARIABLE, "").split(os.pathsep) if p]
    if platform == "win32":
        dirs += [Path(environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if "LOCALAPPDATA" in environ:
            dirs.append(Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    elif platform == "darwin":
        dirs += [Path.home() / "Library" / "Fonts", Path("/Library/Fonts"),
                 Path("/opt/homebrew/share/fonts"), Path("/usr/local/share/fonts")]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local" / "share" / "fonts"]
    return dirs


def find_font(name: str, dirs: Iterable[Path]) -> Path | None:
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
        if folder.is_dir():
            found = next(iter(sorted(folder.rglob(name))), None)
            if found is not None:
                return found
    return None


def stage_fonts(target: Path, dirs: Sequence[Path] | None = None) -> Path:
    """Copies the PDF fonts (and their licenses) into target; fails naming what is missing."""
    search = list(dirs) if dirs is not None else font_search_dirs()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    missing = []
    for name in (*REQUIRED_FONTS, *OPTIONAL_FONTS):
        found = find_font(name, search)
        if found is not None:
            shutil.copy2(found, target / name)
        elif name in REQUIRED_FONTS:
            missing.append(name)
    if missing:
        raise SystemExit(
            f"contactmap build: font(s) not found: {', '.join(missing)}. Install the Debian "
            f"packages fonts-dejavu-core, fonts-droid-fallback, fonts-nanum, fonts-noto-core "
            f"and fonts-symbola, or put the .ttf files in a folder named in "
            f"${FONT_DIRS_VARIABLE}.")
    for license_name, source in DEBIAN_FONT_LICENSES.items():
        if source.is_file():
            shutil.copy2(source, target / license_name)
    for folder in search:  # licenses shipped beside hand-supplied fonts
        for license_file in sorted(folder.glob("LICENSE*")) if folder.is_dir() else []:
            shutil.copy2(license_file, target / license_file.name)
    return target


def write_metadata(target: Path, name: str, version: str) -> Path:
    """A minimal .dist-info so importlib.metadata.version(name) works in the frozen app."""
    dist_info = target / f"{name.replace('-', '_')}-{version}.dist-info"
    if target.exists():
        shutil.rmtree(target)
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    return dist_info


def _stem(file_name: str) -> str:
    """'libqxcb.so' / 'qxcb.dll' / 'libqxcb.dylib' → 'qxcb'; 'libQt6Gui.so.6' → 'Qt6Gui'."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _qt_relative(dest: str) -> tuple[str, ...] | None:
    """The part of a bundle path below PySide6/ (and Qt/), or None outside PySide6."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[1:]
    return rest[1:] if rest[:1] == ("Qt",) else rest


def keep_binary(dest: str) -> bool:
    rest = _qt_relative(dest)
    if rest is None:
        return True
    if len(rest) >= 3 and rest[0] == "plugins":
        return rest[1] not in DROPPED_PLUGIN_TYPES and _stem(rest[-1]) not in DROPPED_PLUGINS
    return not _stem(rest[-1]).startswith(DROPPED_QT_LIBRARIES) if rest else True


def keep_data(dest: str) -> bool:
    rest = _qt_relative(dest)
    # Qt's own translations: the app's text is English and so are Qt's built-in strings.
    return rest is None or (rest[:1] != ("translations",) and keep_binary(dest))


def trim_binaries(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in entries if keep_binary(entry[0])]


def trim_datas(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in entries if keep_data(entry[0])]


def _is_candidate_dependency(dest: str) -> bool:
    """A shared library PyInstaller collected only because something links to it."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    top_level = len(parts) == 1 and not parts[0].startswith("libpython")  # dlopen'd at start
    return top_level or parts[:3] == ("PySide6", "Qt", "lib")


def prune_unreachable(entries: Sequence[tuple[str, str, str]],
                      imports_of: Callable[[str], Iterable[str]]) -> list[tuple[str, str, str]]:
    """Drops the linked libraries that no kept binary links to any more.

    PyInstaller gathers dependencies before the trimming above, so the libraries of dropped
    plugins (GTK's cairo, Wayland's client…) stay behind. Roots are extension modules,
    plugins and whatever is not a plain linked library; imports_of(path) names what a binary
    links to (file names).
    """
    # Extension modules are imported, never linked to: a top-level one (_rl_accel) is a root.
    def candidate(dest: str, kind: str) -> bool:
        return kind != "EXTENSION" and _is_candidate_dependency(dest)

    by_name = {PurePosixPath(dest.replace("\\", "/")).name: (dest, src, kind)
               for dest, src, kind in entries if candidate(dest, kind)}
    reached: set[str] = set()
    pending = [src for dest, src, kind in entries if not candidate(dest, kind)]
    while pending:
        for name in imports_of(pending.pop()):
            if name in by_name and name not in reached:
                reached.add(name)
                pending.append(by_name[name][1])
    return [entry for entry in entries
            if not candidate(entry[0], entry[2])
            or PurePosixPath(entry[0].replace("\\", "/")).name in reached]


def linked_libraries(path: str) -> set[str]:
    """File names of the libraries a binary links to (PyInstaller's own ldd reading)."""
    from PyInstaller.depend.bindepend import get_imports  # only inside a PyInstaller build

    return {name for name, _ in get_imports(path)}


def drop_dangling_symlinks(entries: Iterable[tuple[str, str, str]],
                           bundled: Iterable[str]) -> list[tuple[str, str, str]]:
    """Removes PyInstaller's SYMLINK entries whose target (bundle-relative) is no longer kept."""
    targets = {dest.replace("\\", "/") for dest in bundled}
    return [entry for entry in entries
            if entry[2] != "SYMLINK" or entry[1].replace("\\", "/") in targets]
